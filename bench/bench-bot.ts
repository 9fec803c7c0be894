import type pg from 'pg';
import { createBot } from '../src/core/bot.ts';
import type { CaptureStore } from '../src/core/capture/page-captures.ts';
import type { Bot } from '../src/core/chat-adapter.ts';
import { NO_FLAG_LIMITS } from '../src/core/limits/member-limits.ts';
import { DEFAULT_RALLY_POLICY, type RallyPolicy } from '../src/core/rally/rally-policy.ts';
import { type CollectiveSettings, DEFAULT_COLLECTIVE_ID } from '../src/core/settings.ts';
import { createShieldwallRegistry } from '../src/core/shieldwall-commands.ts';
import type { JobQueue } from '../src/jobs/job-queue.ts';
import { createPgLedger } from '../src/ledger/pg-ledger.ts';
import { createPgRallyStore } from '../src/ledger/rally-store.ts';
import { createLogger } from '../src/log/logger.ts';

export const BENCH_SETTINGS: CollectiveSettings = {
  collectiveName: 'Bench',
  timezone: 'UTC',
  frequentRule: { minIncidents: 3, minTargets: 2, windowDays: 90, lapseDays: 180 },
  safety: { emergency: '911', police: 'police', legal: 'legal', wellbeing: 'wellbeing' },
  rally: DEFAULT_RALLY_POLICY,
};

/**
 * The core exactly as `shieldwall start` builds it, on a bench ledger, logging nothing; with page capture on when
 * given a capture store (as startShieldwall does when a browser is there), and serving one collective.
 */
export function createBenchBot(
  pool: pg.Pool,
  jobs: JobQueue,
  rally: Partial<RallyPolicy> = {},
  captures?: CaptureStore,
  collectiveId: string = DEFAULT_COLLECTIVE_ID,
): Bot {
  const settings = {
    ...BENCH_SETTINGS,
    collectiveId,
    rally: { ...DEFAULT_RALLY_POLICY, ...rally },
    pageCapture: captures !== undefined,
  };
  return createBot({
    registry: createShieldwallRegistry(),
    ledger: createPgLedger(pool, collectiveId),
    settings,
    log: createLogger('silent'),
    now: () => new Date(),
    rallyStore: createPgRallyStore(pool, jobs, collectiveId),
    flagLimiter: NO_FLAG_LIMITS,
    ...(captures ? { captures } : {}),
  });
}
