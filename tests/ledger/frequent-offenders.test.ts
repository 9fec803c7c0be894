import { describe, expect, it } from 'vitest';
import { listFrequentOffenders } from '../../src/ledger/frequent-offenders.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();
const RULE = { minIncidents: 3, minTargets: 2, windowDays: 90, lapseDays: 180 };
const WEEK = { from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };

/** `count` incidents by one account over the days before the week's end, against the members given in turn. */
async function attacks(handle: string, count: number, targets: string[]): Promise<void> {
  await t.db.pool.query(
    `WITH o AS (INSERT INTO offenders (platform, handle, display) VALUES ('x', $1, '@' || $1) RETURNING id)
     INSERT INTO incidents (canonical_url, platform, kind, offender_id, category, severity, target_id, first_reported_at)
     SELECT 'https://x.com/i/status/' || $1 || '-' || g, 'x', 'post', o.id, 'harassment', 'medium',
            ($3::text[])[1 + g % cardinality($3::text[])], $4::timestamptz - make_interval(days => g)
     FROM o, generate_series(1, $2) g`,
    [handle, count, targets, WEEK.to],
  );
}

describe('the frequent offenders at the end of a week', () => {
  it('ranks accounts by incidents first and counts members for the leaders, falling back to all when too few of them qualify', async () => {
    await attacks('top', 5, ['slack:T:UANA', 'slack:T:UBEN']);
    // More accounts than are ranked before members are counted, each with more incidents than `spread` but all
    // against one member: none is a frequent offender, and they must not hide the one below them that is.
    for (let i = 0; i < 210; i += 1) await attacks(`lone${i}`, 4, ['slack:T:UCAL']);
    await attacks('spread', 3, ['slack:T:UANA', 'slack:T:UBEN', 'slack:T:UCAL']);

    const frequent = await listFrequentOffenders(t.db.pool, WEEK, RULE);
    expect(frequent.map((row) => [row.account.handle, row.incidentsInWindow, row.targetsInWindow])).toEqual([
      ['top', 5, 2],
      ['spread', 3, 3],
    ]);
  });

  it('answers from the leaders alone when enough of them qualify, in the same order as the full judgement', async () => {
    for (let i = 0; i < 60; i += 1) await attacks(`many${i}`, 3 + (i % 4), ['slack:T:UANA', 'slack:T:UBEN']);
    await attacks('alone', 9, ['slack:T:UCAL']);

    const frequent = await listFrequentOffenders(t.db.pool, WEEK, RULE);
    expect(frequent).toHaveLength(50);
    expect(frequent.map((row) => row.account.handle)).not.toContain('alone');
    const counts = frequent.map((row) => row.incidentsInWindow);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // 15 accounts each with 6, 5 and 4 incidents, then 5 of the 15 with 3: the lowest ids first among equals.
    expect(counts.filter((n) => n === 3)).toHaveLength(5);
    expect(frequent.at(-1)?.account.handle).toBe('many16');
  });
});
