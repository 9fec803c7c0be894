import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PG_MIGRATE_LOCK_ID } from 'node-pg-migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/ledger/migrate.ts';
import { createLogger } from '../../src/log/logger.ts';
import {
  blockActionPayload,
  FakeSlack,
  postFormToApp,
  type SlackApiCall,
  slashCommandFields,
  uniqueTriggerId,
} from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { RoundRobinProxy } from '../support/round-robin-proxy.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

// Two real `shieldwall start` processes on one PostgreSQL database, in Slack HTTP mode, behind one round-robin
// load balancer, talking to one fake Slack: what a `docker compose up --scale shieldwall=2` deployment does.

const SECRET = 'lb-signing-secret';
const TEAM = 'T0TEST';
const INCIDENTS = 'C0INCIDENT';
const ANA = 'UANA'; // a responder
const BEN = 'UBEN'; // flags attacks on his own posts
const CAT = 'UCAT'; // double-clicks a card button
const LEE = 'ULEE'; // a lead: critical incidents reach her by direct message
const WAIT = 15_000;

let db: TestDatabase;
let slack: FakeSlack;
let proxy: RoundRobinProxy;
const bots: BotProcess[] = [];
const ports: number[] = [];

const eventsUrl = () => `${proxy.url}/slack/events`;

/** Fields of a signed slash command; each gets its own response_url, named `responseId`. */
function slash(userId: string, command: string, text: string, responseId: string) {
  return slashCommandFields({
    command,
    text,
    userId,
    teamId: TEAM,
    channelId: INCIDENTS,
    responseUrl: slack.responseUrl(responseId),
  });
}

function postsTo(responseId: string): string[] {
  return slack.responseUrlPosts
    .filter((post) => post.id === responseId)
    .map((post) => String(post.body.text));
}

async function repliesTo(responseId: string, count: number): Promise<string[]> {
  return waitUntil(
    () => {
      const posts = postsTo(responseId);
      return posts.length >= count ? posts : undefined;
    },
    WAIT,
    `${count} answer(s) on response_url ${responseId}`,
  );
}

/** The incident a card (posted or redrawn) belongs to: its buttons' block carries `incident:<id>`. */
function cardIncident(call: SlackApiCall): number | undefined {
  const blocks = (call.body.blocks ?? []) as { block_id?: string }[];
  for (const block of blocks) {
    const match = /^incident:(\d+)$/.exec(block.block_id ?? '');
    if (match) return Number(match[1]);
  }
  return undefined;
}

const cardPosts = (incidentId: number) =>
  slack
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === INCIDENTS && cardIncident(call) === incidentId);
const cardUpdates = (incidentId: number) =>
  slack.callsTo('chat.update').filter((call) => cardIncident(call) === incidentId);

/** Incidents named in the rally alerts Ana got by direct message (from their "I'm on it" buttons). */
function alertsToAna(): number[] {
  return slack
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === ANA)
    .flatMap((call) => {
      const match = /"rally:on-it:(\d+)"/.exec(JSON.stringify(call.body.blocks));
      return match ? [Number(match[1])] : [];
    });
}

async function incidentIdOf(statusId: string): Promise<number> {
  const found = await db.pool.query('SELECT id FROM incidents WHERE canonical_url LIKE $1', [
    `%/status/${statusId}`,
  ]);
  expect(found.rowCount).toBe(1);
  return Number(found.rows[0].id);
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  return Number((await db.pool.query(sql, values)).rows[0].n);
}

/** Until every queued private message is sent and every delivery job has finished, in whichever process. */
async function rallySettled(): Promise<void> {
  let busy = -1;
  await waitUntil(
    () => (busy === 0 ? true : undefined),
    WAIT,
    'every rally message sent and every delivery job finished',
    async () => {
      busy =
        (await count(`SELECT count(*) AS n FROM rally_messages WHERE status <> 'sent'`)) +
        (await count(
          `SELECT count(*) AS n FROM pgboss.job WHERE name = 'rally-deliver' AND state <> 'completed'`,
        ));
    },
  );
}

describe('two shieldwall processes behind a round-robin load balancer, on one database', () => {
  beforeAll(async () => {
    // Not migrated: both processes start together on an empty database, as a fresh scaled deployment does, so
    // the migrations and pg-boss's own schema are also installed under the race.
    db = await createTestDatabase({ migrated: false });
    slack = await FakeSlack.start({
      teamId: TEAM,
      channels: {
        [INCIDENTS]: { isPrivate: true, members: [ANA, BEN, CAT, LEE, 'UBOT'] },
      },
      users: {
        [ANA]: { name: 'ana', displayName: 'Ana Reyes' },
        [BEN]: { name: 'ben', displayName: 'Ben Okafor' },
        [CAT]: { name: 'cat', displayName: 'Cat Nguyen' },
        [LEE]: { name: 'lee', displayName: 'Lee Park' },
      },
    });
    for (let i = 0; i < 2; i++) ports.push(await freePort());
    for (const port of ports) {
      bots.push(
        new BotProcess({
          DATABASE_URL: db.url,
          SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
          // The same Slack app in both: one token, one signing secret.
          SLACK_BOT_TOKEN: 'xoxb-lb-token',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_INCIDENT_CHANNEL: INCIDENTS,
          SLACK_LEADS: LEE,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          SHIELDWALL_TIMEZONE: 'UTC',
        }),
      );
    }
    proxy = await RoundRobinProxy.start(ports.map((port) => `http://127.0.0.1:${port}`));
    // "Shieldwall started" is logged once the adapter listens and the pg-boss workers run.
    await Promise.all(bots.map((bot) => bot.waitFor('Shieldwall started', 45_000)));
  });

  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((bot) => bot.exited));
    await proxy?.close();
    await slack?.close();
    await db?.drop();
  });

  it('each process answers /readyz on its own port', async () => {
    for (const port of ports) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect([ready.status, await ready.text()]).toEqual([200, 'ready']);
    }
  });

  it('spreads signed /flag requests over both processes; each flag is recorded once and confirmed once', async () => {
    const responder = await postFormToApp(eventsUrl(), SECRET, slash(ANA, '/responder', 'on', 'ana-on'));
    expect(responder.status).toBe(200);
    expect(await repliesTo('ana-on', 1)).toEqual(["You're a responder on every platform."]);
    // Above the default 5 alerts a day: this file flags seven posts.
    await postFormToApp(eventsUrl(), SECRET, slash(ANA, '/responder', 'cap 20', 'ana-cap'));
    expect((await repliesTo('ana-cap', 1))[0]).toContain('at most 20 alerts a day');

    const flags = [
      { status: '1001', text: 'threat' },
      { status: '1002', text: 'hate' },
      { status: '1003', text: 'harassment' },
      { status: '1004', text: 'doxxing' },
    ];
    // All at once: the processes record them side by side.
    const answers = await Promise.all(
      flags.map((flag) =>
        postFormToApp(
          eventsUrl(),
          SECRET,
          slash(
            BEN,
            '/flag',
            `https://x.com/Troll${flag.status}/status/${flag.status} ${flag.text}`,
            flag.status,
          ),
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    // Two /responder commands and four flags went in: both processes served some.
    const [servedByFirst = 0, servedBySecond = 0] = proxy.counts('/slack/events');
    expect(servedByFirst).toBeGreaterThan(0);
    expect(servedBySecond).toBeGreaterThan(0);
    expect(servedByFirst + servedBySecond).toBe(6);

    for (const flag of flags) {
      const [confirmation] = await repliesTo(flag.status, 1);
      const id = await incidentIdOf(flag.status);
      expect(confirmation).toMatch(new RegExp(`^Recorded as SW-${id}: `));
      await waitUntil(() => (cardPosts(id).length > 0 ? true : undefined), WAIT, `the card of SW-${id}`);
    }
    const rows = await db.pool.query(
      `SELECT (SELECT count(*)::int FROM incidents) AS incidents, (SELECT count(*)::int FROM incident_reports) AS reports,
              (SELECT count(*)::int FROM deliveries) AS deliveries, (SELECT count(*)::int FROM incident_cards) AS cards`,
    );
    expect(rows.rows[0]).toEqual({ incidents: 4, reports: 4, deliveries: 4, cards: 4 });
    // No process answered twice, and no card was posted twice.
    for (const flag of flags) expect(postsTo(flag.status)).toHaveLength(1);
    for (const flag of flags) expect(cardPosts(await incidentIdOf(flag.status))).toHaveLength(1);
  });

  it("Slack's retry of a /flag landing on the other process changes nothing", async () => {
    const fields = slash(BEN, '/flag', 'https://x.com/Troll2001/status/2001 hate', 'retried');
    const first = await postFormToApp(eventsUrl(), SECRET, fields);
    // Slack retries what it thinks timed out: the same body, marked as a retry, while the first may still run.
    const retry = await postFormToApp(eventsUrl(), SECRET, fields, { retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const [original, retried] = proxy.log.slice(-2);
    expect(retried?.headers['x-slack-retry-num']).toBe('1');
    expect(retried?.headers['x-slack-retry-reason']).toBe('http_timeout');
    expect(original?.headers['x-slack-retry-num']).toBeUndefined();
    expect(retried?.backend).not.toBe(original?.backend);

    const answered = await repliesTo('retried', 2);
    const id = await incidentIdOf('2001');
    // One process records it, the other recognises the delivery (either may come first).
    expect(answered.sort()).toEqual([
      `Already recorded as SW-${id}.`,
      `Recorded as SW-${id}: Hate / racist abuse, high severity.`,
    ]);
    await waitUntil(() => (cardPosts(id).length > 0 ? true : undefined), WAIT, 'the card');
    await rallySettled();
    expect(await count('SELECT count(*) AS n FROM incidents WHERE id = $1', [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM incident_reports WHERE incident_id = $1', [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM deliveries WHERE incident_id = $1', [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM incident_cards WHERE incident_id = $1', [id])).toBe(1);
    expect(cardPosts(id)).toHaveLength(1);
    expect(alertsToAna().filter((alerted) => alerted === id)).toHaveLength(1);
  });

  it('a double click on a card button, arriving at both processes, counts once', async () => {
    const id = await incidentIdOf('1002');
    expect(cardUpdates(id)).toHaveLength(0);
    const click = blockActionPayload({
      userId: CAT,
      teamId: TEAM,
      channelId: INCIDENTS,
      messageTs: '1700000000.000100',
      actionId: 'sw_card_reported',
      value: String(id),
      blockId: `incident:${id}`,
      triggerId: uniqueTriggerId(),
      responseUrl: slack.responseUrl('double-click'),
    });
    const body = { payload: JSON.stringify(click) };
    const answers = await Promise.all([
      postFormToApp(eventsUrl(), SECRET, body),
      postFormToApp(eventsUrl(), SECRET, body),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const [a, b] = proxy.log.slice(-2);
    expect(a?.backend).not.toBe(b?.backend);

    expect((await repliesTo('double-click', 2)).sort()).toEqual([
      `You already told me that for SW-${id}. Thank you.`,
      `Your report is counted on SW-${id}. Thank you for showing up.`,
    ]);
    expect(
      await count('SELECT count(*) AS n FROM incident_actions WHERE incident_id = $1 AND member_id = $2', [
        id,
        `slack:${TEAM}:${CAT}`,
      ]),
    ).toBe(1);
    // Only the click that counted redraws the card.
    await waitUntil(() => (cardUpdates(id).length > 0 ? true : undefined), WAIT, 'the card redrawn');
    expect(cardUpdates(id)).toHaveLength(1);
    expect(JSON.stringify(cardUpdates(id)[0]?.body.blocks)).toContain('1 reported it');
  });

  it('rally and job work runs once across both processes', async () => {
    await rallySettled();
    const flagged = await Promise.all(['1001', '1002', '1003', '1004', '2001'].map(incidentIdOf));
    // The responder got exactly one alert per incident, though both processes run delivery workers.
    expect(alertsToAna().sort((x, y) => x - y)).toEqual(flagged.sort((x, y) => x - y));
    // Critical incidents (the threat and the doxxing) reached the lead once each.
    const critical = await db.pool.query(`SELECT id FROM incidents WHERE severity = 'critical' ORDER BY id`);
    expect(critical.rowCount).toBe(2);
    const leads = slack.callsTo('chat.postMessage').filter((call) => call.body.channel === LEE);
    const leadAlerts = leads.flatMap((call) => {
      const match = /^Critical: SW-(\d+),/.exec(String(call.body.text));
      return match ? [Number(match[1])] : [];
    });
    expect(leadAlerts.sort((x, y) => x - y)).toEqual(critical.rows.map((row) => Number(row.id)));
  });

  it('SIGTERM stops one process with exit code 0 once its work is done; the other keeps serving', async () => {
    // A flag the balancer hands to one process, which acknowledges it and is told to stop straight away (a
    // rolling deploy): Slack will not send an acknowledged request again, so that process must finish it.
    const acked = await postFormToApp(
      eventsUrl(),
      SECRET,
      slash(BEN, '/flag', 'https://x.com/Troll2501/status/2501 harassment', '2501'),
    );
    expect(acked.status).toBe(200);
    const stoppedIndex = proxy.log.at(-1)?.backend ?? 0;
    const survivorIndex = 1 - stoppedIndex;
    const stopping = bots[stoppedIndex] as BotProcess;
    const survivor = bots[survivorIndex] as BotProcess;
    stopping.child.kill('SIGTERM');
    expect(await stopping.exited).toBe(0);
    expect(stopping.printed).toContain('Shieldwall stopped');
    const inFlight = await incidentIdOf('2501');
    expect(postsTo('2501')).toEqual([`Recorded as SW-${inFlight}: Harassment, medium severity.`]);
    expect(cardPosts(inFlight)).toHaveLength(1);

    await expect(fetch(`http://127.0.0.1:${ports[stoppedIndex]}/readyz`)).rejects.toThrow();
    const ready = await fetch(`http://127.0.0.1:${ports[survivorIndex]}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready']);

    const before = proxy.counts('/slack/events');
    // Two flags: whichever backend's turn it is, one of them is offered to the stopped process first.
    for (const status of ['3001', '3002']) {
      const answer = await postFormToApp(
        eventsUrl(),
        SECRET,
        slash(BEN, '/flag', `https://x.com/Troll${status}/status/${status} harassment`, status),
      );
      expect(answer.status).toBe(200);
    }
    expect(proxy.refused[stoppedIndex]).toBeGreaterThan(0);
    expect(proxy.refused[survivorIndex]).toBe(0);
    const after = proxy.counts('/slack/events');
    const served = after.map((count, backend) => count - (before[backend] ?? 0));
    expect([served[stoppedIndex], served[survivorIndex]]).toEqual([0, 2]);
    for (const status of ['3001', '3002']) {
      const answered = await repliesTo(status, 1);
      const id = await incidentIdOf(status);
      expect(answered).toEqual([`Recorded as SW-${id}: Harassment, medium severity.`]);
      await waitUntil(() => (cardPosts(id).length > 0 ? true : undefined), WAIT, `the card of SW-${id}`);
    }
    // Alerts, including the one queued by the stopped process, go out through the survivor's workers, once.
    const flagged = await Promise.all(['2501', '3001', '3002'].map(incidentIdOf));
    await waitUntil(
      () => (flagged.every((id) => alertsToAna().includes(id)) ? true : undefined),
      WAIT,
      'the alerts for the last three flags',
    );
    await rallySettled();
    for (const id of flagged) expect(alertsToAna().filter((alerted) => alerted === id)).toHaveLength(1);
    expect(survivor.child.exitCode).toBeNull();
    expect(survivor.printed).not.toContain('"level":50');
  });
});

describe('processes starting together on an empty database', () => {
  it('the second one to migrate waits for the first instead of stopping', async () => {
    const fresh = await createTestDatabase({ migrated: false });
    const first = await fresh.pool.connect();
    const second = await fresh.pool.connect();
    try {
      // Another process is migrating: it holds node-pg-migrate's advisory lock.
      await first.query('SELECT pg_advisory_lock($1)', [PG_MIGRATE_LOCK_ID]);
      let settled = false;
      const migrating = migrateToLatest(second, createLogger('silent')).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await first.query('SELECT pg_advisory_unlock($1)', [PG_MIGRATE_LOCK_ID]);
      expect((await migrating).length).toBeGreaterThan(0);
    } finally {
      first.release();
      second.release();
      await fresh.drop();
    }
  });
});

describe('the embedded ledger', () => {
  it('refuses a second process on a data directory another live process holds', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-lock-'));
    await chmod(dataDir, 0o755); // as root the embedded server runs as `postgres`, which must be able to enter it
    try {
      // The lock is a pid file; this test runner is the live holder (starting a real embedded server first
      // would cost seconds and prove nothing more about the lock).
      await writeFile(path.join(dataDir, 'shieldwall.pid'), String(process.pid));
      const second = new BotProcess({ SHIELDWALL_DATA_DIR: dataDir, SHIELDWALL_TIMEZONE: 'UTC' });
      expect(await second.exited).toBe(1);
      expect(second.printed).toContain(`Another Shieldwall (process ${process.pid}) is already running`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
