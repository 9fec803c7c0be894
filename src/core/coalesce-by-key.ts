/**
 * Runs `work(key)` one at a time per key, and folds requests that arrive while a run is waiting into that run.
 * Used to redraw an incident card: ten clicks in a second become at most two redraws, each showing the state
 * read when it starts, and an older redraw can never land after a newer one. Every caller gets the result of a
 * run that started after it asked.
 */
export function coalesceByKey<K, T = void>(work: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const pending = new Map<K, { waiting: Promise<T> | undefined; tail: Promise<unknown> }>();
  return (key) => {
    const entry = pending.get(key) ?? { waiting: undefined, tail: Promise.resolve() };
    if (entry.waiting) return entry.waiting;
    const run = entry.tail
      .catch(() => undefined)
      .then(() => {
        entry.waiting = undefined;
        return work(key);
      });
    entry.waiting = run;
    entry.tail = run;
    pending.set(key, entry);
    void run
      .catch(() => undefined)
      .then(() => {
        if (pending.get(key)?.tail === run) pending.delete(key);
      });
    return run;
  };
}
