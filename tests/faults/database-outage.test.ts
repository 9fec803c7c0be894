import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedServer, startEmbeddedServer } from '../../src/ledger/embedded-server.ts';
import { createLogger } from '../../src/log/logger.ts';
import { FakeSlack, postFormToApp, slashCommandFields } from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { TEST_PSEUDONYM_KEY } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

const SECRET = 'outage-signing-secret';
const FLAGS = 40;
/** Flags sent before the server is stopped; the rest arrive while it is down and as it comes back. */
const BEFORE_STOP = 12;
/** Confirmations awaited before the server is stopped, so that the ledger has something to keep. */
const CONFIRMED_FIRST = 4;
const MEMBERS = ['UANA', 'UBEN', 'UCAL', 'UDEE'];

// This test stops and starts a PostgreSQL server, so it always runs its own embedded one (in CI as well, where
// the other tests use the system's server, which must stay up for them).
let dataDir: string;
let port: number;
let server: EmbeddedServer | undefined;
const log = createLogger('silent');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-outage-'));
  await chmod(dataDir, 0o755); // as root the server runs as `postgres`, which must be able to enter it
  port = await freePort();
  server = await startEmbeddedServer(dataDir, log, { port });
});
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the PostgreSQL server stopped in the middle of a burst of flags, then started again', () => {
  it('keeps every confirmed flag, tells everyone else plainly it was not saved, and reconnects by itself', async () => {
    const url = server?.url ?? '';
    const fake = await FakeSlack.start({
      teamId: 'T0TEST',
      channels: { C0INCIDENT: { isPrivate: true, members: MEMBERS } },
    });
    const httpPort = await freePort();
    const bot = new BotProcess({
      DATABASE_URL: url,
      SHIELDWALL_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      SLACK_BOT_TOKEN: 'xoxb-outage',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_INCIDENT_CHANNEL: 'C0INCIDENT',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(httpPort),
      SHIELDWALL_TIMEZONE: 'UTC',
    });
    const base = `http://127.0.0.1:${httpPort}`;
    const flag = (i: number, responseId: string) =>
      postFormToApp(
        `${base}/slack/events`,
        SECRET,
        slashCommandFields({
          command: '/flag',
          text: `https://x.com/OutageTroll/status/${1000 + i} threat`,
          userId: MEMBERS[i % MEMBERS.length] ?? 'UANA',
          teamId: 'T0TEST',
          channelId: 'C0INCIDENT',
          responseUrl: fake.responseUrl(responseId),
        }),
      );
    try {
      await bot.waitFor('Shieldwall started');

      const acks: Promise<{ status: number }>[] = [];
      for (let i = 0; i < FLAGS; i += 1) {
        if (i === BEFORE_STOP) {
          // Some answered, the rest still being recorded: the server goes down under them.
          await fake.waitForResponseUrlPosts(CONFIRMED_FIRST, 15_000);
          await server?.stop();
          server = undefined;
        }
        acks.push(flag(i, `flag-${i}`));
        await sleep(40);
      }
      // Slack always got its acknowledgement, outage or not: the bot answers first and works after.
      expect((await Promise.all(acks)).map((a) => a.status)).toEqual(Array(FLAGS).fill(200));
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      server = await startEmbeddedServer(dataDir, log, { port });

      const answers = await fake.waitForResponseUrlPosts(FLAGS, 30_000);
      const said = new Map(answers.map((post) => [post.id, JSON.stringify(post.body)]));
      const confirmed: number[] = [];
      const refused: number[] = [];
      for (let i = 0; i < FLAGS; i += 1) {
        const text = said.get(`flag-${i}`) ?? '';
        if (/Recorded as SW-\d+/.test(text)) confirmed.push(i);
        else if (text.includes('Your flag was NOT saved') && text.includes('flag the post again'))
          refused.push(i);
        else throw new Error(`flag ${i} got neither a confirmation nor a plain refusal: ${text}`);
      }
      // The outage really fell in the middle of the burst.
      expect(confirmed.length).toBeGreaterThanOrEqual(CONFIRMED_FIRST);
      expect(refused.length).toBeGreaterThan(0);

      const ledger = new pg.Client({ connectionString: url });
      await ledger.connect();
      try {
        const stored = await ledger.query('SELECT canonical_url FROM incidents');
        const urls = new Set(stored.rows.map((row) => String(row.canonical_url)));
        for (const i of confirmed) expect(urls).toContain(`https://x.com/i/status/${1000 + i}`);
      } finally {
        await ledger.end();
      }

      // Nobody restarted the bot: it finds the server again, is ready, and records the next flag.
      let readiness = 0;
      await waitUntil(
        () => (readiness === 200 ? true : undefined),
        20_000,
        'the bot to be ready again',
        async () => {
          readiness = (await fetch(`${base}/readyz`)).status;
        },
      );
      await flag(FLAGS, 'after');
      const [after] = (await fake.waitForResponseUrlPosts(FLAGS + 1, 15_000)).filter((p) => p.id === 'after');
      expect(JSON.stringify(after?.body)).toMatch(/Recorded as SW-\d+/);
      expect(bot.child.exitCode).toBeNull();
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  });
});
