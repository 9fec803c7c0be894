import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { profileOffender } from '../../src/core/frequent-offender.ts';
import { listFrequentOffenders, type SearchLimits } from '../../src/ledger/frequent-offenders.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();
const RULE = { minIncidents: 3, minTargets: 2, windowDays: 90, lapseDays: 180 };
const WEEK = { from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };
// The default collective's own incidents, as a deployment configured by environment variables judges them.
const OWN = { collectiveId: 'default', counted: ['default'] };
const DAY_MS = 86_400_000;

/** `count` incidents by one account over the days before the week's end, against the members given in turn. */
async function attacks(handle: string, count: number, targets: string[]): Promise<void> {
  await t.db.pool.query(
    `WITH o AS (INSERT INTO offenders (platform, handle, display) VALUES ('x', $1, '@' || $1) RETURNING id)
     INSERT INTO incidents (collective_id, canonical_url, platform, kind, offender_id, offender_named_by, category, severity, target_id, first_reported_at)
     SELECT 'default', 'https://x.com/i/status/' || $1 || '-' || g, 'x', 'post', o.id, 'link', 'harassment', 'medium',
            ($3::text[])[1 + g % cardinality($3::text[])], $4::timestamptz - make_interval(days => g)
     FROM o, generate_series(1, $2) g`,
    [handle, count, targets, WEEK.to],
  );
}

/** An account with `recent` incidents in the days before the week's end and `old` more 100 to 200 days before. */
async function account(handle: string, recent: number, old: number): Promise<void> {
  const days = [
    ...Array.from({ length: recent }, (_, i) => 1 + i),
    ...Array.from({ length: old }, (_, i) => 100 + i),
  ];
  await t.db.pool.query(
    `WITH o AS (INSERT INTO offenders (platform, handle, display) VALUES ('x', $1, '@' || $1) RETURNING id)
     INSERT INTO incidents (collective_id, canonical_url, platform, kind, offender_id, offender_named_by, category, severity, target_id, first_reported_at)
     SELECT 'default', 'https://x.com/i/status/' || $1 || '-' || n, 'x', 'post', o.id, 'link', 'harassment', 'medium',
            'slack:T:U' || n % 2, $3::timestamptz - make_interval(days => d)
     FROM o, unnest($2::int[]) WITH ORDINALITY AS x(d, n)`,
    [handle, days, WEEK.to],
  );
}

/** A pool that notes whether the whole ledger was judged at once (the search's last resort). */
function watched(pool: pg.Pool): { pool: pg.Pool; judgedWhole: () => boolean } {
  let whole = false;
  const query = (text: string, values?: unknown[]) => {
    if (text.includes('WITH judged') && text.includes('offender_id IS NOT NULL')) whole = true;
    return pool.query(text, values);
  };
  return { pool: { query } as unknown as pg.Pool, judgedWhole: () => whole };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * A ledger of `accounts` accounts: a few attack often, most rarely, over the year before the week's end and
 * into the week after it; against one to five members; some cleared by a lead, some long quiet.
 */
async function seedMixedLedger(accounts: number, seed: number): Promise<void> {
  const next = random(seed);
  for (let a = 0; a < accounts; a += 1) {
    const handle = `acct${a}`;
    const incidents = 1 + Math.floor(40 / (1 + next() * 12));
    const quietDays = next() < 0.15 ? 200 : 0;
    const members = 1 + Math.floor(next() * 5);
    const times = Array.from(
      { length: incidents },
      () => new Date(WEEK.to.getTime() + (14 - quietDays - next() * 365) * DAY_MS),
    );
    const targets = times.map(() => `slack:T:U${Math.floor(next() * members)}`);
    const cleared = next() < 0.1 ? new Date(WEEK.to.getTime() - next() * 60 * DAY_MS) : null;
    await t.db.pool.query(
      `WITH o AS (INSERT INTO offenders (platform, handle, display) VALUES ('x', $1, '@' || $1) RETURNING id),
       r AS (INSERT INTO offender_reviews (collective_id, offender_id, review, reviewed_at)
             SELECT 'default', o.id, 'cleared', $4 FROM o WHERE $4::timestamptz IS NOT NULL)
       INSERT INTO incidents (collective_id, canonical_url, platform, kind, offender_id, offender_named_by, category, severity, target_id, first_reported_at)
       SELECT 'default', 'https://x.com/i/status/' || $1 || '-' || n, 'x', 'post', o.id, 'link', 'harassment', 'medium', target, at
       FROM o, unnest($2::timestamptz[], $3::text[]) WITH ORDINALITY AS i(at, target, n)`,
      [handle, times, targets, cleared],
    );
  }
}

/** The answer straight from the rule in the core, account by account, ranked as the digest ranks them. */
async function expectedByTheRule(): Promise<[string, number, number, number][]> {
  const { rows } = await t.db.pool.query(
    `SELECT o.id, o.handle, r.review, r.reviewed_at, i.id AS incident, i.first_reported_at, i.target_id
     FROM offenders o JOIN incidents i ON i.offender_id = o.id
       LEFT JOIN offender_reviews r ON r.offender_id = o.id AND r.collective_id = 'default'
     WHERE i.first_reported_at < $1 ORDER BY o.id, i.first_reported_at, i.id`,
    [WEEK.to],
  );
  const byAccount = new Map<number, typeof rows>();
  for (const row of rows) byAccount.set(row.id, [...(byAccount.get(row.id) ?? []), row]);
  const judged = [...byAccount].flatMap(([id, list]) => {
    const first = list[0];
    const history = {
      incidents: list.map((row) => ({
        id: Number(row.incident),
        category: 'harassment' as const,
        severity: 'medium' as const,
        status: 'open' as const,
        firstReportedAt: row.first_reported_at as Date,
        targetId: row.target_id as string,
        namedBy: 'link' as const,
      })),
      review: first.review ? { status: first.review, at: first.reviewed_at } : null,
    };
    const profile = profileOffender(history, WEEK.to, RULE);
    if (!profile?.frequent) return [];
    const inWeek = profile.window.incidents.filter((incident) => incident.firstReportedAt >= WEEK.from);
    return [
      { id, row: [first.handle, profile.window.incidents.length, profile.window.targets, inWeek.length] },
    ];
  });
  judged.sort((a, b) => Number(b.row[1]) - Number(a.row[1]) || a.id - b.id);
  return judged.slice(0, 50).map((entry) => entry.row as [string, number, number, number]);
}

async function listed(limits?: SearchLimits): Promise<{ rows: unknown[]; judgedWhole: boolean }> {
  const watch = watched(t.db.pool);
  const frequent = await listFrequentOffenders(watch.pool, OWN, WEEK, RULE, limits);
  return {
    rows: frequent.map((row) => [
      row.account.handle,
      row.incidentsInWindow,
      row.targetsInWindow,
      row.incidentsInPeriod,
    ]),
    judgedWhole: watch.judgedWhole(),
  };
}

describe('the frequent offenders at the end of a week', () => {
  it('finds the same fifty as the rule judged account by account, however far the search has to go', async () => {
    await seedMixedLedger(260, 7);
    const expected = await expectedByTheRule();
    expect(expected).toHaveLength(50);
    expect(expected.at(-1)?.[1]).toBeGreaterThanOrEqual(RULE.minIncidents);

    // Judged in order of the bound, in rounds, without judging the whole ledger.
    expect(await listed()).toEqual({ rows: expected, judgedWhole: false });
    expect(await listed({ candidates: 1000, firstRound: 7 })).toEqual({ rows: expected, judgedWhole: false });
    // Too few candidates kept to be sure: the whole ledger is judged at once, with the same answer.
    expect(await listed({ candidates: 60, firstRound: 7 })).toEqual({ rows: expected, judgedWhole: true });
  });

  it('judges every account whose bound reaches the fiftieth, and the whole ledger when such accounts were not kept', async () => {
    // `equal` has as many incidents as the fiftieth of the others and was recorded first, so it takes that
    // place; its bound (its incidents over the whole span) is the lowest, so it is judged last.
    await account('equal', 5, 0);
    for (let i = 0; i < 50; i += 1) await account(`old${i}`, 5, 3);
    const withEqual = [['equal', 5, 2, 5], ...Array.from({ length: 49 }, (_, i) => [`old${i}`, 5, 2, 5])];
    expect(await listed({ candidates: 100, firstRound: 50 })).toEqual({
      rows: withEqual,
      judgedWhole: false,
    });

    // With `late` on top, a list of 51 candidates ends before `equal`. Its last bound is above the fiftieth's
    // incidents, so the accounts left out of it might still qualify, and the whole ledger is judged.
    await account('late', 8, 0);
    const withLate = [['late', 8, 2, 7], ...withEqual.slice(0, 49)];
    expect(await listed({ candidates: 51, firstRound: 51 })).toEqual({ rows: withLate, judgedWhole: true });
    expect(await listed()).toEqual({ rows: withLate, judgedWhole: false });
  });

  it('does not let accounts with many incidents against one member hide one below them that qualifies', async () => {
    await attacks('top', 5, ['slack:T:UANA', 'slack:T:UBEN']);
    for (let i = 0; i < 30; i += 1) await attacks(`lone${i}`, 4, ['slack:T:UCAL']);
    await attacks('spread', 3, ['slack:T:UANA', 'slack:T:UBEN', 'slack:T:UCAL']);

    for (const limits of [undefined, { candidates: 10, firstRound: 4 }, { candidates: 100, firstRound: 4 }]) {
      const { rows } = await listed(limits);
      expect(rows).toEqual([
        ['top', 5, 2, 5],
        ['spread', 3, 3, 3],
      ]);
    }
  });

  it('ranks equals by the account recorded first, and stops at fifty', async () => {
    for (let i = 0; i < 60; i += 1) await attacks(`many${i}`, 3 + (i % 4), ['slack:T:UANA', 'slack:T:UBEN']);
    await attacks('alone', 9, ['slack:T:UCAL']);

    const { rows, judgedWhole } = await listed();
    expect(judgedWhole).toBe(false);
    expect(rows).toHaveLength(50);
    const handles = rows.map((row) => (row as [string])[0]);
    expect(handles).not.toContain('alone');
    // 15 accounts each with 6, 5 and 4 incidents, then 5 of the 15 with 3: the lowest ids first among equals.
    expect(handles.slice(0, 3)).toEqual(['many3', 'many7', 'many11']);
    expect(handles.at(-1)).toBe('many16');
  });
});
