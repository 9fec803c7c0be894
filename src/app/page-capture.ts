import type pg from 'pg';
import { createCaptureProcess } from '../capture/capture-process.ts';
import { findChromium } from '../capture/find-chromium.ts';
import { createInternetArchive } from '../capture/internet-archive.ts';
import type { CaptureConfig } from '../config/config.ts';
import type { CaptureStore } from '../core/capture/page-captures.ts';
import type { CaptureWork } from '../jobs/capture-jobs.ts';
import { type CaptureJobs, createPgCaptureStore } from '../ledger/page-captures.ts';
import type { Logger } from '../log/logger.ts';

export interface PageCapture {
  /** What the capture jobs run with; undefined when capture is off. */
  work: CaptureWork | undefined;
  store: CaptureStore | undefined;
  /** Closes the browser, after the jobs have stopped. */
  close(): Promise<void>;
  /** Why capture is off, in a line for the person starting the bot; undefined when it is on. */
  off: string | undefined;
}

export interface PageCaptureOptions {
  /** Tests only: see CaptureWork.addressFor. */
  addressFor?: (url: string) => string;
}

/**
 * Page capture, when it is on and a browser is there. Without one the bot still starts: it says so once, and
 * the guidance keeps asking members for screenshots.
 */
export async function startPageCapture(
  config: CaptureConfig | undefined,
  pool: pg.Pool,
  jobs: CaptureJobs,
  log: Logger,
  options: PageCaptureOptions = {},
): Promise<PageCapture> {
  const off = (why: string) => ({
    work: undefined,
    store: undefined,
    close: async () => undefined,
    off: why,
  });
  if (!config) {
    log.info('page capture is off (CAPTURE=off): members are asked to screenshot what they flag');
    return off('CAPTURE=off');
  }
  const browser = await findChromium(config.chromiumPath);
  if ('missing' in browser) {
    log.warn(
      { reason: browser.missing },
      'page capture is off: no browser to capture with; members are asked to screenshot what they flag',
    );
    return off(browser.missing);
  }
  if (config.limits.allowLoopback)
    log.warn('CAPTURE_ALLOW_LOOPBACK_UNSAFE is on: captures may open pages on this machine (tests only)');
  const capturer = createCaptureProcess({ executablePath: browser.path, limits: config.limits, log });
  const store = createPgCaptureStore(pool, jobs);
  const archive = config.archive
    ? createInternetArchive({
        baseUrl: config.archive.baseUrl,
        ...(config.archive.accessKey ? { accessKey: config.archive.accessKey } : {}),
        ...(config.archive.secretKey ? { secretKey: config.archive.secretKey } : {}),
      })
    : undefined;
  return {
    work: {
      capturer,
      store,
      ...(archive ? { archive } : {}),
      recheckDays: config.recheckDays,
      attempts: config.attempts,
      concurrency: config.concurrency,
      ...(options.addressFor ? { addressFor: options.addressFor } : {}),
    },
    store,
    close: () => capturer.close(),
    off: undefined,
  };
}
