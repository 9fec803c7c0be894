import type pg from 'pg';
import { closeLapsedBefore } from './close-lapsed.ts';
import { purgeResolvedBefore } from './purge-resolved.ts';

const DAY_MS = 86_400_000;

export interface RetentionPolicy {
  /** Personal data of incidents resolved longer ago than this is purged (RETENTION_DAYS). */
  resolvedDays: number | undefined;
  /** Open incidents with no activity for this long are closed as lapsed and purged (RETENTION_IDLE_DAYS). */
  idleDays: number | undefined;
}

export const retentionApplies = (policy: RetentionPolicy): boolean =>
  policy.resolvedDays !== undefined || policy.idleDays !== undefined;

/**
 * One retention run, as the bot does nightly and `shieldwall purge` by hand: lapsed incidents closed, then the
 * personal data of every incident due purged, then the disk space that held it given back.
 */
export async function runRetention(
  pool: pg.Pool,
  policy: RetentionPolicy,
  now: Date,
): Promise<{ closed: number; purged: number }> {
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const closed =
    policy.idleDays === undefined ? 0 : await closeLapsedBefore(pool, daysBefore(policy.idleDays), now);
  // Without RETENTION_DAYS only the lapsed incidents just closed are due.
  const resolvedBefore = policy.resolvedDays === undefined ? new Date(0) : daysBefore(policy.resolvedDays);
  const purged = await purgeResolvedBefore(pool, resolvedBefore, now);
  if (purged > 0) await releasePurgedBytes(pool);
  return { closed, purged };
}

/**
 * A deleted row's bytes stay in the table's files until the space is reused: a screenshot purged today could be
 * read off the disk for months. VACUUM FULL writes the screenshots' table (and its TOAST) anew and deletes the
 * old files; it locks only that table, briefly, as it holds just the files still kept. The tables that held
 * wording and names get a plain VACUUM, which frees their dead rows' space for reuse without locking flags out.
 */
async function releasePurgedBytes(pool: pg.Pool): Promise<void> {
  // The captured pages' table too: its screenshots and HTML are the same kind of bytes.
  await pool.query('VACUUM FULL incident_files');
  await pool.query('VACUUM FULL page_captures');
  await pool.query('VACUUM incident_reports, incidents, rally_messages, audit_log, deliveries');
}
