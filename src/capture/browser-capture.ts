import { type BrowserContext, errors, type Page } from 'playwright-core';
import type { Logger } from '../log/logger.ts';
import type {
  CaptureFailure,
  CaptureLimits,
  CaptureResult,
  FailedCapture,
  PageCapturer,
  PageLiveness,
} from './capture-types.ts';
import { type EgressProxy, startEgressProxy } from './egress-proxy.ts';
import { pageVerdict } from './page-verdict.ts';
import { createSharedBrowser } from './shared-browser.ts';

export interface BrowserCapturerOptions {
  executablePath: string;
  limits: CaptureLimits;
  log?: Pick<Logger, 'info' | 'warn'>;
  /** How long the browser stays up with nothing to do (default 60 s). */
  idleMs?: number;
}

const VIEWPORT = { width: 1280, height: 900 };
// A taller or wider page is cut: a hostile page must not make a PNG of hundreds of megabytes.
const MAX_SHOT = { width: 4000, height: 12_000 };
// Schemes a page may fetch; the rest (file:, chrome:, ftp:, custom app links) are aborted.
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'data:', 'blob:']);

// Read in the page as a string, so nothing of ours (or of a bundler's helpers) runs there. Text is cut short: the
// verdict needs only the notice near the top.
const READ_PAGE = `(() => {
  const shown = (e) => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const root = document.documentElement, body = document.body;
  return {
    hasPasswordField: [...document.querySelectorAll('input[type=password]')].some(shown),
    visibleText: String(body ? body.innerText : '').slice(0, 20000),
    width: Math.max(root ? root.scrollWidth : 0, body ? body.scrollWidth : 0),
    height: Math.max(root ? root.scrollHeight : 0, body ? body.scrollHeight : 0),
  };
})()`;

interface PageReading {
  hasPasswordField: boolean;
  visibleText: string;
  width: number;
  height: number;
}

class DeadlineError extends Error {}

/** Time a step may take past the capture's own deadline, and a context to close, before it is given up on. */
const CLOSING_MS = 5_000;

/** Page scripts can stall an evaluate forever; Playwright gives it no timeout of its own. */
function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError('deadline passed')), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Loaded is a capture before its artefacts: check() stops there. */
type Visit = CaptureResult | { outcome: 'loaded'; at: Date };

/** Captures public pages in a fresh, logged-out browser context each, behind a per-capture egress proxy. */
export function createBrowserCapturer(options: BrowserCapturerOptions): PageCapturer {
  const { limits, log } = options;
  const shared = createSharedBrowser(options.executablePath, options.idleMs ?? 60_000);
  let closed = false;

  const failed = (reason: CaptureFailure, finalUrl?: string, httpStatus?: number): FailedCapture => {
    log?.info({ reason, httpStatus }, 'page capture failed');
    const answered = finalUrl === undefined ? {} : { finalUrl, httpStatus };
    return { outcome: 'failed', at: new Date(), reason, ...answered };
  };

  async function visit(url: string, signal: AbortSignal | undefined, keep: boolean): Promise<Visit> {
    const deadline = Date.now() + limits.timeoutMs;
    const remaining = () => Math.max(1, deadline - Date.now());
    // A post link is always http(s); anything else (file:, javascript:) never reaches the browser.
    if (closed || signal?.aborted || !isWebAddress(url)) return failed('error');
    let proxy: EgressProxy | undefined;
    let context: BrowserContext | undefined;
    let release: (() => void) | undefined;
    let mainUrl = url;
    const abort = () => void context?.close().catch(() => undefined);
    signal?.addEventListener('abort', abort, { once: true });

    const classify = (error: unknown): CaptureFailure => {
      if (proxy?.tooLarge) return 'too-large';
      const host = hostOf(mainUrl);
      if (host && proxy?.refusedHosts.has(host)) return 'refused-address';
      if (closed || signal?.aborted) return 'error';
      if (error instanceof errors.TimeoutError || error instanceof DeadlineError) return 'timed-out';
      if (error instanceof Error && /net::ERR_/.test(error.message)) return 'unreachable';
      log?.warn({ error: error instanceof Error ? error.name : typeof error }, 'page capture error');
      return 'error';
    };

    // Every step, not only the navigation, ends at the deadline or when stopped: a context closed under a
    // pending Playwright call (newPage, route) can leave that call waiting for ever.
    let stop: () => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => {
      stop = () => reject(new DeadlineError('stopped'));
      signal?.addEventListener('abort', stop, { once: true });
    });
    stopped.catch(() => undefined);
    const steps = async (): Promise<Visit> => {
      proxy = await startEgressProxy({
        maxBytes: limits.maxBytes,
        allowLoopback: limits.allowLoopback,
        onTooLarge: abort,
      });
      const used = await shared.use();
      release = used.release;
      const major = used.browser.version().split('.')[0];
      context = await used.browser.newContext({
        proxy: { server: proxy.server },
        acceptDownloads: false,
        serviceWorkers: 'block',
        javaScriptEnabled: true,
        viewport: VIEWPORT,
        locale: 'en-US',
        // Playwright's own user agent says HeadlessChrome, which platforms answer with a block page.
        userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`,
      });
      if (signal?.aborted) return failed('error');
      await context.route(
        (address) => !ALLOWED_SCHEMES.has(address.protocol),
        (route) => route.abort(),
      );
      const page: Page = await context.newPage();
      // Each redirect hop is a new navigation request: the last one is the page whose address counts.
      page.on('request', (request) => {
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) mainUrl = request.url();
      });

      const response = await page.goto(url, { waitUntil: 'load', timeout: remaining() });
      const at = new Date();
      if (!response) return failed('error');
      const host = hostOf(mainUrl);
      // The proxy answers a refused plain-http request with a 403, which the browser shows as a page.
      if (host && proxy.refusedHosts.has(host)) return failed('refused-address');
      const finalUrl = page.url();
      const httpStatus = response.status();
      const reading = (await beforeDeadline(page.evaluate(READ_PAGE), remaining())) as PageReading;
      const verdict = pageVerdict({ requestedUrl: url, finalUrl, httpStatus, ...reading });
      if (verdict !== 'fine') return failed(verdict, finalUrl, httpStatus);
      if (!keep) return { outcome: 'loaded', at };

      const html = await beforeDeadline(response.body(), remaining());
      const screenshot = await page.screenshot({
        type: 'png',
        fullPage: true,
        clip: {
          x: 0,
          y: 0,
          width: Math.min(Math.max(reading.width, VIEWPORT.width), MAX_SHOT.width),
          height: Math.min(Math.max(reading.height, 1), MAX_SHOT.height),
        },
        timeout: remaining(),
      });
      // The limit may have been passed by a late subresource: nothing half-loaded passes for the page.
      if (proxy.tooLarge) return failed('too-large');
      return { outcome: 'captured', at, finalUrl, httpStatus, screenshot, html };
    };
    try {
      return await beforeDeadline(Promise.race([steps(), stopped]), limits.timeoutMs + CLOSING_MS);
    } catch (error) {
      return failed(classify(error));
    } finally {
      // The job's signal lives as long as the process: nothing of this capture may stay attached to it.
      signal?.removeEventListener('abort', abort);
      signal?.removeEventListener('abort', stop);
      await beforeDeadline(context?.close() ?? Promise.resolve(), CLOSING_MS).catch(() => undefined);
      await proxy?.close();
      release?.();
    }
  }

  return {
    async capture(url, signal) {
      const result = await visit(url, signal, true);
      return result.outcome === 'loaded' ? failed('error') : result; // 'loaded' only when nothing is kept
    },
    async check(url, signal): Promise<PageLiveness> {
      const result = await visit(url, signal, false);
      if (result.outcome === 'failed') {
        return result.reason === 'removed' || result.reason === 'login-wall'
          ? { state: 'gone', at: result.at, reason: result.reason }
          : { state: 'unknown', at: result.at };
      }
      return { state: 'up', at: result.at };
    },
    async close() {
      closed = true;
      await shared.close();
    },
  };
}
