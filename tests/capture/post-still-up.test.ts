import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserCapturer } from '../../src/capture/browser-capture.ts';
import type { Bot } from '../../src/core/chat-adapter.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply } from '../../src/core/reply.ts';
import { weekContaining } from '../../src/core/time.ts';
import {
  type CaptureWork,
  requestMissedCaptures,
  runCapture,
  runRechecks,
} from '../../src/jobs/capture-jobs.ts';
import { createPgCaptureStore } from '../../src/ledger/page-captures.ts';
import { createLogger } from '../../src/log/logger.ts';
import { CHROMIUM_TESTS_RUN } from '../support/chromium.ts';
import {
  createTestBot,
  EVERYONE_IS_A_MEMBER,
  lead,
  member,
  serveCommand,
  testSettings,
} from '../support/core-harness.ts';
import { emptyLedger } from '../support/fresh-ledger.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const DAY = 86_400_000;
const log = createLogger('silent');

/** A stand-in for x.com on loopback whose pages can be taken down. */
function startSite() {
  const down = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    if (down.has(url)) {
      res.writeHead(404, { 'content-type': 'text/html' });
      return void res.end('<!doctype html><p>This post is unavailable.</p>');
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><h1>A public page</h1><p>${url}</p>`);
  });
  return new Promise<{ origin: string; down: Set<string>; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        down,
        close: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      }),
    ),
  );
}

let db: TestDatabase;
let site: Awaited<ReturnType<typeof startSite>>;
let work: CaptureWork;
beforeAll(async () => {
  db = await createTestDatabase();
  site = await startSite();
  const store = createPgCaptureStore(db.pool, {
    enqueueCaptures: async () => undefined,
    wakeCaptures: () => undefined,
  });
  work = {
    capturer: createBrowserCapturer({
      executablePath: '/usr/bin/chromium',
      limits: { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, allowLoopback: true },
      log,
    }),
    store,
    recheckDays: [1, 7],
    attempts: 1,
    concurrency: 1,
    addressFor: (url) => `${site.origin}/${new URL(url).hostname}${new URL(url).pathname}`,
  };
});
afterAll(async () => {
  await work?.capturer.close();
  await site?.close();
  await db?.drop();
});
beforeEach(async () => {
  await emptyLedger(db);
  site.down.clear();
});

/** The real core with page capture on, a card channel and private messages that are kept to be read. */
function world() {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  const bot: Bot = createTestBot(db, {
    now: () => clock.now,
    settings: { ...testSettings, pageCapture: true },
    captures: work.store,
  });
  const cards: IncidentCard[] = [];
  const sent: { to: string; reply: Reply }[] = [];
  bot.attach('test', {
    cards: {
      destination: 'test:local:incidents',
      post: async (card) => {
        cards.push(card);
        return `m${cards.length}`;
      },
      update: async (_messageId, card) => {
        cards.push(card);
      },
      privacy: async () => ({ private: true }),
    },
    directMessages: async (to, reply) => {
      sent.push({ to, reply });
    },
    fileDelivery: false,
    membership: EVERYONE_IS_A_MEMBER,
  });
  // Served as a platform serves it, so the card is posted in the channel.
  const flag = (name: string, text: string) => serveCommand(bot, member(name), 'flag', { text });
  const captureAll = async () => {
    const pending = await db.pool.query("SELECT id FROM page_captures WHERE state = 'pending' ORDER BY id");
    for (const row of pending.rows)
      await runCapture(work, bot.captures, Number(row.id), log, new AbortController().signal);
  };
  const recheckAt = (at: Date) => {
    clock.now = at;
    return runRechecks(work, bot.captures, () => at, log, new AbortController().signal);
  };
  return { bot, clock, cards, sent, flag, captureAll, recheckAt };
}

const text = (value: unknown) => JSON.stringify(value);

describe.skipIf(!CHROMIUM_TESTS_RUN)('is the post still up? checked again after a day and a week', () => {
  it('records a post found gone, tells those who flagged it and the person attacked, and offers to mark it removed', async () => {
    const w = world();
    await w.flag('ana', 'https://x.com/SomeTroll/status/123 threat');
    await w.flag('ben', 'https://x.com/SomeTroll/status/123');
    await w.captureAll();
    // The job's end redrew the card with the capture.
    expect(text(w.cards.at(-1))).toContain('The post was captured at');
    const flaggedAt = new Date('2026-11-18T15:00:00Z').getTime();

    // Not due yet: nothing is loaded.
    expect(await w.recheckAt(new Date(flaggedAt + DAY - 60_000))).toBe(0);
    site.down.add('/x.com/i/status/123');
    expect(await w.recheckAt(new Date(flaggedAt + DAY + 60_000))).toBe(1);

    const row = (
      await db.pool.query("SELECT gone_at, gone_reason, next_check_at FROM page_captures WHERE page = 'post'")
    ).rows[0];
    expect(row).toMatchObject({ gone_reason: 'removed', next_check_at: null });
    expect(row.gone_at).toEqual(new Date(flaggedAt + DAY + 60_000));
    expect(text(w.cards.at(-1))).toContain('The post was gone when checked at 2026-11-19 15:01 UTC');

    await w.bot.rally.deliverPending();
    const gone = w.sent.filter((message) => message.reply.title.includes('is gone'));
    expect(gone.map((message) => message.to).sort()).toEqual(['test:local:ana', 'test:local:ben']);
    const toAna = gone.find((message) => message.to === 'test:local:ana')?.reply;
    const toBen = gone.find((message) => message.to === 'test:local:ben')?.reply;
    expect(toAna?.actions).toEqual([{ id: 'gone:removed:1', label: 'Mark it removed', style: 'primary' }]);
    expect(toBen?.actions).toBeUndefined();

    // Only the person attacked (or a lead) may resolve it; pressing it records the outcome.
    const refused = await w.bot.press(member('ben'), 'gone:removed:1');
    expect(refused.reply.title).toContain('Only the person whose post was attacked, or a lead');
    await w.bot.press(member('ana'), 'gone:removed:1');
    const incident = await db.pool.query('SELECT status, outcome FROM incidents WHERE id = 1');
    expect(incident.rows[0]).toEqual({ status: 'resolved', outcome: 'removed' });
    // Gone is final: never checked again.
    expect(await w.recheckAt(new Date(flaggedAt + 8 * DAY))).toBe(0);
  }, 90_000);

  it('lists a post still up a week after it was flagged in the leads’ digest', async () => {
    const w = world();
    await w.flag('ana', 'https://x.com/SomeTroll/status/456 hate');
    await w.captureAll();
    const flaggedAt = new Date('2026-11-18T15:00:00Z').getTime();
    expect(await w.recheckAt(new Date(flaggedAt + DAY + 60_000))).toBe(1);
    // A day on, up but not yet a week: not listed.
    const early = await w.bot.handle({
      actor: lead('lee'),
      delivery: { platform: 'test', id: 'digest-early' },
      request: { name: 'digest', input: { text: '' } },
    });
    expect(text(early)).not.toContain('still up a week later');

    expect(await w.recheckAt(new Date(flaggedAt + 7 * DAY + 60_000))).toBe(1);
    expect(text(w.cards.at(-1))).toContain('The post was still up when checked at 2026-11-25 15:01 UTC');
    const week = weekContaining(w.clock.now, testSettings.timezone).label;
    const digest = await w.bot.handle({
      actor: lead('lee'),
      delivery: { platform: 'test', id: 'digest-late' },
      request: { name: 'digest', input: { text: week } },
    });
    expect(text(digest)).toContain('Reported and still up a week later');
    expect(text(digest)).toContain('SW-1 · Hate');
    // No check is left after the week's: the list rests on that last one.
    expect(await w.recheckAt(new Date(flaggedAt + 30 * DAY))).toBe(0);
  }, 90_000);

  it('captures the account page once a correction names the attacker', async () => {
    const w = world();
    await w.flag('ana', 'https://x.com/i/status/789 hate');
    const pages = async () =>
      (await db.pool.query('SELECT page, url, state FROM page_captures ORDER BY id')).rows.map(
        (row) => `${row.page} ${row.url}`,
      );
    // The link does not say whose post it is: only the post is captured.
    expect(await pages()).toEqual(['post https://x.com/i/status/789']);
    await serveCommand(w.bot, member('ana'), 'correct', {
      text: 'SW-1 by:@SomeTroll his name is on the post',
    });
    expect(await pages()).toEqual(['post https://x.com/i/status/789', 'account https://x.com/sometroll']);
    await w.captureAll();
    const states = await db.pool.query('SELECT state FROM page_captures ORDER BY id');
    expect(states.rows.map((row) => row.state)).toEqual(['captured', 'captured']);
  }, 60_000);

  it('makes good a capture request lost between the flag and its request, for a day', async () => {
    // A bot with capture off stands in for a process that died right after recording the flag.
    const withoutCapture = createTestBot(db, { now: () => new Date('2026-11-18T15:00:00Z') });
    await serveCommand(withoutCapture, member('ana'), 'flag', {
      text: 'https://x.com/SomeTroll/status/321 hate',
    });
    await serveCommand(withoutCapture, member('ana'), 'flag', { text: 'email troll@example.com hate' });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM page_captures')).rows[0].n).toBe(0);

    const w = world();
    // Older than a day: left alone, the post may be gone and a capture would not show it as flagged.
    expect(await requestMissedCaptures(work, w.bot.captures, () => new Date('2026-11-19T15:01:00Z'))).toBe(0);
    // Within the day: its pages are asked for (the email has none), once.
    expect(await requestMissedCaptures(work, w.bot.captures, () => new Date('2026-11-18T16:00:00Z'))).toBe(1);
    expect(await requestMissedCaptures(work, w.bot.captures, () => new Date('2026-11-18T16:10:00Z'))).toBe(0);
    const pages = await db.pool.query('SELECT incident_id, page, url FROM page_captures ORDER BY id');
    expect(pages.rows).toEqual([
      { incident_id: '1', page: 'post', url: 'https://x.com/i/status/321' },
      { incident_id: '1', page: 'account', url: 'https://x.com/sometroll' },
    ]);
  }, 60_000);
});
