import type pg from 'pg';
import { z } from 'zod';
import type { PeriodSummary } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import { memberKeySql } from './member-key.ts';
import { countRow, frequentRow, toAccount } from './rows.ts';

const rallyMetricsRow = z.object({
  median_minutes: z.coerce.number().nullable(),
  supporters: z.number().int(),
  reports: z.number().int(),
  supported_incidents: z.number().int(),
});

const MAX_FREQUENT = 50;

/** Counts for the digest, in two indexed scans: one over the period, one over the frequent-offender window. */
export async function summarizePeriod(
  pool: pg.Pool,
  from: Date,
  to: Date,
  rule: FrequentRule,
): Promise<PeriodSummary> {
  const counts = await pool.query(
    `SELECT category, platform, severity, count(*) AS count FROM incidents
     WHERE first_reported_at >= $1 AND first_reported_at < $2
     GROUP BY GROUPING SETS ((category), (platform), (severity), ())`,
    [from, to],
  );
  // The same rule as profileOffender: judged over the window ending with each account's latest incident,
  // lapsing `lapseDays` after it, and not while a lead's clearing is newer than that incident.
  const frequent = await pool.query(
    `WITH latest AS (
       SELECT offender_id, max(first_reported_at) AS last_at FROM incidents
       WHERE offender_id IS NOT NULL AND first_reported_at < $3
       GROUP BY offender_id HAVING max(first_reported_at) >= $3::timestamptz - make_interval(days => $6))
     SELECT o.id, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
            o.profile_url AS o_profile_url,
            count(*) AS incidents_in_window, count(DISTINCT ${memberKeySql('i.target_id')}) AS targets_in_window,
            count(*) FILTER (WHERE i.first_reported_at >= $2) AS incidents_in_period
     FROM latest l
     JOIN incidents i ON i.offender_id = l.offender_id
       AND i.first_reported_at > l.last_at - make_interval(days => $1) AND i.first_reported_at <= l.last_at
     JOIN offenders o ON o.id = l.offender_id
     WHERE NOT (o.review IS NOT DISTINCT FROM 'cleared' AND o.reviewed_at >= l.last_at AND o.reviewed_at < $3)
     GROUP BY o.id
     HAVING count(*) >= $4 AND count(DISTINCT ${memberKeySql('i.target_id')}) >= $5
     ORDER BY incidents_in_window DESC, o.id LIMIT ${MAX_FREQUENT}`,
    [rule.windowDays, from, to, rule.minIncidents, rule.minTargets, rule.lapseDays],
  );
  // Rally effectiveness over the period's incidents: how soon the first colleague showed up, how many did.
  const rally = await pool.query(
    `WITH firsts AS (
       SELECT i.id,
              min(a.acted_at) FILTER (WHERE a.action = 'supported') - i.first_reported_at AS to_first_support,
              count(DISTINCT a.member_id) FILTER (WHERE a.action = 'supported') AS supporters,
              count(*) FILTER (WHERE a.action = 'reported') AS reports
       FROM incidents i LEFT JOIN incident_actions a ON a.incident_id = i.id
       WHERE i.first_reported_at >= $1 AND i.first_reported_at < $2
       GROUP BY i.id)
     SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM to_first_support) / 60)
              FILTER (WHERE to_first_support IS NOT NULL) AS median_minutes,
            coalesce(sum(supporters), 0)::int AS supporters, coalesce(sum(reports), 0)::int AS reports,
            count(*) FILTER (WHERE supporters > 0)::int AS supported_incidents
     FROM firsts`,
    [from, to],
  );
  const rallyRow = rallyMetricsRow.parse(rally.rows[0]);
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
    rally: {
      medianMinutesToFirstSupport:
        rallyRow.median_minutes === null ? null : Math.round(rallyRow.median_minutes),
      supporters: rallyRow.supporters,
      reportsFiled: rallyRow.reports,
      incidentsSupported: rallyRow.supported_incidents,
    },
    frequentOffenders: frequent.rows.map((raw) => {
      const row = frequentRow.parse(raw);
      return {
        account: toAccount(row),
        incidentsInWindow: row.incidents_in_window,
        targetsInWindow: row.targets_in_window,
        incidentsInPeriod: row.incidents_in_period,
      };
    }),
  };
}
