import { startJobQueue } from '../src/jobs/job-queue.ts';
import { createLogger } from '../src/log/logger.ts';
import { createBenchBot } from './bench-bot.ts';
import type { BenchDatabase } from './bench-database.ts';

/** Flags per side and run: enough to last a second or more, few enough to keep the whole bench short. */
export const FLAGS = Number(process.env.BENCH_FLAGS ?? 2000);
/** Members flagging at once: the pool's size, so neither side waits for a connection. */
export const CONCURRENCY = 10;

export interface ThroughputRun {
  coreFlagsPerSecond: number;
  rawInsertsPerSecond: number;
  ratio: number;
}

/**
 * B1: flags per second through the core (parsing, validation, the flag transaction with deduplication and
 * co-reporting, the rally's first look) against raw single-row INSERTs into a table of the incidents' shape,
 * with the same number of concurrent callers on the same pool, one after the other in one run.
 */
export async function runFlagThroughput(database: BenchDatabase, run: number): Promise<ThroughputRun> {
  const { pool } = database;
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_incidents (LIKE incidents INCLUDING ALL)');
  const jobs = await startJobQueue(pool, createLogger('silent'));
  try {
    const bot = createBenchBot(pool, jobs);
    const core = await perSecond(FLAGS, async (i) => {
      const reply = await bot.handle({
        actor: { id: `bench:local:member${i % 50}`, name: `member ${i % 50}`, isLead: false },
        delivery: { platform: 'bench', id: `b1-${run}-${i}` },
        request: {
          name: 'flag',
          input: {
            text: `https://x.com/Troll${i % 500}/status/${run}${i} harassment he wrote something cruel`,
          },
        },
      });
      if (reply.tone === 'error') throw new Error(`flag ${i} was refused: ${reply.title}`);
    });
    const raw = await perSecond(FLAGS, async (i) => {
      await pool.query(
        `INSERT INTO bench_raw_incidents (canonical_url, platform, kind, category, severity, target_id, first_reported_at)
         VALUES ($1, 'x', 'post', 'harassment', 'medium', $2, now())`,
        [`https://x.com/troll${i % 500}/status/raw${run}${i}`, `bench:local:member${i % 50}`],
      );
    });
    return { coreFlagsPerSecond: core, rawInsertsPerSecond: raw, ratio: core / raw };
  } finally {
    await jobs.stop();
  }
}

async function perSecond(count: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}
