import type pg from 'pg';
import type { PeriodSummary } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import { countRow, frequentRow, toAccount } from './rows.ts';

const MAX_FREQUENT = 50;
const DAY_MS = 86_400_000;

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
  const windowStart = new Date(to.getTime() - rule.windowDays * DAY_MS);
  const frequent = await pool.query(
    `SELECT o.id, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
            o.profile_url AS o_profile_url,
            count(*) AS incidents_in_window, count(DISTINCT i.target_id) AS targets_in_window,
            count(*) FILTER (WHERE i.first_reported_at >= $2) AS incidents_in_period
     FROM incidents i JOIN offenders o ON o.id = i.offender_id
     WHERE i.first_reported_at >= $1 AND i.first_reported_at < $3
     GROUP BY o.id
     HAVING count(*) >= $4 AND count(DISTINCT i.target_id) >= $5
     ORDER BY incidents_in_window DESC, o.id LIMIT ${MAX_FREQUENT}`,
    [windowStart, from, to, rule.minIncidents, rule.minTargets],
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
