import { readdir, readFile, readlink } from 'node:fs/promises';

export interface BrowserMemory {
  processes: number;
  /** Proportional set size summed: a page shared by n processes counts 1/n in each, so once in the sum. */
  pssMB: number;
  /** Resident set size summed, for comparison: shared pages (the binary, the zygote's heap) counted in every process. */
  rssMB: number;
}

/**
 * The memory of the Chromium processes that descend from this one (browser, zygotes, renderers, GPU and network
 * services). Playwright does not hand out the process of a browser it launched, so they are found by the parent
 * chain in /proc. Chromium's crash handler, if it detaches itself, is missed: a few MB.
 */
export async function chromiumMemory(root = process.pid): Promise<BrowserMemory> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // The command name may hold spaces and parentheses: the fields after it start past its last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!ppid) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const descendants: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    descendants.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  let processes = 0;
  let pssKiB = 0;
  let rssKiB = 0;
  for (const pid of descendants) {
    const exe = await readlink(`/proc/${pid}/exe`).catch(() => '');
    if (!/chrom/i.test(exe)) continue;
    // Gone between the listing and now: a renderer of a context just closed.
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => undefined);
    if (!rollup) continue;
    processes += 1;
    pssKiB += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    rssKiB += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  }
  return { processes, pssMB: pssKiB / 1024, rssMB: rssKiB / 1024 };
}
