import type pg from 'pg';
import { z } from 'zod';
import type { Category } from '../core/categories.ts';
import type { Compared, DigestOffender, WeeklyDigest } from '../core/digest/weekly-digest.ts';
import { ATTACK_CHANNELS } from '../core/incident/attack-channel.ts';
import { OUTCOMES } from '../core/incident/outcomes.ts';
import type { CountBy } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import type { Week } from '../core/time.ts';
import { type FrequentOffender, type JudgedScope, judgeAccounts } from './frequent-offenders.ts';
import { countPeriod, summarizePeriod } from './period-summary.ts';
import { category, platform } from './rows.ts';
import { sharedCounts } from './shared-signals.ts';

const openCriticalRow = z.object({
  id: z.coerce.number(),
  category,
  platform,
  channel: z.enum(ATTACK_CHANNELS).nullable(),
  first_reported_at: z.date(),
});
const stillUpRow = z.object({
  id: z.coerce.number(),
  category,
  platform,
  first_reported_at: z.date(),
  still_up_at: z.date(),
  reports: z.coerce.number(),
});
/** "Still up a week after it was flagged": the checks of CAPTURE_RECHECK_DAYS must reach this far. */
const STILL_UP_DAYS = 7;
const outcomeRow = z.object({
  outcome: z.enum(OUTCOMES),
  count: z.coerce.number(),
});
const historyRow = z.object({ week: z.coerce.number(), category, count: z.coerce.number() });

/**
 * The weekly digest's figures: the week against the one before, frequent offenders new and escalating,
 * critical incidents still open, how the rally did, and twelve weeks of history for the chart.
 */
export async function loadWeeklyDigest(
  pool: pg.Pool,
  scope: JudgedScope,
  weeks: { week: Week; previous: Week; history: Week[] },
  rule: FrequentRule,
): Promise<WeeklyDigest> {
  const { week, previous, history } = weeks;
  const own = scope.collectiveId;
  // Every question at once, each on its own connection: the slowest (the frequent offenders) sets the time.
  const [now, before, openCritical, stillUp, threeInAnHour, outcomes, chart] = await Promise.all([
    summarizePeriod(pool, scope, week.start, week.end, rule),
    countPeriod(pool, own, previous.start, previous.end),
    pool.query(
      `SELECT id, category, platform, channel, first_reported_at FROM incidents
       WHERE severity = 'critical' AND status = 'open' AND first_reported_at < $1 AND collective_id = $2
       ORDER BY first_reported_at, id LIMIT 50`,
      [week.end, own],
    ),
    // Open posts found still up by a check a week or more after the flag, and never found gone since.
    pool.query(
      `SELECT i.id, i.category, i.platform, i.first_reported_at, c.still_up_at,
              (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'reported') AS reports
       FROM page_captures c JOIN incidents i ON i.id = c.incident_id
       WHERE c.page = 'post' AND c.gone_at IS NULL AND i.status = 'open' AND i.purged_at IS NULL
         AND i.collective_id = $3 AND c.still_up_at < $1 AND c.still_up_at >= i.first_reported_at + make_interval(days => $2)
       ORDER BY i.first_reported_at, i.id LIMIT 50`,
      [week.end, STILL_UP_DAYS, own],
    ),
    pool.query(
      `SELECT count(*)::int AS n FROM incidents i
       WHERE i.collective_id = $3 AND i.first_reported_at >= $1 AND i.first_reported_at < $2
         AND (SELECT count(DISTINCT a.member_id) FROM incident_actions a
              WHERE a.incident_id = i.id AND a.action = 'supported'
                AND a.acted_at <= i.first_reported_at + interval '1 hour') >= 3`,
      [week.start, week.end, own],
    ),
    pool.query(
      `SELECT outcome, count(*) AS count FROM incidents
       WHERE collective_id = $3 AND status = 'resolved' AND resolved_at >= $1 AND resolved_at < $2
       GROUP BY outcome ORDER BY count(*) DESC, outcome`,
      [week.start, week.end, own],
    ),
    // One scan of the twelve weeks, each incident put in its week by the weeks' boundaries (weeks in the
    // collective's zone are not all the same length when the clocks change).
    pool.query(
      `SELECT width_bucket(first_reported_at, $1::timestamptz[]) AS week, category, count(*) AS count
       FROM incidents WHERE collective_id = $4 AND first_reported_at >= $2 AND first_reported_at < $3
       GROUP BY 1, 2`,
      [[...history.map((w) => w.start), history.at(-1)?.end], history[0]?.start, history.at(-1)?.end, own],
    ),
  ]);
  const frequent = await frequentOffenders(pool, scope, now.frequentOffenders, previous, rule);
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
        channel: row.channel,
        firstReportedAt: row.first_reported_at,
      };
    }),
    stillUp: stillUp.rows.map((raw) => {
      const row = stillUpRow.parse(raw);
      return {
        id: row.id,
        category: row.category,
        platform: row.platform,
        firstReportedAt: row.first_reported_at,
        stillUpAt: row.still_up_at,
        reportsFiled: row.reports,
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

/**
 * This week's frequent offenders, each marked new (not frequent at the end of last week), escalating (more
 * incidents this week than last) or steady. Last week is judged for these accounts only.
 */
async function frequentOffenders(
  pool: pg.Pool,
  scope: JudgedScope,
  current: FrequentOffender[],
  previous: Week,
  rule: FrequentRule,
): Promise<DigestOffender[]> {
  if (current.length === 0) return [];
  const ids = current.map((row) => row.offenderId);
  const [before, lastWeek, elsewhere] = await Promise.all([
    judgeAccounts(pool, scope, { from: previous.start, to: previous.end }, rule, ids),
    pool.query(
      `SELECT offender_id, count(*)::int AS n FROM incidents
       WHERE offender_id = ANY($3::bigint[]) AND collective_id = ANY($4::text[])
         AND first_reported_at >= $1 AND first_reported_at < $2
       GROUP BY offender_id`,
      [previous.start, previous.end, ids, scope.counted],
    ),
    sharedCounts(pool, scope.collectiveId, ids),
  ]);
  const wasFrequent = new Set(before.map((row) => row.offenderId));
  const lastWeekCount = new Map(lastWeek.rows.map((row) => [Number(row.offender_id), Number(row.n)]));
  return current.map((row) => {
    const last = lastWeekCount.get(row.offenderId) ?? 0;
    return {
      account: row.account,
      incidents: row.incidentsInWindow,
      namedByMember: row.namedByMemberInWindow,
      targets: row.targetsInWindow,
      thisWeek: row.incidentsInPeriod,
      lastWeek: last,
      trend: !wasFrequent.has(row.offenderId)
        ? 'new'
        : row.incidentsInPeriod > last
          ? 'escalating'
          : 'steady',
      elsewhere: elsewhere.get(row.offenderId) ?? null,
    };
  });
}
