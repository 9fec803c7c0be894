/**
 * Counts work still under way, so a stop can wait for the last of it: requests being served, and the job
 * queue's SQL statements and handlers.
 *
 * Why a whole turn: pg-boss's `stop()` resolves while a worker may still be fetching; the fetch then returns jobs, the handler
 * runs, and pg-boss completes the jobs without awaiting the call. Ending the pool at that moment made the
 * completion fail as an unhandled rejection, and the process exit 1. Every step of that chain follows the one
 * before it within the same turn of the event loop, so once nothing is counted across a whole turn, nothing more
 * can start, and the pool can close.
 */
export class WorkInFlight {
  private count = 0;
  private idle: Array<() => void> = [];

  /** Runs `work`, counted until it settles. */
  track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.finally(() => {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.idle.splice(0)) wake();
    });
  }

  /** Resolves once nothing has been under way for a whole turn of the event loop, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.count > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          this.idle.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        continue;
      }
      // A settled statement's follow-up (handler, completion) starts in the microtasks after it: a turn later
      // it is either counted or never coming.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.count === 0) return true;
    }
    return this.count === 0;
  }
}
