import { describe, expect, it } from 'vitest';
import { countRows, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();

const at = (iso: string) => {
  t.bot.clock.now = new Date(iso);
};

describe('/offender', () => {
  it('shows incidents, distinct targets, categories, first and last seen, and the frequent status with its incidents', async () => {
    at('2026-11-02T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
    at('2026-11-09T12:00:00Z');
    await t.bot.run(member('ben'), 'flag', 'https://twitter.com/sometroll/status/2 hate');
    at('2026-11-16T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SOMETROLL/status/3 hate');
    for (const query of [
      'SomeTroll',
      '@sometroll',
      'https://x.com/sometroll',
      'x:SomeTroll',
      'https://x.com/SomeTroll/status/3',
    ]) {
      const text = replyText(await t.bot.run(member('cy'), 'offender', query));
      expect(text, query).toContain('@SomeTroll on X (Twitter)');
      expect(text).toContain('3 incidents against 2 members: Hate / racist abuse ×2, Violent threat ×1.');
      expect(text).toContain('First seen 2026-11-02, last seen 2026-11-16.');
      expect(text).toContain('Frequent offender: 3 incidents against 2 members within 90 days.');
      expect(text).toMatch(/SW-3 · 2026-11-16 · Hate[\s\S]*SW-2[\s\S]*SW-1 · 2026-11-02 · Violent threat/);
    }
  });

  it('is not frequent with incidents against one member only', async () => {
    for (const id of [1, 2, 3]) await t.bot.run(member('ana'), 'flag', `https://x.com/loner/status/${id}`);
    expect(replyText(await t.bot.run(member('ana'), 'offender', 'loner'))).toContain(
      'Not a frequent offender',
    );
  });

  it('finds the same handle on several platforms, and Mastodon accounts by user name', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://www.tiktok.com/@dup/video/1');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/dup/status/9');
    await t.bot.run(member('ana'), 'flag', 'https://mastodon.social/@dup/1234');
    await t.bot.run(member('ana'), 'flag', 'https://mastodon.social/@dupe/1235');
    // Asked often enough that each connection's cached plan is the one answering.
    for (let i = 0; i < 8; i += 1) {
      const reply = await t.bot.run(member('ana'), 'offender', 'dup');
      expect(reply.title).toBe('3 accounts match:');
      expect(replyText(reply)).not.toContain('dupe');
    }
    // Only the name before the server counts, and nothing in it is a pattern.
    expect((await t.bot.run(member('ana'), 'offender', 'du')).title).toContain('No incidents are recorded');
    expect((await t.bot.run(member('ana'), 'offender', 'd_p')).title).toContain('No incidents are recorded');
    expect(replyText(await t.bot.run(member('ana'), 'offender', 'x:dup'))).not.toContain('TikTok');
  });

  it('says kindly when the ledger has nothing, and refuses text that is not an account', async () => {
    expect((await t.bot.run(member('ana'), 'offender', 'nobody')).title).toContain(
      'No incidents are recorded',
    );
    expect((await t.bot.run(member('ana'), 'offender', '')).tone).toBe('error');
    expect((await t.bot.run(member('ana'), 'offender', 'javascript:alert(1)')).tone).toBe('error');
  });
});

describe('/responder', () => {
  it('opts in with platforms, shows the status, and opts out', async () => {
    const on = await t.bot.run(member('ana'), 'responder', 'on x Instagram twitter');
    expect(on.title).toBe("You're a responder on X (Twitter), Instagram.");
    expect((await t.bot.run(member('ana'), 'responder')).title).toContain(
      'You are a responder on X (Twitter), Instagram',
    );
    await t.bot.run(member('ana'), 'responder', 'off');
    expect((await t.bot.run(member('ana'), 'responder')).title).toContain('You are not a responder');
    const row = await t.db.pool.query('SELECT active, platforms FROM responders');
    expect(row.rows).toEqual([{ active: false, platforms: ['x', 'instagram'] }]);
  });

  it('refuses an unknown platform or mode and writes nothing', async () => {
    expect((await t.bot.run(member('ana'), 'responder', 'on myspace')).tone).toBe('error');
    expect((await t.bot.run(member('ana'), 'responder', 'maybe')).tone).toBe('error');
    expect(await countRows(t.db, 'responders')).toBe(0);
  });
});

describe('/digest', () => {
  it("counts the week's incidents by category, platform and severity, and lists frequent offenders without naming targets", async () => {
    at('2026-11-10T12:00:00Z'); // week 46
    await t.bot.run(member('ana'), 'flag', 'https://x.com/repeat/status/1 hate');
    at('2026-11-17T12:00:00Z'); // week 47
    await t.bot.run(member('ben'), 'flag', 'https://x.com/repeat/status/2 threat');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/repeat/status/3 hate');
    await t.bot.run(member('cy'), 'flag', 'https://www.instagram.com/p/AbC123/ sexual');
    await t.bot.run(member('dee'), 'flag', 'https://www.instagram.com/p/AbC123/ sexual'); // co-report: still one incident
    const reply = await t.bot.run(lead('lee'), 'digest', '2026-W47');
    const text = replyText(reply);
    expect(reply.title).toBe('Digest for 2026-W47 (2026-11-16 to 2026-11-22): 3 incidents.');
    expect(text).toContain('Hate / racist abuse: 1');
    expect(text).toContain('Sexual harassment: 1');
    expect(text).toContain('Violent threat: 1');
    expect(text).toContain('X (Twitter): 2');
    expect(text).toContain('Instagram: 1');
    expect(text).toContain('critical: 1');
    expect(text).toContain('high: 2');
    expect(text).toContain('@repeat on X (Twitter): 3 incidents against 2 members, 2 this week');
    expect(text).not.toMatch(/ana|ben|cy|dee/);
    const earlier = await t.bot.run(lead('lee'), 'digest', '2026-W46');
    expect(earlier.title).toContain('1 incident.');
    expect(replyText(earlier)).toContain('None.');
  });

  it('refuses a week that is not a week', async () => {
    expect((await t.bot.run(lead('lee'), 'digest', 'W99')).tone).toBe('error');
  });
});
