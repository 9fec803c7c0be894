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

/** Flags on each side before timing starts: the JIT, the pool's connections and their prepared statements warm up. */
const WARM_UP = 200;
/** Each side's flags run in this many alternating chunks, so both meet the same moments of a shared machine. */
const CHUNKS = 8;

/**
 * B1: flags per second through the core (parsing, validation, the flag's statement with deduplication and
 * co-reporting, the rally's first look) against raw single-row INSERTs into a table of the incidents' shape,
 * with the same number of concurrent callers on the same pool. Both sides are warmed up, then timed in
 * alternating chunks and the times summed, so neither gets the quiet seconds of the machine.
 */
export async function runFlagThroughput(database: BenchDatabase, run: number): Promise<ThroughputRun> {
  const { pool } = database;
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_incidents (LIKE incidents INCLUDING ALL)');
  const jobs = await startJobQueue(pool, createLogger('silent'));
  try {
    const bot = createBenchBot(pool, jobs);
    const flag = async (i: number) => {
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
    };
    const insert = async (i: number) => {
      await pool.query(
        `INSERT INTO bench_raw_incidents (collective_id, canonical_url, platform, kind, category, severity, target_id,
                                          first_reported_at)
         VALUES ('default', $1, 'x', 'post', 'harassment', 'medium', $2, now())`,
        [`https://x.com/troll${i % 500}/status/raw${run}${i}`, `bench:local:member${i % 50}`],
      );
    };
    await timed(0, WARM_UP, flag);
    await timed(0, WARM_UP, insert);
    const chunk = Math.ceil(FLAGS / CHUNKS);
    let coreMs = 0;
    let rawMs = 0;
    for (let from = WARM_UP; from < WARM_UP + FLAGS; from += chunk) {
      const to = Math.min(from + chunk, WARM_UP + FLAGS);
      coreMs += await timed(from, to, flag);
      rawMs += await timed(from, to, insert);
    }
    const core = FLAGS / (coreMs / 1000);
    const raw = FLAGS / (rawMs / 1000);
    return { coreFlagsPerSecond: core, rawInsertsPerSecond: raw, ratio: core / raw };
  } finally {
    await jobs.stop();
  }
}

/** Runs work(from … to-1) with CONCURRENCY callers at once; returns the milliseconds it took. */
async function timed(from: number, to: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) await work(next++);
    }),
  );
  return performance.now() - started;
}
