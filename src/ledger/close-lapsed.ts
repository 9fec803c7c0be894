import type pg from 'pg';

/** Who closed a lapsed incident, where a member's id would be: the bot's retention run, nobody in particular. */
export const RETENTION_RESOLVER = 'shieldwall:retention';

/**
 * Closes, as `lapsed`, every open incident with nothing done on it since `idleSince`: no flag or co-report, no
 * colleague's "supported"/"reported", no rally answer, no correction. Nobody resolves an incident left
 * "documented only"; without this its wording and screenshots would be kept forever. The purge that follows
 * removes their personal data (purgeResolvedBefore). Returns how many were closed.
 */
export async function closeLapsedBefore(pool: pg.Pool, idleSince: Date, now: Date): Promise<number> {
  const closed = await pool.query(
    `UPDATE incidents i SET status = 'resolved', outcome = 'lapsed', resolved_by = $3, resolved_at = $2
     WHERE i.status = 'open' AND i.purged_at IS NULL AND i.first_reported_at < $1
       AND NOT EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = i.id AND r.reported_at >= $1)
       AND NOT EXISTS (SELECT 1 FROM incident_actions a WHERE a.incident_id = i.id AND a.acted_at >= $1)
       AND NOT EXISTS (SELECT 1 FROM rally_messages m WHERE m.incident_id = i.id AND m.responded_at >= $1)
       AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.incident_id = i.id AND l.at >= $1)`,
    [idleSince, now, RETENTION_RESOLVER],
  );
  return closed.rowCount ?? 0;
}
