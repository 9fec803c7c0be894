import type pg from 'pg';
import type { IncidentDetails, ReportNote } from '../core/ledger-port.ts';
import { pageCapturesOf } from './page-captures.ts';
import { loadIncident } from './record-flag.ts';
import { incidentExtrasRow, reporterRow } from './rows.ts';

/** An incident with everything its card shows: what the target wants, who flagged it, counts, resolution. */
export async function getIncident(
  pool: pg.Pool,
  collectiveId: string,
  id: number,
): Promise<IncidentDetails | undefined> {
  const incident = await loadIncident(pool, id, collectiveId);
  if (!incident) return undefined;
  const [extras, reporters, pageCaptures] = await Promise.all([
    pool.query(
      `SELECT i.outcome, i.resolved_by, i.resolved_at, i.consent, i.consent_deadline,
              (SELECT count(*) FROM rally_messages m WHERE m.incident_id = i.id AND m.kind = 'alert') AS alerted,
              (SELECT count(*) FROM rally_messages m WHERE m.incident_id = i.id AND m.response = 'on-it') AS on_it,
              (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'supported') AS supported,
              (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'reported') AS reported,
              EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = i.id AND r.note IS NOT NULL) AS has_wording,
              (SELECT count(*) FROM incident_files f WHERE f.incident_id = i.id) AS screenshots,
              i.purged_at IS NOT NULL AS purged
       FROM incidents i WHERE i.id = $1`,
      [id],
    ),
    pool.query(
      `SELECT reporter_id, reporter_name, anonymous, reported_at, NULL AS note
       FROM incident_reports WHERE incident_id = $1 ORDER BY reported_at, reporter_id`,
      [id],
    ),
    pageCapturesOf(pool, id),
  ]);
  const row = incidentExtrasRow.parse(extras.rows[0]);
  return {
    ...incident,
    reportedBy: reporters.rows.map((r) => toReporter(reporterRow.parse(r))),
    supported: row.supported,
    reported: row.reported,
    hasWording: row.has_wording,
    screenshots: row.screenshots,
    consent: row.consent,
    consentDeadline: row.consent_deadline,
    alerted: row.alerted,
    onIt: row.on_it,
    purged: row.purged,
    pageCaptures,
    resolution:
      row.outcome && row.resolved_by && row.resolved_at
        ? { outcome: row.outcome, by: row.resolved_by, at: row.resolved_at }
        : null,
  };
}

/** The notes (the wording) of an incident, oldest first: only for showing privately, on request. */
export async function listNotes(
  pool: pg.Pool,
  collectiveId: string,
  incidentId: number,
): Promise<ReportNote[]> {
  const result = await pool.query(
    `SELECT reporter_id, reporter_name, anonymous, reported_at, note
     FROM incident_reports r
     WHERE incident_id = $1 AND note IS NOT NULL
       AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = r.incident_id AND i.collective_id = $2)
     ORDER BY reported_at, reporter_id`,
    [incidentId, collectiveId],
  );
  return result.rows.map((r) => {
    const row = reporterRow.parse(r);
    return { ...toReporter(row), note: row.note ?? '' };
  });
}

function toReporter(row: ReturnType<typeof reporterRow.parse>) {
  return {
    id: row.reporter_id,
    name: row.reporter_name ?? 'a member',
    anonymous: row.anonymous,
    reportedAt: row.reported_at,
  };
}
