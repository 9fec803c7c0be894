import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../src/core/categories.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { categoryLabel } from '../../src/core/i18n/vocabulary.ts';
import type { Reply } from '../../src/core/reply.ts';
import { sendDueDigests } from '../../src/jobs/weekly-digest.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { BIN } from '../support/bot-process.ts';
import {
  createHarness,
  createTestBot,
  lead,
  member,
  replyText,
  testSettings,
} from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const ledger = useFreshLedger();

/** A small deterministic generator, so the seeded ledger is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const HOSTS = [
  { platform: 'X (Twitter)', url: (n: number) => `https://x.com/troll${n % 4}/status/${1000 + n}` },
  { platform: 'Instagram', url: (n: number) => `https://www.instagram.com/p/Post${n}/` },
  { platform: 'Reddit', url: (n: number) => `https://www.reddit.com/r/medicine/comments/abc${n}/title/` },
];

describe('the weekly digest', () => {
  it('counts a seeded ledger the way the test counts it itself, against the week before', async () => {
    const t = createHarness(ledger.db);
    const next = random(47);
    const expected: Record<
      'W46' | 'W47',
      { categories: Map<Category, number>; platforms: Map<string, number> }
    > = {
      W46: { categories: new Map(), platforms: new Map() },
      W47: { categories: new Map(), platforms: new Map() },
    };
    for (let n = 0; n < 30; n += 1) {
      const week = next() < 0.5 ? 'W46' : 'W47';
      // Monday 2026-11-09 (W46) or 2026-11-16 (W47), 13:00 UTC, plus up to six days: always inside the week in Chicago.
      const monday = week === 'W46' ? Date.UTC(2026, 10, 9, 13) : Date.UTC(2026, 10, 16, 13);
      t.clock.now = new Date(monday + Math.floor(next() * 6) * 86_400_000 + n * 60_000);
      const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)] as Category;
      const host = HOSTS[Math.floor(next() * HOSTS.length)] as (typeof HOSTS)[number];
      await t.run(member(`m${n % 5}`), 'flag', `${host.url(n)} ${category}`);
      const bucket = expected[week];
      bucket.categories.set(category, (bucket.categories.get(category) ?? 0) + 1);
      bucket.platforms.set(host.platform, (bucket.platforms.get(host.platform) ?? 0) + 1);
    }
    t.clock.now = new Date('2026-11-23T15:00:00Z');
    const text = replyText(await t.run(lead('lee'), 'digest', '2026-W47'));
    const total = (week: 'W46' | 'W47') => [...expected[week].categories.values()].reduce((a, b) => a + b, 0);
    expect(text).toContain(`Digest for 2026-W47 (2026-11-16 to 2026-11-22): ${total('W47')} incidents.`);
    expect(text).toContain(`The week before (2026-W46): ${total('W46')} incidents`);
    for (const category of CATEGORIES) {
      const now = expected.W47.categories.get(category) ?? 0;
      const before = expected.W46.categories.get(category) ?? 0;
      if (now + before === 0) continue;
      const delta = now - before;
      const change =
        delta === 0 ? 'same as the week before' : `${delta > 0 ? '+' : ''}${delta} on the week before`;
      expect(text).toContain(`${categoryLabel(translator('en'), category)}: ${now} (${change})`);
    }
    for (const [platform, count] of expected.W47.platforms) expect(text).toContain(`${platform}: ${count} (`);
    // Targets are never named; the members who flagged are the targets here.
    expect(text).not.toMatch(/\bm[0-4]\b/);
  });

  it('lists frequent offenders as new or escalating, critical incidents still open, and the rally figures', async () => {
    const t = createHarness(ledger.db);
    const flag = async (at: string, who: string, text: string) => {
      t.clock.now = new Date(at);
      return t.run(member(who), 'flag', text);
    };
    await flag('2026-11-10T15:00:00Z', 'ana', 'https://x.com/escalator/status/1 hate');
    await flag('2026-11-11T15:00:00Z', 'ben', 'https://x.com/escalator/status/2 hate');
    await flag('2026-11-12T15:00:00Z', 'cy', 'https://x.com/escalator/status/3 hate');
    await flag('2026-11-17T15:00:00Z', 'ana', 'https://x.com/escalator/status/4 hate');
    await flag('2026-11-17T16:00:00Z', 'ben', 'https://x.com/escalator/status/5 hate');
    await flag('2026-11-17T17:00:00Z', 'ana', 'https://x.com/newcomer/status/6 threat');
    await flag('2026-11-18T17:00:00Z', 'ben', 'https://x.com/newcomer/status/7 harassment');
    await flag('2026-11-19T17:00:00Z', 'dee', 'https://x.com/newcomer/status/8 harassment');
    // Three colleagues reply with support within the hour on SW-4; SW-6 (the threat) stays open.
    for (const [minutes, who] of [
      [10, 'r1'],
      [20, 'r2'],
      [50, 'r3'],
    ] as const) {
      t.clock.now = new Date(Date.parse('2026-11-17T15:00:00Z') + minutes * 60_000);
      await t.run(member(who), 'responder', 'on');
    }
    const bot = createTestBot(ledger.db, {
      now: () => new Date('2026-11-17T15:10:00Z'),
    });
    await bot.press(member('r1'), 'card:supported:4');
    const later = createTestBot(ledger.db, {
      now: () => new Date('2026-11-17T15:40:00Z'),
    });
    await later.press(member('r2'), 'card:supported:4');
    await later.press(member('r3'), 'card:supported:4');
    await later.press(member('r3'), 'card:reported:4');
    await later.incidents.resolve(lead('lee'), 5, 'removed');
    t.clock.now = new Date('2026-11-23T15:00:00Z');
    const text = replyText(await t.run(lead('lee'), 'digest', '2026-W47'));
    expect(text).toContain('@escalator on X (Twitter): 5 incidents against 3 members, 2 this week');
    expect(text).toContain(
      '@newcomer on X (Twitter): 3 incidents against 3 members, 3 this week (new this week)',
    );
    expect(text).toContain('SW-6 · Violent threat on X (Twitter) · open 5 days');
    expect(text).toContain(
      '1 of 5 incidents had supportive replies; 3 replies with support and 1 reports filed.',
    );
    expect(text).toContain('Median time to the first supportive reply: 10 minutes.');
    expect(text).toContain('1 of 5 had 3 or more supporters within an hour.');
    expect(text).toContain('Post removed: 1');
  });

  it('counts attacks with no link, and names offenders known by name or named by members as such', async () => {
    const t = createHarness(ledger.db);
    const flag = async (at: string, who: string, text: string) => {
      t.clock.now = new Date(at);
      const reply = await t.run(member(who), 'flag', text);
      expect(reply.tone, reply.title).not.toBe('error');
    };
    // A caller known only by name, three times, to three members; the first call was a threat.
    await flag('2026-11-16T15:00:00Z', 'ana', 'phone by:"Jo Bloggs" threat he said he knows where I park');
    await flag('2026-11-17T15:00:00Z', 'ben', 'phone by:"Jo Bloggs" he called the ward again');
    await flag('2026-11-18T15:00:00Z', 'cy', 'letter by:"Jo Bloggs" a letter to my home');
    // An Instagram account: twice in direct messages (a member named it), once by its own profile link.
    await flag('2026-11-17T16:00:00Z', 'ana', 'dm:instagram by:racistguy hate');
    await flag('2026-11-18T16:00:00Z', 'ben', 'dm:instagram by:racistguy hate');
    await flag('2026-11-19T16:00:00Z', 'cy', 'https://www.instagram.com/racistguy/ hate');
    // A comment whose author nobody knows, and a complaint nobody signed.
    await flag(
      '2026-11-19T17:00:00Z',
      'dee',
      'https://www.facebook.com/CityNews/posts/123?comment_id=9 hate',
    );
    await flag('2026-11-20T17:00:00Z', 'dee', 'complaint an anonymous complaint to my college');
    t.clock.now = new Date('2026-11-23T15:00:00Z');
    const text = replyText(await t.run(lead('lee'), 'digest', '2026-W47'));
    expect(text).toContain('Digest for 2026-W47 (2026-11-16 to 2026-11-22): 8 incidents.');
    expect(text).toContain('Off-platform: 4 (+4 on the week before)');
    expect(text).toContain('Instagram: 3 (+3 on the week before)');
    expect(text).toContain('Facebook: 1 (+1 on the week before)');
    expect(text).toContain(
      'Jo Bloggs (named by a member): 3 incidents against 3 members, 3 this week (new this week)',
    );
    expect(text).toContain(
      '@racistguy on Instagram (named by a member in 2 of 3 incidents): 3 incidents against 3 members, ' +
        '3 this week (new this week)',
    );
    expect(text).toContain('SW-1 · Violent threat · Phone call or text · open 7 days');
    expect(text).not.toContain('on Off-platform');
    // Neither the members attacked nor what was said to them.
    expect(text).not.toMatch(/\b(ana|ben|cy|dee)\b/);
    expect(text).not.toContain('park');
  });
});

describe('sending the weekly digest', () => {
  const leadsChannels = () => ['test:local:slack-leads', 'test:local:discord-leads'];

  it('sends each week once per channel, with two schedulers at once, and catches up after downtime', async () => {
    const sent: { to: string; reply: Reply }[] = [];
    const clock = { now: new Date('2026-11-23T09:00:30Z') };
    const delivery = {
      ledger: createPgLedger(ledger.db.pool),
      settings: { ...testSettings, timezone: 'UTC' },
      cron: '0 9 * * 1',
      now: () => clock.now,
      destinations: leadsChannels,
      send: async (to: string, reply: Reply) => {
        sent.push({ to, reply });
      },
    };
    await Promise.all([sendDueDigests(delivery), sendDueDigests(delivery), sendDueDigests(delivery)]);
    expect(sent.map((s) => s.to).sort()).toEqual(leadsChannels().sort());
    expect(sent[0]?.reply.title).toContain('Digest for 2026-W47');
    // Later the same week: nothing more.
    clock.now = new Date('2026-11-27T12:00:00Z');
    expect(await sendDueDigests(delivery)).toEqual([]);
    // The bot was down through Monday 2026-11-30 09:00; it comes back on Tuesday and sends W48 then.
    clock.now = new Date('2026-12-01T08:00:00Z');
    expect((await sendDueDigests(delivery)).sort()).toEqual(leadsChannels().sort());
    expect(sent.at(-1)?.reply.title).toContain('Digest for 2026-W48');
    expect(sent).toHaveLength(4);
  });

  it('gives the claim up when sending fails, so the next run sends it', async () => {
    let fail = true;
    const sent: string[] = [];
    const delivery = {
      ledger: createPgLedger(ledger.db.pool),
      settings: { ...testSettings, timezone: 'UTC' },
      cron: '0 9 * * 1',
      now: () => new Date('2026-11-23T10:00:00Z'),
      destinations: () => ['test:local:leads'],
      send: async (to: string) => {
        if (fail) throw new Error('platform down');
        sent.push(to);
      },
    };
    await expect(sendDueDigests(delivery)).rejects.toThrow('platform down');
    fail = false;
    expect(await sendDueDigests(delivery)).toEqual(['test:local:leads']);
    expect(await sendDueDigests(delivery)).toEqual([]);
  });

  it('npx shieldwall digest prints the same digest as Markdown or JSON', async () => {
    const t = createHarness(ledger.db);
    t.clock.now = new Date('2026-11-17T12:00:00Z');
    await t.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/1 hate');
    const run = (format: string) =>
      promisify(execFile)(process.execPath, [BIN, 'digest', '--week', '2026-W47', '--format', format], {
        env: {
          ...process.env,
          DATABASE_URL: ledger.db.url,
          SHIELDWALL_PSEUDONYM_KEY: ledger.db.pseudonymKey,
          SHIELDWALL_TIMEZONE: 'America/Chicago',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
      });
    const markdown = (await run('markdown')).stdout;
    expect(markdown).toContain('# Digest for 2026-W47 (2026-11-16 to 2026-11-22): 1 incident.');
    expect(markdown).toContain('## By category');
    expect(markdown).toContain('- Hate / racist abuse: 1 (+1 on the week before)');
    const json = JSON.parse((await run('json')).stdout);
    expect(json.week.label).toBe('2026-W47');
    expect(json.total).toEqual({ count: 1, before: 0 });
    expect(json.history).toHaveLength(12);
    await expect(run('pdf')).rejects.toThrow(/markdown or json/);
  });
});
