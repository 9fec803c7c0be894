import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { type Bot, fleetOf } from '../../src/core/chat-adapter.ts';
import { digestSchedules } from '../../src/jobs/digest-schedules.ts';
import { createQueues, QUEUES } from '../../src/jobs/queues.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createTestBot, EVERYONE_IS_A_MEMBER, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { waitUntil } from '../support/wait-until.ts';

const ledger = useFreshLedger();

describe('digest schedules', () => {
  it('a collective scheduled again (its setup changed) keeps one worker, and its digest goes once, through the bot serving it then', async () => {
    const pool = ledger.db.pool;
    const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) } });
    await boss.start();
    await createQueues(boss, {});
    try {
      const sentTo: string[] = [];
      // The collective's bot, whose leads read the digest in `leads`.
      const botFor = (leads: string): Bot => {
        const bot = createTestBot(ledger.db, { now: () => new Date() });
        bot.attach('test', {
          directMessages: async (to) => {
            sentTo.push(to);
          },
          leadChannel: { alerts: () => [], digests: () => [leads] },
          fileDelivery: false,
          membership: EVERYONE_IS_A_MEMBER,
        });
        return bot;
      };
      const fleet = fleetOf(botFor('test:local:old-leads'));
      // Jobs wait until the setup has changed, so the catch-up digest of the first schedule is still due then.
      let release: () => void = () => undefined;
      const changed = new Promise<void>((resolve) => {
        release = resolve;
      });
      let workers = 0;
      const schedule = digestSchedules({
        boss,
        pollingIntervalSeconds: 0.5,
        botOf: (collectiveId) => fleet.bot(collectiveId) ?? expect.fail('no bot serves the collective'),
        handler: (work) => {
          workers += 1;
          return async () => {
            await changed;
            await work();
          };
        },
        setUp: (work) => work(),
      });
      const digest = { ledger: createPgLedger(pool), settings: testSettings, cron: '0 9 * * 1' };
      await schedule(digest);
      // The admin changes the setup: the collective is served by a new bot, and scheduled again.
      const replaced = fleet.remove(testSettings.collectiveId ?? 'default');
      fleet.add(botFor('test:local:new-leads'));
      await schedule(digest);
      release();
      await waitUntil(
        async () => {
          const left = await pool.query(
            `SELECT (SELECT count(*)::int FROM digests_sent WHERE sent_at IS NOT NULL) AS sent,
                    (SELECT count(*)::int FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')) AS waiting`,
            [QUEUES.digest],
          );
          return left.rows[0].sent >= 1 && left.rows[0].waiting === 0 ? true : undefined;
        },
        15_000,
        'the digest to be sent and its jobs done',
      );
      expect(workers).toBe(1);
      expect(sentTo).toEqual(['test:local:new-leads']);
      await replaced?.stop();
    } finally {
      await boss.stop({ graceful: true, wait: true });
    }
  });
});
