import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { createBot } from '../../src/core/bot.ts';
import type { CaptureStore } from '../../src/core/capture/page-captures.ts';
import type { Bot, CommandHandler, MembershipCheck } from '../../src/core/chat-adapter.ts';
import type { Actor } from '../../src/core/command.ts';
import type { Ledger } from '../../src/core/ledger-port.ts';
import { type FlagLimiter, NO_FLAG_LIMITS } from '../../src/core/limits/member-limits.ts';
import { DEFAULT_RALLY_POLICY } from '../../src/core/rally/rally-policy.ts';
import type { Reply } from '../../src/core/reply.ts';
import { type CollectiveSettings, DEFAULT_COLLECTIVE_ID } from '../../src/core/settings.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { createEvidenceExporter } from '../../src/evidence/evidence-exporter.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createPgRallyStore } from '../../src/ledger/rally-store.ts';
import { createLogger, type Logger } from '../../src/log/logger.ts';
import type { TestDatabase } from './test-database.ts';

export const testSettings: CollectiveSettings = {
  collectiveName: 'Test collective',
  timezone: 'America/Chicago',
  frequentRule: { minIncidents: 3, minTargets: 2, windowDays: 90, lapseDays: 180 },
  safety: {
    emergency: '911',
    police: 'the police non-emergency line',
    legal: 'the legal desk',
    wellbeing: 'the PHP',
  },
  rally: DEFAULT_RALLY_POLICY,
};

/**
 * The real core on a test database: the PostgreSQL ledger and rally store. Deliveries are not handed to a job
 * queue (`bot.rally.deliverPending()` sends them), so tests decide when messages go out.
 */
export function createTestBot(
  db: TestDatabase,
  options: {
    log?: Logger;
    settings?: CollectiveSettings;
    now?: () => Date;
    ledger?: Ledger;
    flagLimiter?: FlagLimiter;
    /** Page captures requested after each flag (their jobs are run by the test). */
    captures?: CaptureStore;
  } = {},
): Bot {
  const settings = options.settings ?? testSettings;
  const collective = settings.collectiveId ?? DEFAULT_COLLECTIVE_ID;
  return createBot({
    registry: createShieldwallRegistry(),
    // A test may wrap the real ledger to make one of its calls fail.
    ledger: options.ledger ?? createPgLedger(db.pool, collective),
    settings,
    log: options.log ?? createLogger('silent'),
    now: options.now ?? (() => new Date('2026-11-18T15:00:00Z')),
    rallyStore: createPgRallyStore(
      db.pool,
      { enqueue: async () => undefined, wake: () => undefined },
      collective,
    ),
    evidence: createEvidenceExporter(createPgEvidenceSource(db.pool, collective), settings),
    // Tests flag in bulk; the limits have tests of their own.
    flagLimiter: options.flagLimiter ?? NO_FLAG_LIMITS,
    ...(options.captures ? { captures: options.captures } : {}),
  });
}

/** Test platforms whose people never leave: everyone they ask about is a member. */
export const EVERYONE_IS_A_MEMBER: MembershipCheck = { isMember: async () => true };

export const member = (name: string): Actor => ({ id: `test:local:${name}`, name, isLead: false });
export const lead = (name: string): Actor => ({ id: `test:local:${name}`, name, isLead: true });

/** Everything the logger wrote, as text, to check what never reaches the logs. */
export function capturingLogger(level = 'trace'): { log: Logger; written: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, sink), written: () => chunks.join('') };
}

export interface Harness {
  handle: CommandHandler;
  /** Runs `/name text` as `actor`, with a fresh delivery id unless one is given. */
  run(actor: Actor, name: string, text?: string, deliveryId?: string): Promise<Reply>;
  clock: { now: Date };
}

let deliveries = 0;

export function createHarness(
  db: TestDatabase,
  options: { log?: Logger; settings?: CollectiveSettings } = {},
): Harness {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  const { handle } = createTestBot(db, { ...options, now: () => clock.now });
  return {
    handle,
    clock,
    run: (actor, name, text = '', deliveryId) =>
      handle({
        actor,
        delivery: { platform: 'test', id: deliveryId ?? `d${++deliveries}-${Math.random()}` },
        request: { name, input: { text } },
      }),
  };
}

/** Every line of a reply as one string, for assertions on what a person reads. */
export function replyText(reply: Reply): string {
  return [reply.title, ...reply.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
}

/** Every table of the ledger, for tests that check a refusal wrote nothing anywhere. */
export const LEDGER_TABLES = [
  'incidents',
  'incident_reports',
  'offenders',
  'deliveries',
  'responders',
  'incident_actions',
  'incident_cards',
  'incident_files',
  'page_captures',
  'rally_messages',
  'digests_sent',
  'offender_links',
  'audit_log',
  'purged_messages',
  'member_languages',
] as const;

export async function countRows(db: TestDatabase, table: (typeof LEDGER_TABLES)[number]) {
  const result = await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  return result.rows[0].n as number;
}

/** Every table of the ledger is empty: what a refusal must leave behind. */
export async function expectLedgerEmpty(db: TestDatabase): Promise<void> {
  for (const table of LEDGER_TABLES) expect(await countRows(db, table), table).toBe(0);
}

let served = 0;

/**
 * Runs a command through `serve` as an adapter on platform `test` would (so its card is posted or redrawn),
 * and returns the answer.
 */
export async function serveCommand(
  bot: Bot,
  actor: Actor,
  name: string,
  input: { text: string } | { options: Record<string, unknown> },
): Promise<Reply | undefined> {
  let answer: Reply | undefined;
  await bot.serve(
    { kind: 'command', name, input },
    {
      delivery: { platform: 'test', id: `served-${++served}-${Math.random()}` },
      acknowledge: async () => undefined,
      actor: async () => actor,
      answer: async (reply) => {
        answer = reply;
      },
    },
  );
  return answer;
}

/** Every open incident resolved two years ago, as far as a retention purge can tell. */
export async function resolveLongAgo(db: TestDatabase): Promise<void> {
  await db.pool.query(
    `UPDATE incidents SET status = 'resolved', outcome = 'removed', resolved_by = 'test:local:lee',
            resolved_at = now() - interval '2 years'
     WHERE status = 'open'`,
  );
}
