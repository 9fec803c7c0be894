import { AsyncLocalStorage } from 'node:async_hooks';

/** 100 MB: ten screenshots at the 10 MB limit, far above what a collective sends at once. */
export const DEFAULT_SCREENSHOT_BUDGET_BYTES = 100 * 1024 * 1024;

/** Gives back what one screenshot held. */
export interface ScreenshotLease {
  /** The file turned out smaller than reserved (or failed): keep only what it holds. */
  shrinkTo(bytes: number): void;
}

/**
 * A cap on the bytes of downloaded screenshots this process holds at once, shared by every adapter in it. A
 * screenshot is held from its download until the request that brought it is answered (its flag recorded), so
 * each request runs `within` a scope that gives its screenshots back when it ends. No library fits: limiters such
 * as p-limit count tasks, not bytes, and this only needs a counter.
 *
 * When there is no room, the screenshot is not downloaded (the flag keeps its reference and the member is told
 * to keep their copy): a flag never waits behind other people's uploads, and a flood builds no queue.
 */
export class ScreenshotBudget {
  private held = 0;
  private readonly scope = new AsyncLocalStorage<Array<() => void>>();

  constructor(readonly maxBytes: number) {}

  /** Bytes held now, for tests and logs. */
  get heldBytes(): number {
    return this.held;
  }

  /** Runs one request's work; every screenshot it downloaded is given back when it ends. */
  async within<T>(work: () => Promise<T>): Promise<T> {
    const releases: Array<() => void> = [];
    try {
      return await this.scope.run(releases, work);
    } finally {
      for (const release of releases) release();
    }
  }

  /** Room for `bytes` in the current request, or undefined when there is none now. */
  reserve(bytes: number): ScreenshotLease | undefined {
    const releases = this.scope.getStore();
    // A download outside a request's scope would never be given back: refuse it rather than leak the budget.
    if (!releases || this.held + bytes > this.maxBytes) return undefined;
    let mine = bytes;
    this.held += mine;
    releases.push(() => {
      this.held -= mine;
      mine = 0;
    });
    return {
      shrinkTo: (actual) => {
        const keep = Math.min(mine, Math.max(0, actual));
        this.held -= mine - keep;
        mine = keep;
      },
    };
  }
}
