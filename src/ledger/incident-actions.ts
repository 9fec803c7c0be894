import type pg from 'pg';
import type { CardAction, Outcome } from '../core/incident/outcomes.ts';
import type { ActionOutcome, ResolveOutcome } from '../core/ledger-port.ts';

/**
 * "I replied with support" / "I reported it": once per member, action and incident, so a double click or a
 * retried request is one action. Refused once the incident is resolved.
 */
export async function recordAction(
  pool: pg.Pool,
  collectiveId: string,
  incidentId: number,
  memberId: string,
  action: CardAction,
  at: Date,
): Promise<ActionOutcome> {
  const result = await pool.query(
    `WITH open_incident AS (SELECT id, status FROM incidents WHERE id = $1 AND collective_id = $5),
     inserted AS (
       INSERT INTO incident_actions (incident_id, member_id, action, acted_at)
       SELECT id, $2, $3, $4 FROM open_incident WHERE status = 'open'
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT (SELECT status FROM open_incident) AS status, EXISTS (SELECT 1 FROM inserted) AS inserted`,
    [incidentId, memberId, action, at, collectiveId],
  );
  const row = result.rows[0] as { status: string | null; inserted: boolean };
  if (row.status === null) return 'missing';
  if (row.inserted) return 'recorded';
  return row.status === 'resolved' ? 'resolved' : 'already';
}

/** Records how an incident ended; the first resolution stands, so a double click cannot overwrite it. */
export async function resolveIncident(
  pool: pg.Pool,
  collectiveId: string,
  incidentId: number,
  outcome: Outcome,
  by: string,
  at: Date,
): Promise<ResolveOutcome> {
  const updated = await pool.query(
    `UPDATE incidents SET status = 'resolved', outcome = $2, resolved_by = $3, resolved_at = $4
     WHERE id = $1 AND collective_id = $5 AND status = 'open' RETURNING 1`,
    [incidentId, outcome, by, at, collectiveId],
  );
  if (updated.rowCount === 1) return 'resolved';
  const exists = await pool.query('SELECT 1 FROM incidents WHERE id = $1 AND collective_id = $2', [
    incidentId,
    collectiveId,
  ]);
  return exists.rowCount === 1 ? 'already' : 'missing';
}
