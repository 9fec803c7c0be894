import type pg from 'pg';
import { z } from 'zod';
import type { Category } from '../core/categories.ts';
import type { Compared, DigestOffender, WeeklyDigest } from '../core/digest/weekly-digest.ts';
import { isFrequent } from '../core/frequent-offender.ts';
import type { CountBy, FrequentOffenderRow } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import type { Week } from '../core/time.ts';
import { summarizePeriod } from './period-summary.ts';
import { category, platform } from './rows.ts';

const openCriticalRow = z.object({ id: z.coerce.number(), category, platform, first_reported_at: z.date() });
const outcomeRow = z.object({
  outcome: z.enum(['removed', 'suspended', 'no-action', 'duplicate', 'settled']),
  count: z.coerce.number(),
});
const historyRow = z.object({ week: z.coerce.number(), category, count: z.coerce.number() });

/**
 * The weekly digest's figures: the week against the one before, frequent offenders new and escalating,
 * critical incidents still open, how the rally did, and twelve weeks of history for the chart.
 */
export async function loadWeeklyDigest(
  pool: pg.Pool,
  weeks: { week: Week; previous: Week; history: Week[] },
  rule: FrequentRule,
): Promise<WeeklyDigest> {
  const { week, previous, history } = weeks;
  const [now, before] = await Promise.all([
    summarizePeriod(pool, week.start, week.end, rule),
    summarizePeriod(pool, previous.start, previous.end, rule),
  ]);
  const [frequent, openCritical, threeInAnHour, outcomes, chart] = await Promise.all([
    frequentOffenders(pool, now.frequentOffenders, before.frequentOffenders, previous, rule),
    pool.query(
      `SELECT id, category, platform, first_reported_at FROM incidents
       WHERE severity = 'critical' AND status = 'open' AND first_reported_at < $1
       ORDER BY first_reported_at, id LIMIT 50`,
      [week.end],
    ),
    pool.query(
      `SELECT count(*)::int AS n FROM incidents i
       WHERE i.first_reported_at >= $1 AND i.first_reported_at < $2
         AND (SELECT count(DISTINCT a.member_id) FROM incident_actions a
              WHERE a.incident_id = i.id AND a.action = 'supported'
                AND a.acted_at <= i.first_reported_at + interval '1 hour') >= 3`,
      [week.start, week.end],
    ),
    pool.query(
      `SELECT outcome, count(*) AS count FROM incidents WHERE resolved_at >= $1 AND resolved_at < $2
       GROUP BY outcome ORDER BY count(*) DESC, outcome`,
      [week.start, week.end],
    ),
    pool.query(
      `SELECT w.idx AS week, i.category, count(*) AS count
       FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS w(starts, ends, idx)
       JOIN incidents i ON i.first_reported_at >= w.starts AND i.first_reported_at < w.ends
       GROUP BY w.idx, i.category`,
      [history.map((w) => w.start), history.map((w) => w.end)],
    ),
  ]);
  const buckets = history.map((w) => ({ label: w.label, counts: {} as Partial<Record<Category, number>> }));
  for (const raw of chart.rows) {
    const row = historyRow.parse(raw);
    const bucket = buckets[row.week - 1];
    if (bucket) bucket.counts[row.category] = row.count;
  }
  return {
    week,
    previous,
    total: { count: now.total, before: before.total },
    byCategory: compare(now.byCategory, before.byCategory),
    byPlatform: compare(now.byPlatform, before.byPlatform),
    bySeverity: compare(now.bySeverity, before.bySeverity),
    frequentOffenders: frequent,
    openCritical: openCritical.rows.map((raw) => {
      const row = openCriticalRow.parse(raw);
      return {
        id: row.id,
        category: row.category,
        platform: row.platform,
        firstReportedAt: row.first_reported_at,
      };
    }),
    rally: { ...now.rally, incidentsWithThreeInAnHour: Number(threeInAnHour.rows[0]?.n ?? 0) },
    outcomes: outcomes.rows.map((raw) => {
      const row = outcomeRow.parse(raw);
      return { key: row.outcome, count: row.count };
    }),
    history: buckets,
  };
}

function compare<K extends string>(now: CountBy<K>[], before: CountBy<K>[]): Compared<K>[] {
  const keys = new Set([...now.map((c) => c.key), ...before.map((c) => c.key)]);
  return [...keys]
    .map((key) => ({
      key,
      count: now.find((c) => c.key === key)?.count ?? 0,
      before: before.find((c) => c.key === key)?.count ?? 0,
    }))
    .sort((a, b) => b.count - a.count || b.before - a.before || a.key.localeCompare(b.key));
}

const accountKey = (row: FrequentOffenderRow) => `${row.account.platform}:${row.account.handle}`;

async function frequentOffenders(
  pool: pg.Pool,
  now: FrequentOffenderRow[],
  before: FrequentOffenderRow[],
  previous: Week,
  rule: FrequentRule,
): Promise<DigestOffender[]> {
  const judged = (rows: FrequentOffenderRow[]) =>
    rows.filter((row) =>
      isFrequent({ incidents: row.incidentsInWindow, targets: row.targetsInWindow }, rule),
    );
  const current = judged(now);
  const wasFrequent = new Set(judged(before).map(accountKey));
  const lastWeek = await pool.query(
    `SELECT o.platform || ':' || o.handle AS key, count(*)::int AS n
     FROM incidents i JOIN offenders o ON o.id = i.offender_id
     WHERE i.first_reported_at >= $1 AND i.first_reported_at < $2 AND o.platform || ':' || o.handle = ANY($3::text[])
     GROUP BY 1`,
    [previous.start, previous.end, current.map(accountKey)],
  );
  const lastWeekCount = new Map(lastWeek.rows.map((row) => [String(row.key), Number(row.n)]));
  return current.map((row) => {
    const last = lastWeekCount.get(accountKey(row)) ?? 0;
    return {
      account: row.account,
      incidents: row.incidentsInWindow,
      targets: row.targetsInWindow,
      thisWeek: row.incidentsInPeriod,
      lastWeek: last,
      trend: !wasFrequent.has(accountKey(row))
        ? 'new'
        : row.incidentsInPeriod > last
          ? 'escalating'
          : 'steady',
    };
  });
}
