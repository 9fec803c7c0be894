import type pg from 'pg';
import type { CollectiveConfig } from '../config/collective-config.ts';
import type { Config } from '../config/config.ts';
import { createBot } from '../core/bot.ts';
import type { Bot } from '../core/chat-adapter.ts';
import type { Ledger } from '../core/ledger-port.ts';
import { createFlagLimiter } from '../core/limits/member-limits.ts';
import { type CollectiveSettings, DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import { createShieldwallRegistry } from '../core/shieldwall-commands.ts';
import { createEvidenceExporter } from '../evidence/evidence-exporter.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { registerCollectives } from '../ledger/collectives.ts';
import { createPgEvidenceSource } from '../ledger/evidence-records.ts';
import { createPgLedger } from '../ledger/pg-ledger.ts';
import { createPgRallyStore } from '../ledger/rally-store.ts';
import type { Logger } from '../log/logger.ts';
import type { PageCapture } from './page-capture.ts';

/** A collective this process serves: where it meets, its bot, and what its digest needs. */
export interface ServedCollective {
  config: CollectiveConfig;
  bot: Bot;
  ledger: Ledger;
  settings: CollectiveSettings;
  digestCron: string;
}

/** Builds a collective's bot on its own view of the ledger: one collective's bot never reads another's incidents. */
export type CollectiveBuilder = (collective: CollectiveConfig) => ServedCollective;

export function collectiveBuilder(
  pool: pg.Pool,
  jobs: JobQueue,
  config: Config,
  log: Logger,
  capture: Pick<PageCapture, 'store' | 'work'>,
): CollectiveBuilder {
  const registry = createShieldwallRegistry();
  // Counted per member, and member ids name their workspace: one limiter serves every collective.
  const flagLimiter = createFlagLimiter(config.memberLimits);
  return (collective) => {
    const settings = { ...collective.settings, pageCapture: capture.work !== undefined };
    const ledger = createPgLedger(pool, collective.id);
    const bot = createBot({
      registry,
      ledger,
      settings,
      // A single collective's logs read as ever; with several, each line says whose.
      log: collective.id === DEFAULT_COLLECTIVE_ID ? log : log.child({ collective: collective.id }),
      now: () => new Date(),
      rallyStore: createPgRallyStore(pool, jobs, collective.id),
      evidence: createEvidenceExporter(createPgEvidenceSource(pool, collective.id), settings),
      flagLimiter,
      ...(capture.store ? { captures: capture.store } : {}),
    });
    return { config: collective, bot, ledger, settings, digestCron: collective.digestCron };
  };
}

/** Records the configured collectives in the ledger (and whether each shares its signals), then builds each. */
export async function serveCollectives(
  pool: pg.Pool,
  collectives: readonly CollectiveConfig[],
  build: CollectiveBuilder,
): Promise<ServedCollective[]> {
  await registerCollectives(
    pool,
    collectives.map((collective) => ({
      id: collective.id,
      sharesSignals: collective.settings.sharesSignals,
    })),
  );
  return collectives.map(build);
}
