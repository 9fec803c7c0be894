import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/ledger/group-commit.ts';

/** A write the test finishes by hand, keeping every group it was given. */
function heldWrites() {
  const groups: string[][] = [];
  const pending: { items: string[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const write = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      groups.push(items);
      pending.push({
        items,
        finish: () => resolve(items.map((item) => `done ${item}`)),
        fail: reject,
      });
    });
  return { groups, pending, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes an item at once when nothing is running, and gathers what arrives meanwhile', async () => {
    const held = heldWrites();
    const add = groupCommit(held.write, { lanes: 2, maxBatch: 10, minBatchWhileBusy: 3 });
    const first = add('a');
    expect(held.groups).toEqual([['a']]);
    const rest = ['b', 'c'].map(add);
    // Two waiting are fewer than three: the second lane stays shut.
    expect(held.groups).toEqual([['a']]);
    const more = ['d', 'e'].map(add);
    expect(held.groups).toEqual([['a'], ['b', 'c', 'd']]);
    held.pending[0]?.finish();
    expect(await first).toBe('done a');
    // 'e' alone while a write still runs waits for it to end.
    await settle();
    expect(held.groups).toHaveLength(2);
    held.pending[1]?.finish();
    expect(await Promise.all(rest)).toEqual(['done b', 'done c']);
    await settle();
    expect(held.groups).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    held.pending[2]?.finish();
    expect(await Promise.all(more)).toEqual(['done d', 'done e']);
  });

  it('never runs more than its lanes, nor more than maxBatch items in one write', async () => {
    const held = heldWrites();
    const add = groupCommit(held.write, { lanes: 2, maxBatch: 4, minBatchWhileBusy: 1 });
    const all = Array.from({ length: 11 }, (_, i) => add(`i${i}`));
    expect(held.groups.map((group) => group.length)).toEqual([1, 1]);
    held.pending[0]?.finish();
    await settle();
    expect(held.groups.map((group) => group.length)).toEqual([1, 1, 4]);
    held.pending[1]?.finish();
    await settle();
    held.pending[2]?.finish();
    await settle();
    held.pending[3]?.finish();
    await settle();
    held.pending[4]?.finish();
    expect(await Promise.all(all)).toEqual(Array.from({ length: 11 }, (_, i) => `done i${i}`));
    expect(held.groups.map((group) => group.length)).toEqual([1, 1, 4, 4, 1]);
  });

  it('writes each item of a failed group on its own, so only the bad one fails', async () => {
    const groups: string[][] = [];
    let release: () => void = () => undefined;
    const firstRuns = new Promise<void>((resolve) => {
      release = resolve;
    });
    const add = groupCommit(
      async (items: string[]) => {
        groups.push(items);
        if (items.length === 1 && items[0] === 'first') await firstRuns;
        if (items.includes('bad')) throw new Error('bad item');
        return items.map((item) => item.toUpperCase());
      },
      { lanes: 1, maxBatch: 10, minBatchWhileBusy: 1 },
    );
    const first = add('first');
    const together = ['x', 'bad', 'y'].map((item) => add(item).catch((error: Error) => error.message));
    release();
    expect(await first).toBe('FIRST');
    expect(await Promise.all(together)).toEqual(['X', 'bad item', 'Y']);
    expect(groups).toEqual([['first'], ['x', 'bad', 'y'], ['x'], ['bad'], ['y']]);
  });

  it('treats an answer for the wrong number of items as a failed group', async () => {
    const groups: number[] = [];
    let release: () => void = () => undefined;
    const blocker = new Promise<void>((resolve) => {
      release = resolve;
    });
    const add = groupCommit(
      async (items: number[]) => {
        groups.push(items.length);
        if (items[0] === 0) await blocker;
        return items.length > 1 ? [items[0] as number] : items;
      },
      { lanes: 1, maxBatch: 10, minBatchWhileBusy: 1 },
    );
    const all = [0, 1, 2, 3].map(add);
    release();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3]);
    expect(groups).toEqual([1, 3, 1, 1, 1]);
  });
});
