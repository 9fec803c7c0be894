import { describe, expect, it } from 'vitest';
import type { FlagRecord } from '../../src/core/ledger-port.ts';
import { normalizePostUrl } from '../../src/core/post-url/index.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { countRows, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();

describe('flagging an attack', () => {
  it('records the incident and answers with its reference, category, severity and the safety path', async () => {
    const reply = await t.bot.run(
      member('ana'),
      'flag',
      "https://twitter.com/SomeTroll/status/123?s=20 threat he said he'd find me",
    );
    expect(reply.tone).toBe('success');
    expect(reply.title).toBe('Recorded as SW-1: Violent threat, critical severity.');
    const text = replyText(reply);
    expect(text).toContain('Account: @SomeTroll');
    expect(reply.sections[1]?.heading).toBe('Your safety first');
    const stored = await t.db.pool.query(
      'SELECT i.canonical_url, i.category, i.severity, r.note, r.source_url FROM incidents i JOIN incident_reports r ON r.incident_id = i.id',
    );
    expect(stored.rows).toEqual([
      {
        canonical_url: 'https://x.com/i/status/123',
        category: 'threat',
        severity: 'critical',
        note: "he said he'd find me",
        // Stored as pasted, less the share parameter.
        source_url: 'https://twitter.com/SomeTroll/status/123',
      },
    ]);
  });

  it('flagging the same post through other URL variants adds co-reporters to one incident', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://twitter.com/SomeTroll/status/123?s=20 threat');
    const second = await t.bot.run(member('ben'), 'flag', 'https://X.com/sometroll/status/123/');
    const third = await t.bot.run(
      member('cy'),
      'flag',
      'mobile.twitter.com/SOMETROLL/status/123?utm_source=share#reply',
    );
    expect(second.title).toBe('Added you to SW-1: 2 members have flagged this post.');
    expect(third.title).toBe('Added you to SW-1: 3 members have flagged this post.');
    expect(await countRows(t.db, 'incidents')).toBe(1);
    expect(await countRows(t.db, 'incident_reports')).toBe(3);
    expect(await countRows(t.db, 'offenders')).toBe(1);
  });

  it('tells a co-reporter who chose another category how the incident stays filed, and only then', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/123 threat');
    const silent = await t.bot.run(
      member('ben'),
      'flag',
      'https://x.com/SomeTroll/status/123 he said it again',
    );
    const differs = await t.bot.run(
      member('cy'),
      'flag',
      'https://x.com/SomeTroll/status/123 hate racist slur',
    );
    expect(replyText(silent)).not.toContain('first flagged');
    expect(replyText(differs)).toContain(
      'It was first flagged as Violent threat and stays filed that way; your note is kept with it.',
    );
  });

  it('the same member flagging twice is told so, and nothing is added', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/123');
    const again = await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/123');
    expect(again.title).toBe('You flagged this post before: it is SW-1, and 1 member has flagged it.');
    expect(await countRows(t.db, 'incident_reports')).toBe(1);
  });

  it('a repeated delivery (retry or double click) changes nothing', async () => {
    const first = await t.bot.run(
      member('ana'),
      'flag',
      'https://x.com/SomeTroll/status/123 hate',
      'same-delivery',
    );
    const retry = await t.bot.run(
      member('ana'),
      'flag',
      'https://x.com/SomeTroll/status/123 hate',
      'same-delivery',
    );
    expect(first.title).toContain('SW-1');
    expect(retry.title).toBe('Already recorded as SW-1.');
    expect(await countRows(t.db, 'deliveries')).toBe(1);
    expect(await countRows(t.db, 'incident_reports')).toBe(1);
  });

  it('a delivery retried while the first is still being recorded waits for it, then answers the same', async () => {
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/124 hate', 'retried-delivery'),
      ),
    );
    expect(replies.filter((r) => r.tone === 'error')).toEqual([]);
    expect(replies.filter((r) => r.title.startsWith('Recorded as SW-1'))).toHaveLength(1);
    expect(replies.filter((r) => r.title === 'Already recorded as SW-1.')).toHaveLength(9);
    expect(await countRows(t.db, 'deliveries')).toBe(1);
    expect(await countRows(t.db, 'incident_reports')).toBe(1);
  });

  it('a new incident nobody could be alerted for comes back with its first wave done; others wait for the rally', async () => {
    const ledger = createPgLedger(t.db.pool);
    const at = new Date('2026-11-18T15:00:00Z');
    const flagOf = (url: string, deliveryId: string, changes: Partial<FlagRecord> = {}): FlagRecord => {
      const post = normalizePostUrl(url);
      if (!post.ok) throw new Error(url);
      const ana = { id: 'test:local:ana', name: 'ana' };
      return {
        delivery: { platform: 'test', id: deliveryId },
        post: post.value,
        accountNamedBy: post.value.account ? 'link' : null,
        channel: null,
        occurredAt: null,
        sourceUrl: url,
        category: 'harassment',
        severity: 'medium',
        note: undefined,
        reporter: ana,
        anonymous: false,
        target: ana,
        wants: undefined,
        targetPostUrl: undefined,
        screenshots: [],
        at,
        ...changes,
      };
    };
    // The only responder is the person attacked, who is never alerted for their own incident.
    await t.db.pool.query(
      "INSERT INTO responders (collective_id, member_id, active) VALUES ('default', 'test:local:ana', true)",
    );
    const alone = await ledger.recordFlag(flagOf('https://x.com/A/status/1', 'w1'));
    expect(alone.rally).toMatchObject({ consent: 'given', wave: 1, lastWaveAt: at });

    await t.db.pool.query(
      "INSERT INTO responders (collective_id, member_id, active) VALUES ('default', 'test:local:r01', true)",
    );
    const rallied = await ledger.recordFlag(flagOf('https://x.com/A/status/2', 'w2'));
    expect(rallied.rally).toMatchObject({ consent: 'given', wave: 0, lastWaveAt: null });
    const documented = await ledger.recordFlag(
      flagOf('https://x.com/A/status/3', 'w3', { wants: 'document' }),
    );
    expect(documented.rally).toMatchObject({ wants: 'document', wave: 0 });
    const byColleague = await ledger.recordFlag(
      flagOf('https://x.com/A/status/4', 'w4', { reporter: { id: 'test:local:ben', name: 'ben' } }),
    );
    expect(byColleague.rally).toMatchObject({ consent: 'pending', wave: 0 });
  });

  it('flags arriving together share a transaction, and one that cannot be recorded fails alone', async () => {
    // A delivery recorded before, whose incident is gone: recording it again can only fail.
    await t.db.pool.query(
      "INSERT INTO deliveries (platform, delivery_id, command) VALUES ('test', 'orphaned', 'flag')",
    );
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.bot.run(
          member(`m${i % 7}`),
          'flag',
          `https://x.com/Troll${i % 3}/status/${900 + i}`,
          i === 17 ? 'orphaned' : `together-${i}`,
        ),
      ),
    );
    expect(replies.filter((r) => r.tone === 'error').map((r) => r.title)).toEqual([
      expect.stringContaining('Your flag was NOT saved'),
    ]);
    expect(await countRows(t.db, 'incidents')).toBe(39);
    expect(await countRows(t.db, 'incident_reports')).toBe(39);
    const transactions = await t.db.pool.query('SELECT count(DISTINCT xmin::text)::int AS n FROM incidents');
    expect(transactions.rows[0].n).toBeLessThan(39);
  });

  it('a later flag raises severity and names the account the first link did not', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://x.com/i/status/555 harassment');
    await t.bot.run(member('ben'), 'flag', 'https://x.com/Troll2/status/555 harassment !critical');
    const row = await t.db.pool.query('SELECT severity, offender_id FROM incidents');
    expect(row.rows[0].severity).toBe('critical');
    expect(row.rows[0].offender_id).not.toBeNull();
  });

  it('50 concurrent flags of one post by 50 members give 1 incident with 50 reporters', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.bot.run(
          member(`m${i}`),
          'flag',
          `https://${i % 2 ? 'twitter' : 'x'}.com/Racer/status/777?s=${i} hate`,
        ),
      ),
    );
    expect(replies.filter((r) => r.tone === 'error')).toEqual([]);
    expect(replies.filter((r) => r.title.startsWith('Recorded as'))).toHaveLength(1);
    const rows = await t.db.pool.query(
      'SELECT count(DISTINCT incident_id)::int AS incidents, count(*)::int AS reports FROM incident_reports',
    );
    expect(rows.rows[0]).toEqual({ incidents: 1, reports: 50 });
    expect(await countRows(t.db, 'offenders')).toBe(1);
  });

  it.each([
    ['not a URL', 'not a link at all', 'url.'],
    ['a javascript: link', 'javascript:alert(1) threat', 'url.scheme'],
    ['a file: link', 'file:///etc/passwd', 'url.scheme'],
    ['an unknown category', 'https://x.com/a/status/1 thraet', 'flag.category_unknown'],
    ['a 10,000-character note', `https://x.com/a/status/1 threat ${'x'.repeat(10_000)}`, 'input.invalid'],
    ['control characters', 'https://x.com/a/status/1 threat \u001b[31mred', 'input.invalid'],
    ['nothing at all', '', 'flag.url_missing'],
  ])('refuses %s kindly and writes nothing', async (_what, text) => {
    const reply = await t.bot.run(member('ana'), 'flag', text);
    expect(reply.tone).toBe('error');
    expect(reply.title.length).toBeGreaterThan(20);
    expect(reply.title).not.toContain('x'.repeat(50));
    for (const table of ['incidents', 'incident_reports', 'offenders', 'deliveries'] as const) {
      expect(await countRows(t.db, table)).toBe(0);
    }
  });

  it('emails from one sender on one day are one incident; the next day is another', async () => {
    await t.bot.run(member('ana'), 'flag', 'Troll@Example.com threat');
    await t.bot.run(member('ben'), 'flag', 'mailto:troll@example.com');
    t.bot.clock.now = new Date('2026-11-19T15:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'troll@example.com');
    expect(await countRows(t.db, 'incidents')).toBe(2);
    expect(await countRows(t.db, 'offenders')).toBe(1);
  });

  it('only leads can see the digest', async () => {
    const refused = await t.bot.run(member('ana'), 'digest');
    expect(refused).toMatchObject({
      tone: 'error',
      title: expect.stringContaining('Only association leads'),
    });
    const shown = await t.bot.run(lead('lee'), 'digest');
    expect(shown.tone).toBe('info');
  });
});
