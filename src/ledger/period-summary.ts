import type pg from 'pg';
import { z } from 'zod';
import type { PeriodSummary } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import { type FrequentOffender, type JudgedScope, listFrequentOffenders } from './frequent-offenders.ts';
import { countRow } from './rows.ts';

const rallyMetricsRow = z.object({
  median_minutes: z.coerce.number().nullable(),
  supporters: z.number().int(),
  reports: z.number().int(),
  supported_incidents: z.number().int(),
});

/**
 * Counts for the digest: the period's incidents by category, platform and severity, the rally's figures, and
 * the frequent offenders at the period's end.
 */
export async function summarizePeriod(
  pool: pg.Pool,
  scope: JudgedScope,
  from: Date,
  to: Date,
  rule: FrequentRule,
): Promise<PeriodSummary & { frequentOffenders: FrequentOffender[] }> {
  const [counts, frequent, rally] = await Promise.all([
    countPeriod(pool, scope.collectiveId, from, to),
    listFrequentOffenders(pool, scope, { from, to }, rule),
    // Rally effectiveness over the period's incidents: how soon the first colleague showed up, how many did.
    // Each incident's actions through its own key (an aggregate without GROUP BY gives every incident a row):
    // as a join, the planner would rather hash every collective's actions once the shared ledger is large.
    pool.query(
      `WITH firsts AS (
       SELECT a.first_support - i.first_reported_at AS to_first_support, a.supporters, a.reports
       FROM incidents i
         CROSS JOIN LATERAL (
           SELECT min(acted_at) FILTER (WHERE action = 'supported') AS first_support,
                  count(DISTINCT member_id) FILTER (WHERE action = 'supported') AS supporters,
                  count(*) FILTER (WHERE action = 'reported') AS reports
           FROM incident_actions WHERE incident_id = i.id) a
       WHERE i.collective_id = $3 AND i.first_reported_at >= $1 AND i.first_reported_at < $2)
     SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM to_first_support) / 60)
              FILTER (WHERE to_first_support IS NOT NULL) AS median_minutes,
            coalesce(sum(supporters), 0)::int AS supporters, coalesce(sum(reports), 0)::int AS reports,
            count(*) FILTER (WHERE supporters > 0)::int AS supported_incidents
     FROM firsts`,
      [from, to, scope.collectiveId],
    ),
  ]);
  const rallyRow = rallyMetricsRow.parse(rally.rows[0]);
  return {
    ...counts,
    rally: {
      medianMinutesToFirstSupport:
        rallyRow.median_minutes === null ? null : Math.round(rallyRow.median_minutes),
      supporters: rallyRow.supporters,
      reportsFiled: rallyRow.reports,
      incidentsSupported: rallyRow.supported_incidents,
    },
    frequentOffenders: frequent,
  };
}

/** The period's incidents, in all and by category, platform and severity, most first: one scan of the time index. */
export async function countPeriod(
  pool: pg.Pool,
  collectiveId: string,
  from: Date,
  to: Date,
): Promise<Pick<PeriodSummary, 'total' | 'byCategory' | 'byPlatform' | 'bySeverity'>> {
  const counts = await pool.query(
    `SELECT category, platform, severity, count(*) AS count FROM incidents
     WHERE collective_id = $3 AND first_reported_at >= $1 AND first_reported_at < $2
     GROUP BY GROUPING SETS ((category), (platform), (severity), ())`,
    [from, to, collectiveId],
  );
  const rows = counts.rows.map((row) => countRow.parse(row));
  const pick = <K extends 'category' | 'platform' | 'severity'>(column: K) =>
    rows
      .filter((row) => row[column] !== null)
      .map((row) => ({ key: row[column] as NonNullable<(typeof row)[K]>, count: row.count }))
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  const total = rows.find((row) => row.category === null && row.platform === null && row.severity === null);
  return {
    total: total?.count ?? 0,
    byCategory: pick('category'),
    byPlatform: pick('platform'),
    bySeverity: pick('severity'),
  };
}
