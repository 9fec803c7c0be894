import type { CaptureLimits } from '../core/capture/page-capturer.ts';
import { createBrowserCapturer } from './browser-capture.ts';

/** What the bot sends its capture process (see capture-process.ts). */
export type CaptureWorkerMessage =
  | { kind: 'start'; executablePath: string; limits: CaptureLimits }
  | { kind: 'capture' | 'check'; id: number; url: string }
  | { kind: 'abort'; id: number };

/**
 * The capture process: the browser and everything that drives it (Playwright, the egress proxy, the screenshot's
 * bytes) run here, at a lower priority, so a capture never holds up the bot's answers to members. It captures what
 * the bot asks, answers by id, and ends with the bot (its channel closes) or when the bot lets it go idle.
 */
export function runCaptureWorker(): void {
  let capturer: ReturnType<typeof createBrowserCapturer> | undefined;
  const under = new Map<number, AbortController>();
  process.on('message', (message: CaptureWorkerMessage) => {
    if (message.kind === 'start') {
      capturer ??= createBrowserCapturer({ executablePath: message.executablePath, limits: message.limits });
      return;
    }
    if (message.kind === 'abort') return under.get(message.id)?.abort();
    if (!capturer) return;
    const stop = new AbortController();
    under.set(message.id, stop);
    const work =
      message.kind === 'capture'
        ? capturer.capture(message.url, stop.signal)
        : capturer.check(message.url, stop.signal);
    void work.then((result) => {
      under.delete(message.id);
      process.send?.({ id: message.id, result });
    });
  });
  // The bot stopped, or let this process go: the browser closes with it.
  process.on('disconnect', () => {
    void (capturer?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}
