import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.ts';
import type { Bot } from '../../src/core/chat-adapter.ts';
import { NO_FLAG_LIMITS } from '../../src/core/limits/member-limits.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { type JobQueue, startJobQueue } from '../../src/jobs/job-queue.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createPgRallyStore } from '../../src/ledger/rally-store.ts';
import { createLogger } from '../../src/log/logger.ts';
import {
  countRows,
  EVERYONE_IS_A_MEMBER,
  lead,
  member,
  serveCommand,
  testSettings,
} from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { waitUntil } from '../support/wait-until.ts';

const ledger = useFreshLedger();
const queues: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
});

/** The core on the test ledger with a real pg-boss queue behind its rally store, as `shieldwall start` builds it. */
async function queuedBot(pollingSeconds: number): Promise<{ bot: Bot; jobs: JobQueue }> {
  const log = createLogger('silent');
  const jobs = await startJobQueue(ledger.db.pool, log, { pollingSeconds });
  queues.push(jobs);
  const bot = createBot({
    registry: createShieldwallRegistry(),
    ledger: createPgLedger(ledger.db.pool),
    settings: testSettings,
    log,
    now: () => new Date(),
    rallyStore: createPgRallyStore(ledger.db.pool, jobs),
    flagLimiter: NO_FLAG_LIMITS,
  });
  return { bot, jobs };
}

/** A bot process as `shieldwall start` builds it: the ledger, the rally store and a real pg-boss queue. */
async function process(sent: string[], digests?: { to: string[] }, pollingSeconds = 0.5): Promise<Bot> {
  const { bot, jobs } = await queuedBot(pollingSeconds);
  bot.attach('test', {
    directMessages: async (to) => {
      sent.push(to);
    },
    leadChannel: { alerts: () => [], digests: () => digests?.to ?? [] },
    fileDelivery: false,
    membership: EVERYONE_IS_A_MEMBER,
  });
  await jobs.work(
    bot,
    digests
      ? { ledger: createPgLedger(ledger.db.pool), settings: testSettings, cron: '0 9 * * 1' }
      : undefined,
  );
  return bot;
}

describe('rally delivery through the pg-boss job queue', () => {
  it('two processes on one database deliver every alert exactly once', async () => {
    const sentByOne: string[] = [];
    const sentByTwo: string[] = [];
    const one = await process(sentByOne);
    await process(sentByTwo);
    let n = 0;
    for (const name of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']) {
      await one.handle({
        actor: member(name),
        delivery: { platform: 'test', id: `signup-${++n}` },
        request: { name: 'responder', input: { text: 'on' } },
      });
    }
    await one.handle({
      actor: member('ana'),
      delivery: { platform: 'test', id: 'flag-1' },
      request: { name: 'flag', input: { text: 'https://x.com/SomeTroll/status/42' } },
    });
    // Every delivery job has finished once pg-boss records it completed; a duplicate would have been sent by then.
    let completed = 0;
    await waitUntil(
      () => (completed >= 6 ? true : undefined),
      15_000,
      'six completed deliveries',
      async () => {
        const jobs = await ledger.db.pool.query(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'rally-deliver' AND state = 'completed'",
        );
        completed = jobs.rows[0].n as number;
      },
    );
    const everyone = [...sentByOne, ...sentByTwo];
    expect(everyone.sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((r) => `test:local:${r}`));
    const pending = await ledger.db.pool.query(
      "SELECT count(*)::int AS n FROM rally_messages WHERE status <> 'sent'",
    );
    expect(pending.rows[0].n).toBe(0);
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });

  it('starts delivering a wave as soon as it is queued, not at the next poll', async () => {
    const sent: string[] = [];
    const bot = await process(sent, undefined, 60);
    for (const [n, name] of ['r1', 'r2', 'r3'].entries()) {
      await bot.handle({
        actor: member(name),
        delivery: { platform: 'test', id: `signup-${n}` },
        request: { name: 'responder', input: { text: 'on' } },
      });
    }
    // Past the workers' first poll, which finds nothing: the next is a minute away.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await bot.handle({
      actor: member('ana'),
      delivery: { platform: 'test', id: 'flag-1' },
      request: { name: 'flag', input: { text: 'https://x.com/SomeTroll/status/42' } },
    });
    await waitUntil(() => (sent.length >= 3 ? true : undefined), 10_000, 'three alerts');
    expect(sent.sort()).toEqual(['r1', 'r2', 'r3'].map((r) => `test:local:${r}`));
  });

  it('two schedulers on one database send the missed weekly digest to each leads channel once', async () => {
    const one: string[] = [];
    const two: string[] = [];
    const channels = ['test:local:slack-leads', 'test:local:discord-leads'];
    await Promise.all([process(one, { to: channels }), process(two, { to: channels })]);
    const sentAll = async () =>
      (await ledger.db.pool.query('SELECT count(*)::int AS n FROM digests_sent WHERE sent_at IS NOT NULL'))
        .rows[0].n as number;
    let sent = 0;
    await waitUntil(
      () => (sent >= 2 ? true : undefined),
      15_000,
      'both digests',
      async () => {
        sent = await sentAll();
      },
    );
    const idle = async () =>
      (
        await ledger.db.pool.query(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'weekly-digest' AND state IN ('created', 'retry', 'active')",
        )
      ).rows[0].n as number;
    let waiting = 1;
    await waitUntil(
      () => (waiting === 0 ? true : undefined),
      15_000,
      'the digest jobs to finish',
      async () => {
        waiting = await idle();
      },
    );
    expect([...one, ...two].sort()).toEqual([...channels].sort());
  });

  it('a digest scheduled before the queue works (a workspace set up as the process starts) is scheduled when it does', async () => {
    const { bot, jobs } = await queuedBot(0.5);
    // Schedules outlive a test's ledger: an earlier test's is forgotten first.
    await ledger.db.pool.query("DELETE FROM pgboss.schedule WHERE name = 'weekly-digest'");
    const settings = { ...testSettings, timezone: 'America/Regina' };
    await jobs.scheduleDigest({ ledger: createPgLedger(ledger.db.pool), settings, cron: '0 9 * * 1' });
    const schedules = async () =>
      (await ledger.db.pool.query("SELECT timezone FROM pgboss.schedule WHERE name = 'weekly-digest'")).rows;
    expect(await schedules()).toEqual([]);
    await jobs.work(bot);
    expect(await schedules()).toEqual([{ timezone: 'America/Regina' }]);
  });

  it('stop waits for a fetch under way and what follows it, so nothing reaches the pool once it is closed', async () => {
    const pool = new pg.Pool({ connectionString: ledger.db.url, max: 5 });
    let closed = false;
    const late: string[] = [];
    let fetched: () => void = () => undefined;
    const jobFetched = new Promise<void>((resolve) => {
      fetched = resolve;
    });
    // The ledger answers a fetch that found a job slowly, so stop() starts while the job is on its way back:
    // pg-boss's own stop does not see it, and completes it later without awaiting the call.
    const slowFetches = new Proxy(pool, {
      get(target, property) {
        if (property === 'query') {
          return async (text: string, values?: unknown[]) => {
            if (closed) late.push(text.trim().slice(0, 60));
            const result = await target.query(text, values);
            if (/SKIP LOCKED/i.test(text) && result.rows.length > 0) {
              fetched();
              await delay(500);
            }
            return result;
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const jobs = await startJobQueue(slowFetches, createLogger('silent'), { pollingSeconds: 0.5 });
    const client = await pool.connect();
    await jobs.enqueue(client, [42], 'default');
    client.release();
    const delivered: number[] = [];
    const bot = {
      rally: {
        deliver: async (messageId: number) => {
          delivered.push(messageId);
        },
        tick: async () => undefined,
      },
    } as unknown as Bot;
    await jobs.work(bot);
    await jobFetched;
    await jobs.stop();
    closed = true;
    await pool.end();
    await delay(1000);
    expect(late).toEqual([]);
    // The job fetched during the stop was handed back, not lost and not half done.
    expect(delivered).toEqual([]);
    const state = await ledger.db.pool.query(
      "SELECT state FROM pgboss.job WHERE name = 'rally-deliver' AND data->>'messageId' = '42'",
    );
    expect(state.rows.map((row) => row.state)).toEqual(['retry']);
  });

  it('the nightly retention purge redraws the card of each purged incident without its details', async () => {
    const { bot, jobs } = await queuedBot(0.5);
    const updates: string[] = [];
    bot.attach('test', {
      cards: {
        destination: 'test:local:incidents',
        post: async () => 'm1',
        update: async (_messageId, card) => {
          updates.push(JSON.stringify(card));
        },
        privacy: async () => ({ private: true }),
      },
      fileDelivery: false,
      membership: EVERYONE_IS_A_MEMBER,
    });
    await serveCommand(bot, member('ana'), 'flag', { text: 'https://x.com/OldTroll/status/1 hate' });
    await bot.incidents.resolve(lead('lee'), 1, 'removed');
    // Resolved two years ago, as far as the retention purge can tell.
    await ledger.db.pool.query("UPDATE incidents SET resolved_at = now() - interval '2 years'");
    await jobs.work(bot, undefined, { resolvedDays: 365, idleDays: 365 });
    const purged = await waitUntil(
      () => updates.find((card) => card.includes('retention policy')),
      10_000,
      'the purged card',
    );
    expect(purged).not.toMatch(/ana|lee|OldTroll|https?:/);
  });
});
