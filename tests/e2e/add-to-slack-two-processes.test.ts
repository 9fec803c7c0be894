import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, postJsonToApp } from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { INSTALL_WORLD_SECRET, startInstallWorld } from '../support/install-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

// Two processes on one ledger, as behind a balancer: a workspace set up, changed and removed through one of them
// is served, changed and let go by the other too, without a restart.
const TEAM = 'T8BOTH';
// Another process's change (a new setup, its removal) reaches this one within a refresh, every 10 s.
const REFRESH_WAIT = 30_000;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('"Add to Slack" with two processes on one ledger', () => {
  it('a workspace set up, changed and removed through one process is served, changed and let go by the other', async () => {
    const world = await startInstallWorld(db, {
      teamId: TEAM,
      name: 'Both Ways Association',
      incidentChannel: 'C8INCIDENT',
      adminTimezone: 'America/Halifax',
    });
    const { grant, cards, answerTo } = world;
    const [portA, portB] = [await freePort(), await freePort()];
    const incidents = async () =>
      (await db.pool.query('SELECT count(*)::int AS n FROM incidents')).rows[0].n as number;
    // Started before the workspace is installed, the way a deployment runs when an association joins.
    const a = new BotProcess(world.env(portA));
    const b = new BotProcess(world.env(portB));
    try {
      await Promise.all([a.waitFor('Slack adapter ready'), b.waitFor('Slack adapter ready')]);
      await world.install(portA);
      // Installed, not set up: both processes say so.
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/1')).toContain('/setup');
      expect(await answerTo(portA, 'UADA', '/setup', '')).toContain('Shieldwall is set up');

      // Set up through A, served by B from its next request: nobody is told it isn't set up.
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/1 threat')).toContain(
        'Recorded as SW-1',
      );
      await waitUntil(() => (cards().length === 1 ? true : undefined), 15_000, "B's card");
      expect(cards()[0]?.token).toBe(grant.botToken);
      expect(b.printed).toContain('A Slack workspace set up by another process is served here too');

      // Changed through A (its language): B serves the new setup after its next refresh.
      expect(await answerTo(portA, 'UADA', '/setup', 'language fr')).toContain('C’est enregistré');
      await b.waitFor('A Slack workspace set up or changed by another process is served anew', REFRESH_WAIT);
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/2 hate')).toContain(
        'SW-2',
      );
      await waitUntil(() => (cards().length === 2 ? true : undefined), 15_000, "B's second card");
      // The card speaks the collective's new language: B's bot was made from the changed setup.
      expect(String(cards()[0]?.body.text)).toContain('severity');
      expect(String(cards()[1]?.body.text)).toContain('gravité élevée');

      // Removed through A: B lets it go after its next refresh, and records nothing more for it.
      const removed = eventCallback({ teamId: TEAM, event: { type: 'app_uninstalled' } });
      const events = `http://127.0.0.1:${portA}/slack/events`;
      expect((await postJsonToApp(events, INSTALL_WORLD_SECRET, removed)).status).toBe(200);
      await b.waitFor('A Slack workspace removed through another process is served no more', REFRESH_WAIT);
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/3 hate')).toContain(
        "isn't set up",
      );
      expect(await incidents()).toBe(2);

      for (const bot of [a, b]) bot.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
    } finally {
      for (const bot of [a, b]) bot.child.kill('SIGKILL');
      await world.slack.close();
    }
  }, 120_000);
});
