import type pg from 'pg';
import type { OffenderHistory } from '../core/ledger-port.ts';
import type { AccountQuery } from '../core/post-url/parse-account-query.ts';
import { offenderHistoryRow, toAccount, toOptionalAccount } from './rows.ts';
import { sharedWith } from './shared-signals.ts';

const MAX_ACCOUNTS = 20;
const MAX_AUDIT = 5;

/**
 * The accounts a query names, each with every incident behind it. A bare handle searches every platform, and
 * matches Mastodon accounts `handle@any-host` too.
 *
 * One statement answers it all, histories as JSON: a lookup is a lead waiting in chat (B3 in `npm run bench`),
 * and every further round trip adds to the wait.
 */
export async function findOffenders(
  pool: pg.Pool,
  collectiveId: string,
  query: AccountQuery,
): Promise<OffenderHistory[]> {
  // Named, so each connection plans it once: planning this statement costs more than running it.
  const result = await pool.query({
    name: 'find-offenders',
    text: `SELECT o.id, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
            o.profile_url AS o_profile_url, rv.review, rv.reviewed_at,
            -- The target only as the key distinct members are counted by: never shown, and comparable after retention.
            (SELECT coalesce(json_agg(json_build_object(
                      'id', i.id, 'category', i.category, 'severity', i.severity, 'status', i.status,
                      'first_reported_at', i.first_reported_at, 'target_id', i.target_key,
                      'named_by', i.offender_named_by)
                    ORDER BY i.first_reported_at, i.id), '[]')
             FROM incidents i WHERE i.offender_id = o.id AND i.collective_id = $3) AS incidents,
            -- Other collectives' incidents as counts and times; each target only as an ordinal of this answer.
            (SELECT json_build_object('collectives', count(DISTINCT s.collective_id), 'incidents', count(*),
                                      'last_at', max(s.first_reported_at),
                                      'times', json_agg(json_build_object('at', s.first_reported_at, 'target', s.n)
                                                        ORDER BY s.first_reported_at))
             FROM (SELECT i.collective_id, i.first_reported_at,
                          dense_rank() OVER (ORDER BY i.collective_id, i.target_key) AS n
                   FROM incidents i WHERE i.offender_id = o.id AND ${sharedWith('i', '$3')}) s
             HAVING count(*) > 0) AS shared,
            (SELECT coalesce(json_agg(json_build_object(
                      'o_platform', x.platform, 'o_handle', x.handle, 'o_display', x.display,
                      'o_profile_url', x.profile_url)
                    ORDER BY x.platform, x.handle), '[]')
             FROM (SELECT linked_id AS id FROM offender_links WHERE offender_id = o.id AND collective_id = $3
                   UNION ALL
                   SELECT offender_id FROM offender_links WHERE linked_id = o.id AND collective_id = $3) l
             JOIN offenders x ON x.id = l.id) AS links,
            -- Entries about this account, and incidents that moved away from it (with where they went).
            (SELECT coalesce(json_agg(json_build_object(
                      'at', a.at, 'actor_id', a.actor_id, 'action', a.action, 'reason', a.reason,
                      'incident_id', a.incident_id, 'moved_away', a.moved_away, 'o_platform', x.platform,
                      'o_handle', x.handle, 'o_display', x.display, 'o_profile_url', x.profile_url)
                    ORDER BY a.at DESC, a.id DESC), '[]')
             FROM (SELECT * FROM (
                     SELECT a.*, false AS moved_away FROM audit_log a
                     WHERE a.offender_id = o.id AND a.collective_id = $3
                     UNION ALL
                     SELECT a.*, true FROM audit_log a
                     WHERE a.other_offender_id = o.id AND a.action = 'attribute' AND a.collective_id = $3
                   ) e ORDER BY e.at DESC, e.id DESC LIMIT ${MAX_AUDIT}) a
             LEFT JOIN offenders x ON x.id = CASE WHEN a.moved_away THEN a.offender_id ELSE a.other_offender_id END
            ) AS audit
     FROM offenders o LEFT JOIN offender_reviews rv ON rv.offender_id = o.id AND rv.collective_id = $3
     WHERE ($2::text IS NULL OR o.platform = $2)
       -- An account this collective never met, known only to collectives it does not share with, stays unseen.
       AND (EXISTS (SELECT 1 FROM incidents i WHERE i.offender_id = o.id AND i.collective_id = $3)
            OR EXISTS (SELECT 1 FROM audit_log a WHERE $3 = a.collective_id
                       AND (a.offender_id = o.id OR a.other_offender_id = o.id))
            OR EXISTS (SELECT 1 FROM offender_links l WHERE l.collective_id = $3
                       AND (l.offender_id = o.id OR l.linked_id = o.id))
            OR EXISTS (SELECT 1 FROM incidents i WHERE i.offender_id = o.id AND ${sharedWith('i', '$3')}))
       -- "Starts with $1@" as a range of the handle index: a pattern would not use it once the plan is cached.
       AND (o.handle = $1 OR ($2::text IS NULL AND o.platform = 'mastodon'
                              AND o.handle ~>=~ ($1 || '@') AND o.handle ~<~ ($1 || 'A')))
     ORDER BY o.platform, o.handle LIMIT ${MAX_ACCOUNTS}`,
    values: [query.handle, query.platform, collectiveId],
  });
  return result.rows.map((raw) => {
    const row = offenderHistoryRow.parse(raw);
    return {
      account: toAccount(row),
      review: row.review && row.reviewed_at ? { status: row.review, at: row.reviewed_at } : null,
      links: row.links.map(toAccount),
      shared: row.shared
        ? {
            collectives: row.shared.collectives,
            incidents: row.shared.incidents,
            lastAt: row.shared.last_at,
            times: row.shared.times,
          }
        : null,
      audit: row.audit.map((entry) => ({
        at: entry.at,
        actorId: entry.actor_id,
        action: entry.action,
        other: toOptionalAccount(entry),
        movedAway: entry.moved_away,
        incidentId: entry.incident_id,
        reason: entry.reason,
      })),
      incidents: row.incidents.map((incident) => ({
        id: incident.id,
        category: incident.category,
        severity: incident.severity,
        status: incident.status,
        firstReportedAt: incident.first_reported_at,
        targetId: incident.target_id,
        namedBy: incident.named_by,
      })),
    };
  });
}
