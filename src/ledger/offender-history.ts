import type pg from 'pg';
import type { OffenderHistory } from '../core/ledger-port.ts';
import type { AccountQuery } from '../core/post-url/parse-account-query.ts';
import {
  auditRow,
  linkRow,
  offenderIncidentRow,
  reviewedOffenderRow,
  toAccount,
  toOptionalAccount,
} from './rows.ts';

const MAX_ACCOUNTS = 20;
const MAX_AUDIT = 5;

/**
 * The accounts a query names, each with every incident behind it. A bare handle searches every platform, and
 * matches Mastodon accounts `handle@any-host` too.
 */
export async function findOffenders(pool: pg.Pool, query: AccountQuery): Promise<OffenderHistory[]> {
  const offenders = await pool.query(
    `SELECT id, platform AS o_platform, handle AS o_handle, display AS o_display, profile_url AS o_profile_url,
            review, reviewed_at
     FROM offenders
     WHERE ($2::text IS NULL OR platform = $2)
       AND (handle = $1 OR ($2::text IS NULL AND platform = 'mastodon' AND handle LIKE $3))
     ORDER BY platform, handle LIMIT ${MAX_ACCOUNTS}`,
    [query.handle, query.platform, `${escapeLike(query.handle)}@%`],
  );
  const accounts = offenders.rows.map((row) => reviewedOffenderRow.parse(row));
  if (accounts.length === 0) return [];
  const ids = accounts.map((account) => account.id);
  const [incidents, links, audit] = await Promise.all([
    pool.query(
      // The target only as the key distinct members are counted by: never shown, and comparable after retention.
      `SELECT id, offender_id, category, severity, status, first_reported_at, target_key AS target_id
       FROM incidents WHERE offender_id = ANY($1::bigint[]) ORDER BY first_reported_at, id`,
      [ids],
    ),
    pool.query(
      `SELECT l.offender_id AS subject, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
              o.profile_url AS o_profile_url
       FROM (SELECT offender_id, linked_id FROM offender_links UNION ALL SELECT linked_id, offender_id FROM offender_links) l
       JOIN offenders o ON o.id = l.linked_id
       WHERE l.offender_id = ANY($1::bigint[]) ORDER BY o.platform, o.handle`,
      [ids],
    ),
    pool.query(
      `SELECT a.offender_id AS subject, a.at, a.actor_id, a.action, a.reason,
              o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display, o.profile_url AS o_profile_url
       FROM audit_log a LEFT JOIN offenders o ON o.id = a.other_offender_id
       WHERE a.offender_id = ANY($1::bigint[]) ORDER BY a.at DESC, a.id DESC`,
      [ids],
    ),
  ]);
  const rows = incidents.rows.map((row) => offenderIncidentRow.parse(row));
  const linkRows = links.rows.map((row) => linkRow.parse(row));
  const auditRows = audit.rows.map((row) => auditRow.parse(row));
  return accounts.map((account) => ({
    account: toAccount(account),
    review:
      account.review && account.reviewed_at ? { status: account.review, at: account.reviewed_at } : null,
    links: linkRows.filter((link) => link.subject === account.id).map(toAccount),
    audit: auditRows
      .filter((entry) => entry.subject === account.id)
      .slice(0, MAX_AUDIT)
      .map((entry) => ({
        at: entry.at,
        actorId: entry.actor_id,
        action: entry.action,
        other: toOptionalAccount(entry),
        reason: entry.reason,
      })),
    incidents: rows
      .filter((row) => row.offender_id === account.id)
      .map((row) => ({
        id: row.id,
        category: row.category,
        severity: row.severity,
        status: row.status,
        firstReportedAt: row.first_reported_at,
        targetId: row.target_id,
      })),
  }));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
