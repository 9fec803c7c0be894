import { startJobQueue } from '../src/jobs/job-queue.ts';
import { createLogger } from '../src/log/logger.ts';
import { createBenchBot } from './bench-bot.ts';
import type { BenchDatabase } from './bench-database.ts';
import { OFFENDERS } from './large-ledger.ts';
import { percentile } from './stats.ts';

export const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2000);
export const DIGEST_BUILDS = 5;

export interface LedgerQueryRun {
  lookupP50Ms: number;
  lookupP99Ms: number;
  digestMedianMs: number;
}

/**
 * B3 and B4 on the seeded ledger, both through the core as a lead would ask in chat: `/offender <handle>` for
 * random accounts (one at a time, as people ask), and `/digest` for the current week.
 */
export async function runLedgerQueries(database: BenchDatabase): Promise<LedgerQueryRun> {
  const jobs = await startJobQueue(database.pool, createLogger('silent'));
  try {
    const bot = createBenchBot(database.pool, jobs);
    const lead = { id: 'bench:local:lead', name: 'lead', isLead: true };
    const ask = async (name: string, text: string, id: string) => {
      const started = performance.now();
      const reply = await bot.handle({
        actor: lead,
        delivery: { platform: 'bench', id },
        request: { name, input: { text } },
      });
      if (reply.tone === 'error') throw new Error(`/${name} ${text} failed: ${reply.title}`);
      return performance.now() - started;
    };
    // A few unmeasured asks first, so plans and connections are warm on both databases alike.
    for (let i = 0; i < 20; i += 1) await ask('offender', `offender${1 + i}`, `warm-${i}`);
    const lookups: number[] = [];
    for (let i = 0; i < LOOKUPS; i += 1) {
      const handle = `offender${1 + Math.floor(Math.random() * OFFENDERS)}`;
      lookups.push(await ask('offender', handle, `b3-${i}`));
    }
    const builds: number[] = [];
    for (let i = 0; i < DIGEST_BUILDS; i += 1) builds.push(await ask('digest', '', `b4-${i}`));
    return {
      lookupP50Ms: percentile(lookups, 0.5),
      lookupP99Ms: percentile(lookups, 0.99),
      digestMedianMs: percentile(builds, 0.5),
    };
  } finally {
    await jobs.stop();
  }
}
