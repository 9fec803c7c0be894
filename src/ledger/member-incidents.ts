import type pg from 'pg';
import type { MemberIncident } from '../core/ledger-port.ts';
import { memberIncidentRow } from './rows.ts';

/** The incidents a member flagged or was the target of, newest first. */
export async function memberIncidents(
  pool: pg.Pool,
  collectiveId: string,
  memberId: string,
  limit: number,
): Promise<MemberIncident[]> {
  const result = await pool.query(
    `SELECT i.id, i.category, i.severity, i.status, i.outcome, i.first_reported_at,
            CASE WHEN i.target_id = $1 THEN 'target' ELSE 'reporter' END AS role
     FROM incidents i
     WHERE i.collective_id = $3
       AND (i.target_id = $1 OR EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = i.id AND r.reporter_id = $1))
     ORDER BY i.first_reported_at DESC, i.id DESC LIMIT $2`,
    [memberId, limit, collectiveId],
  );
  return result.rows.map((r) => {
    const row = memberIncidentRow.parse(r);
    return {
      id: row.id,
      category: row.category,
      severity: row.severity,
      status: row.status,
      outcome: row.outcome,
      firstReportedAt: row.first_reported_at,
      role: row.role,
    };
  });
}
