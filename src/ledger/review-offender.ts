import type pg from 'pg';
import type { ReviewRequest } from '../core/ledger-port.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { inTransaction } from './transaction.ts';

const STATUS = { confirm: 'confirmed', dispute: 'disputed', clear: 'cleared' } as const;

/** Applies a lead's review and writes its audit entry in the same transaction: no change without its why. */
export async function reviewOffender(
  pool: pg.Pool,
  collectiveId: string,
  request: ReviewRequest,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    const offenderId = await idOf(client, request.offender);
    const otherId = request.other ? await idOf(client, request.other) : null;
    if (request.action === 'link') {
      if (otherId === null || otherId === offenderId) throw new Error('a link needs two different accounts');
      await client.query(
        `INSERT INTO offender_links (offender_id, linked_id, linked_at, collective_id)
         VALUES (least($1::bigint, $2::bigint), greatest($1::bigint, $2::bigint), $3, $4)
         ON CONFLICT DO NOTHING`,
        [offenderId, otherId, request.at, collectiveId],
      );
    } else {
      // The collective's own judgement: another collective's review of the same account is theirs.
      await client.query(
        `INSERT INTO offender_reviews (collective_id, offender_id, review, reviewed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (collective_id, offender_id) DO UPDATE SET review = EXCLUDED.review,
           reviewed_at = EXCLUDED.reviewed_at`,
        [collectiveId, offenderId, STATUS[request.action], request.at],
      );
    }
    await client.query(
      `INSERT INTO audit_log (at, actor_id, action, offender_id, other_offender_id, reason, collective_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [request.at, request.actorId, request.action, offenderId, otherId, request.reason, collectiveId],
    );
  });
}

async function idOf(client: pg.PoolClient, account: AccountRef): Promise<number> {
  const found = await client.query('SELECT id FROM offenders WHERE platform = $1 AND handle = $2', [
    account.platform,
    account.handle,
  ]);
  if (!found.rows[0]) throw new Error('the account to review is not in the ledger');
  return Number(found.rows[0].id);
}
