import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  CaptureLimits,
  CaptureResult,
  PageCapturer,
  PageLiveness,
} from '../core/capture/page-capturer.ts';
import type { Logger } from '../log/logger.ts';
import type { CaptureWorkerMessage } from './capture-worker.ts';

export interface CaptureProcessOptions {
  executablePath: string;
  limits: CaptureLimits;
  log?: Logger;
  /** The process (and its browser) ends after this long with nothing to do; the next capture starts it again. */
  idleMs?: number;
}

// Below the bot's own priority: on a small machine a page being drawn must not slow the answers to members.
const NICENESS = 10;
// A capture the process did not answer well after its own deadline: the process is wedged and is replaced.
const ANSWER_GRACE_MS = 15_000;

/** bin/shieldwall.mjs, from the sources (src/capture) or from the bundle (dist/). */
const BIN = [
  path.resolve(import.meta.dirname, '..', 'bin', 'shieldwall.mjs'),
  path.resolve(import.meta.dirname, '..', '..', 'bin', 'shieldwall.mjs'),
].find((candidate) => existsSync(candidate));

type Answer = CaptureResult | PageLiveness;
interface Pending {
  kind: 'capture' | 'check';
  /** The process asked: one that ends fails only its own captures, not those of the one after it. */
  worker: ChildProcess;
  settle: (answer: Answer) => void;
}

/**
 * Captures in a child process of its own (`shieldwall capture-worker`), started on the first capture and let go
 * when idle. Playwright, the egress proxy and the screenshots' bytes stay out of the bot's event loop, and the
 * browser, started by that process, inherits its lower priority: measured in `npm run bench` (B2c).
 */
export function createCaptureProcess(options: CaptureProcessOptions): PageCapturer {
  const { limits, log } = options;
  const idleMs = options.idleMs ?? 60_000;
  let child: ChildProcess | undefined;
  let closed = false;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const pending = new Map<number, Pending>();

  const failedAnswer = (kind: Pending['kind'], reason: 'error' | 'timed-out'): Answer =>
    kind === 'capture' ? { outcome: 'failed', at: new Date(), reason } : { state: 'unknown', at: new Date() };

  const start = (): ChildProcess => {
    if (!BIN) throw new Error('bin/shieldwall.mjs is missing: the capture process cannot start');
    const started = fork(BIN, ['capture-worker'], {
      serialization: 'advanced',
      // What Chromium or Playwright print may hold a page's address: none of it reaches the logs.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    try {
      if (started.pid) os.setPriority(started.pid, NICENESS);
    } catch (error) {
      log?.warn(
        { err: error instanceof Error ? error.name : 'unknown' },
        'the capture process keeps normal priority',
      );
    }
    started.on('message', ({ id, result }: { id: number; result: Answer }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      waiting?.settle(result);
      if (pending.size === 0) idleAfter();
    });
    started.on('exit', (code, signal) => {
      if (child === started) child = undefined;
      const lost = [...pending].filter(([, waiting]) => waiting.worker === started);
      if (lost.length > 0) log?.warn({ code, signal }, 'the capture process ended with captures under way');
      for (const [id, waiting] of lost) {
        pending.delete(id);
        waiting.settle(failedAnswer(waiting.kind, 'error'));
      }
    });
    started.on('error', (error) => log?.warn({ err: error.name }, 'the capture process failed'));
    const hello: CaptureWorkerMessage = { kind: 'start', executablePath: options.executablePath, limits };
    started.send(hello);
    return started;
  };

  const idleAfter = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending.size === 0) child?.disconnect();
    }, idleMs);
    idleTimer.unref();
  };

  const ask = (kind: Pending['kind'], url: string, signal?: AbortSignal): Promise<Answer> => {
    if (closed || signal?.aborted) return Promise.resolve(failedAnswer(kind, 'error'));
    clearTimeout(idleTimer);
    // A process let go when idle may still be on its way out: a new one takes over.
    if (!child?.connected) child = start();
    const worker = child;
    const id = ++nextId;
    return new Promise<Answer>((resolve) => {
      const onAbort = () =>
        worker.connected && worker.send({ kind: 'abort', id } satisfies CaptureWorkerMessage);
      const wedged = setTimeout(() => {
        log?.warn('the capture process did not answer in time; it is replaced');
        worker.kill('SIGKILL');
      }, limits.timeoutMs + ANSWER_GRACE_MS);
      pending.set(id, {
        kind,
        worker,
        settle: (answer) => {
          clearTimeout(wedged);
          signal?.removeEventListener('abort', onAbort);
          resolve(answer);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.send({ kind, id, url } satisfies CaptureWorkerMessage);
    });
  };

  return {
    capture: (url, signal) => ask('capture', url, signal) as Promise<CaptureResult>,
    check: (url, signal) => ask('check', url, signal) as Promise<PageLiveness>,
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      const running = child;
      if (!running) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      if (running.connected) running.disconnect();
      const late = setTimeout(() => running.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(late);
    },
  };
}
