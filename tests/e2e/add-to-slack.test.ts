import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, postJsonToApp } from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { INSTALL_WORLD_SECRET, startInstallWorld } from '../support/install-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

// A new association installs the app on a running deployment, sets it up in chat, and later removes it.
const TEAM = 'T7JOINS';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('"Add to Slack" on a running deployment', () => {
  it('installs, sets up with /setup, is served again after a restart, and stops being served when removed', async () => {
    const world = await startInstallWorld(db, {
      teamId: TEAM,
      name: 'Joining Association',
      incidentChannel: 'C7INCIDENT',
      adminTimezone: 'America/Winnipeg',
    });
    const { grant, cards } = world;
    const port = await freePort();
    const env = world.env(port);
    const answerTo = (user: 'UADA' | 'UANA', command: string, text: string) =>
      world.answerTo(port, user, command, text);
    let bot = new BotProcess(env);
    try {
      await bot.waitFor('Slack adapter ready');
      await world.install(port);
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/1')).toContain('/setup');
      expect(await answerTo('UADA', '/setup', '')).toContain('Shieldwall is set up');
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/1 threat')).toContain(
        'Recorded as SW-1',
      );
      await waitUntil(() => (cards().length === 1 ? true : undefined), 15_000, 'the card');
      expect(cards()[0]?.token).toBe(grant.botToken);
      const stored = await db.pool.query('SELECT collective_id FROM incidents');
      expect(stored.rows).toEqual([{ collective_id: 'slack-t7joins' }]);
      // Its weekly digest is scheduled, in the admin's time zone.
      const digestSchedule = async () =>
        (
          await db.pool.query(
            "SELECT timezone FROM pgboss.schedule WHERE name = 'weekly-digest-slack-t7joins'",
          )
        ).rows;
      expect(await digestSchedule()).toEqual([{ timezone: 'America/Winnipeg' }]);

      // A restart serves it from the ledger: nobody edits the server.
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      bot = new BotProcess(env);
      await bot.waitFor('Slack adapter ready');
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/2 hate')).toContain(
        'Recorded as SW-2',
      );
      await waitUntil(() => (cards().length === 2 ? true : undefined), 15_000, 'the second card');

      // Removed: its installation goes, and it is served no more; its incidents stay, under retention.
      const removed = eventCallback({ teamId: TEAM, event: { type: 'app_uninstalled' } });
      const events = `http://127.0.0.1:${port}/slack/events`;
      expect((await postJsonToApp(events, INSTALL_WORLD_SECRET, removed)).status).toBe(200);
      // The installation is forgotten and the workspace's setup marked removed.
      await waitUntil(
        async () => {
          const state = await db.pool.query(
            `SELECT (SELECT count(*)::int FROM slack_installations) AS installations,
                    (SELECT count(*)::int FROM workspace_setups WHERE uninstalled_at IS NOT NULL) AS removed`,
          );
          return state.rows[0].installations === 0 && state.rows[0].removed === 1 ? true : undefined;
        },
        15_000,
        'the workspace to be removed',
      );
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/3 hate')).toContain('set up');
      const counts = await db.pool.query('SELECT count(*)::int AS n FROM incidents');
      expect(counts.rows[0].n).toBe(2);
      const setups = await db.pool.query(
        `SELECT s.uninstalled_at IS NOT NULL AS removed, c.shares_signals
         FROM workspace_setups s JOIN collectives c ON c.id = s.collective_id`,
      );
      // Served no more, its counts no longer shared with the other collectives, and no digest due.
      expect(setups.rows).toEqual([{ removed: true, shares_signals: false }]);
      expect(await digestSchedule()).toEqual([]);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await world.slack.close();
    }
  }, 90_000);
});
