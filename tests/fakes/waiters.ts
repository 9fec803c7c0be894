interface Waiter {
  check(): void;
  abort(error: Error): void;
}

/** A value that is not a promise: a probe's answer must be there when it returns. */
export type NotAPromise<T> = T extends PromiseLike<unknown> ? never : T;

/** The fakes' shared "wait until a probe answers" machinery: they call notify() whenever their state changes. */
export class Waiters {
  private readonly pending = new Set<Waiter>();

  /** Re-runs every pending probe; those that now answer resolve. */
  notify(): void {
    for (const waiter of [...this.pending]) waiter.check();
  }

  /** Rejects every pending wait, each with its own `new Error(message)`. */
  abortAll(message: string): void {
    for (const waiter of [...this.pending]) waiter.abort(new Error(message));
  }

  /**
   * Resolves with the first value `ready` returns (checked now and on each notify()); rejects after `timeoutMs`.
   * `ready` answers at once: an async one would be a promise, taken for an answer without waiting.
   */
  waitFor<T>(
    ready: () => NotAPromise<T> | undefined,
    timeoutMs: number,
    timeoutMessage: () => string,
  ): Promise<T> {
    const now = ready();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          const value = ready();
          if (value === undefined) return;
          finish();
          resolve(value);
        },
        abort: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.abort(new Error(timeoutMessage())), timeoutMs);
      this.pending.add(waiter);
    });
  }
}
