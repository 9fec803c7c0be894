import type pg from 'pg';
import type { OffenderHistory } from '../core/ledger-port.ts';
import type { AccountQuery } from '../core/post-url/parse-account-query.ts';
import { offenderIncidentRow, offenderRow, toAccount } from './rows.ts';

const MAX_ACCOUNTS = 20;

/**
 * The accounts a query names, each with every incident behind it. A bare handle searches every platform, and
 * matches Mastodon accounts `handle@any-host` too.
 */
export async function findOffenders(pool: pg.Pool, query: AccountQuery): Promise<OffenderHistory[]> {
  const offenders = await pool.query(
    `SELECT id, platform AS o_platform, handle AS o_handle, display AS o_display, profile_url AS o_profile_url
     FROM offenders
     WHERE ($2::text IS NULL OR platform = $2)
       AND (handle = $1 OR ($2::text IS NULL AND platform = 'mastodon' AND handle LIKE $3))
     ORDER BY platform, handle LIMIT ${MAX_ACCOUNTS}`,
    [query.handle, query.platform, `${escapeLike(query.handle)}@%`],
  );
  const accounts = offenders.rows.map((row) => offenderRow.parse(row));
  if (accounts.length === 0) return [];
  const incidents = await pool.query(
    `SELECT id, offender_id, category, severity, status, first_reported_at, target_id
     FROM incidents WHERE offender_id = ANY($1::bigint[]) ORDER BY first_reported_at, id`,
    [accounts.map((account) => account.id)],
  );
  const rows = incidents.rows.map((row) => offenderIncidentRow.parse(row));
  return accounts.map((account) => ({
    account: toAccount(account),
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
