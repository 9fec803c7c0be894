import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './bench-database.ts';
import { ALERTS, BOUND_SECONDS, PACING, PLATFORM_LIMIT, runRallyFanout } from './rally-fanout.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * `npm run bench`: each figure a median over several runs, printed as a table and written as JSON. Targets
 * are ratios measured in the same run, so a busy machine moves both sides together.
 */
async function main(): Promise<void> {
  const databases = [undefined, process.env.BENCH_DATABASE_URL].filter((url, i) => i === 0 || url);
  const results = [];
  for (const url of databases) {
    const database = await openBenchDatabase(url);
    try {
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await runRallyFanout(database, run));
      const seconds = median(runs.map((r) => r.seconds));
      results.push({
        benchmark: `B5 rally fan-out: ${ALERTS} alerts, fake limit ${PLATFORM_LIMIT}/s, pacing ${PACING}/s`,
        database: database.label,
        runs: runs.length,
        medianSeconds: Number(seconds.toFixed(2)),
        boundSeconds: BOUND_SECONDS,
        ratio: Number((seconds / BOUND_SECONDS).toFixed(3)),
        goal: '≤ 1.15',
        rateLimitedCalls: runs.map((r) => r.rateLimited),
      });
    } finally {
      await database.close();
    }
  }
  console.table(results);
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const file = path.resolve('bench-results.json');
  await writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2)}\n`);
  console.log(`Written to ${file}`);
}

await main();
process.exit(0);
