export interface GroupCommitOptions {
  /** Writes running at once; a new item goes at once while one of these is free. */
  lanes: number;
  /** The most items one write takes. */
  maxBatch: number;
  /**
   * While another write is running, a new one starts only with at least this many items waiting; fewer wait
   * for the next free lane or for the running ones to end. Without it, under load, one lane writes single items
   * back to back while the others carry the groups.
   */
  minBatchWhileBusy: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: up to `lanes` writes run at once, and whatever arrives while they are busy waits and goes
 * together in a later one. When it is quiet every item is written at once, alone; under load many items share
 * one round trip and one commit, which is most of what a small write costs.
 *
 * `write` gets the items in arrival order and answers with one result per item, in the same order. If a shared
 * write fails, nothing of it happened (it is one transaction), and each of its items is written again on its
 * own, so a bad item fails only its own caller.
 *
 * Not a library: batch loaders (DataLoader and the like) gather what arrives in one tick of the event loop,
 * and requests from a chat platform arrive in separate ticks, so they would write one at a time exactly when
 * it matters; this gathers what arrives while the database is busy.
 */
export function groupCommit<T, R>(
  write: (items: T[]) => Promise<R[]>,
  options: GroupCommitOptions,
): (item: T) => Promise<R> {
  const waiting: Waiting<T, R>[] = [];
  let busy = 0;

  const writeOne = async (entry: Waiting<T, R>) => {
    try {
      const [result] = await write([entry.item]);
      entry.resolve(result as R);
    } catch (error) {
      entry.reject(error);
    }
  };

  const writeTogether = async (batch: Waiting<T, R>[]) => {
    if (batch.length === 1) return writeOne(batch[0] as Waiting<T, R>);
    let results: R[];
    try {
      results = await write(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error('a group write answered for the wrong number');
    } catch {
      await Promise.all(batch.map(writeOne));
      return;
    }
    batch.forEach((entry, i) => {
      entry.resolve(results[i] as R);
    });
  };

  const mayStart = () =>
    busy < options.lanes && waiting.length >= (busy === 0 ? 1 : options.minBatchWhileBusy);

  const next = () => {
    while (mayStart()) {
      busy += 1;
      void writeTogether(waiting.splice(0, options.maxBatch)).finally(() => {
        busy -= 1;
        next();
      });
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}
