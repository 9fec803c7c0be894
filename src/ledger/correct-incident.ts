import type pg from 'pg';
import { z } from 'zod';
import type { CorrectionOutcome, CorrectionRequest } from '../core/ledger-port.ts';
import { sameAccount } from '../core/post-url/same-account.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import type { RallyState } from '../core/rally/rally-store.ts';
import { optionalAccountColumns, rallyColumns, toOptionalAccount, toRallyState } from './rows.ts';
import { inTransaction } from './transaction.ts';

const lockedRow = z
  .object({
    offender_id: z.coerce.number().int().positive().nullable(),
    target_id: z.string(),
  })
  .extend(optionalAccountColumns.shape);

/**
 * One correction in one transaction, under a lock on the incident row: its attacker (the account upserted as a
 * flag does it), who was attacked, a link of its attacker with another account of the same person, each with
 * its audit entry, and the delivery, so a retried one changes nothing twice. Nothing is written when nothing
 * would change.
 */
export async function correctIncident(
  pool: pg.Pool,
  collectiveId: string,
  request: CorrectionRequest,
): Promise<CorrectionOutcome> {
  return inTransaction(pool, async (client) => {
    const found = await client.query(
      `SELECT i.offender_id, i.target_id, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
              o.profile_url AS o_profile_url
       FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
       WHERE i.id = $1 AND i.collective_id = $2 FOR UPDATE OF i`,
      [request.incidentId, collectiveId],
    );
    if (!found.rows[0]) return { outcome: 'missing' };
    // After the lock: a retry of this delivery that ran first has committed by now.
    const repeated = await client.query('SELECT 1 FROM deliveries WHERE platform = $1 AND delivery_id = $2', [
      request.delivery.platform,
      request.delivery.id,
    ]);
    if (repeated.rowCount) return { outcome: 'repeated-delivery' };
    const row = lockedRow.parse(found.rows[0]);
    if (request.targetWas !== undefined && request.targetWas !== row.target_id)
      return { outcome: 'target-changed' };
    const previous = toOptionalAccount(row);

    const offenderId =
      request.attacker === undefined
        ? row.offender_id
        : request.attacker && previous !== null && sameAccount(request.attacker, previous)
          ? row.offender_id
          : request.attacker
            ? await offenderIdOf(client, request.attacker)
            : null;
    const attributed = offenderId !== row.offender_id;
    const retargeted = request.target !== undefined && request.target.id !== row.target_id;
    const linkedWith = request.sameAs
      ? await linkAccounts(client, collectiveId, offenderId, request.sameAs, request.at)
      : null;
    if (!attributed && !retargeted && linkedWith === null) return { outcome: 'unchanged' };

    const audit = (action: string, offender: number | null, other: number | null) =>
      client.query(
        `INSERT INTO audit_log (at, actor_id, action, offender_id, other_offender_id, incident_id, reason,
                                collective_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          request.at,
          request.actorId,
          action,
          offender,
          other,
          request.incidentId,
          request.reason,
          collectiveId,
        ],
      );
    if (attributed) {
      await client.query(
        `UPDATE incidents SET offender_id = $2::bigint,
                offender_named_by = CASE WHEN $2::bigint IS NULL THEN NULL ELSE 'member' END
         WHERE id = $1`,
        [request.incidentId, offenderId],
      );
      await audit('attribute', offenderId, row.offender_id);
    }
    let undone = { resolution: false, wants: false };
    if (retargeted && request.target) {
      undone = await retarget(client, request.incidentId, request.target);
      await audit('retarget', offenderId, null);
    }
    if (linkedWith !== null) await audit('link', offenderId, linkedWith);
    await client.query(
      `INSERT INTO deliveries (platform, delivery_id, command, incident_id) VALUES ($1, $2, 'correct', $3)`,
      [request.delivery.platform, request.delivery.id, request.incidentId],
    );
    return {
      outcome: 'corrected',
      previous,
      attacker: request.attacker === undefined ? previous : request.attacker,
      attributed,
      retargeted,
      linked: linkedWith !== null,
      undone,
      rally: await rallyState(client, request.incidentId),
    };
  });
}

/**
 * A new person attacked decides anew, and what the member named before chose for them is undone: the power to
 * choose goes with the target's id, and their choices go too. A resolution they made themselves is reopened (a
 * lead's stands), and what they wanted is forgotten: the new person attacked is asked privately (consent back to
 * pending, for the rally engine to ask). Only when the new person attacked is the member who first flagged it,
 * and nobody had chosen since, does their flag stand as their choice, as on a self-flag. A question they were
 * asked before, as target earlier, is forgotten so that it can be asked again, as are the outcome messages of
 * an undone resolution, so that the next one is sent.
 */
async function retarget(
  client: pg.PoolClient,
  incidentId: number,
  target: { id: string; name: string },
): Promise<{ resolution: boolean; wants: boolean }> {
  const updated = await client.query(
    `WITH before AS (
       SELECT i.id, i.status, i.consent, i.target_wants, i.kind,
              i.status = 'resolved' AND i.resolved_by = i.target_id AS reopen,
              i.consent IN ('pending', 'asked') AND $2 = (SELECT r.reporter_id FROM incident_reports r
                                                          WHERE r.incident_id = i.id
                                                          ORDER BY r.reported_at, r.reporter_id LIMIT 1) AS flag_stands
       FROM incidents i WHERE i.id = $1
     )
     UPDATE incidents i SET target_id = $2, target_name = $3,
            status = CASE WHEN b.reopen THEN 'open' ELSE i.status END,
            outcome = CASE WHEN b.reopen THEN NULL ELSE i.outcome END,
            resolved_by = CASE WHEN b.reopen THEN NULL ELSE i.resolved_by END,
            resolved_at = CASE WHEN b.reopen THEN NULL ELSE i.resolved_at END,
            consent = CASE WHEN b.status <> 'open' AND NOT b.reopen THEN i.consent
                           WHEN b.flag_stands THEN 'given' ELSE 'pending' END,
            consent_deadline = CASE WHEN b.status <> 'open' AND NOT b.reopen THEN i.consent_deadline END,
            target_wants = CASE WHEN (b.status = 'open' OR b.reopen) AND NOT b.flag_stands
                                THEN CASE WHEN b.kind = 'offline' THEN 'private' ELSE 'both' END
                                ELSE i.target_wants END
     FROM before b WHERE i.id = b.id
     RETURNING i.consent, b.reopen, b.consent IN ('given', 'defaulted') AND i.consent = 'pending' AS wants_undone`,
    [incidentId, target.id, target.name],
  );
  const row = updated.rows[0] as { consent: string; reopen: boolean; wants_undone: boolean };
  if (row.consent === 'pending') {
    await client.query(
      `DELETE FROM rally_messages WHERE incident_id = $1 AND kind = 'consent' AND recipient = $2`,
      [incidentId, target.id],
    );
  }
  if (row.reopen) {
    await client.query(
      `DELETE FROM rally_messages WHERE incident_id = $1 AND kind IN ('outcome', 'check-in')`,
      [incidentId],
    );
  }
  return { resolution: row.reopen, wants: row.wants_undone };
}

/** Links two accounts of one person as /review does; the other account's id, or null if already linked. */
async function linkAccounts(
  client: pg.PoolClient,
  collectiveId: string,
  offenderId: number | null,
  other: AccountRef,
  at: Date,
): Promise<number | null> {
  const otherId = await existingOffenderId(client, other);
  if (offenderId === null || otherId === offenderId) throw new Error('a link needs two different accounts');
  const linked = await client.query(
    `INSERT INTO offender_links (offender_id, linked_id, linked_at, collective_id)
     VALUES (least($1::bigint, $2::bigint), greatest($1::bigint, $2::bigint), $3, $4) ON CONFLICT DO NOTHING`,
    [offenderId, otherId, at, collectiveId],
  );
  return linked.rowCount === 1 ? otherId : null;
}

/** The account's row, inserted when it is new: looked up first, and again if a concurrent flag inserted it. */
async function offenderIdOf(client: pg.PoolClient, account: AccountRef): Promise<number> {
  const known = await findOffenderId(client, account);
  if (known !== undefined) return known;
  const inserted = await client.query(
    `INSERT INTO offenders (platform, handle, display, profile_url) VALUES ($1, $2, $3, $4)
     ON CONFLICT ON CONSTRAINT offenders_account_unique DO NOTHING RETURNING id`,
    [account.platform, account.handle, account.display, account.profileUrl ?? null],
  );
  if (inserted.rows[0]) return Number(inserted.rows[0].id);
  return existingOffenderId(client, account);
}

async function existingOffenderId(client: pg.PoolClient, account: AccountRef): Promise<number> {
  const id = await findOffenderId(client, account);
  if (id === undefined) throw new Error('the account is not in the ledger');
  return id;
}

async function findOffenderId(client: pg.PoolClient, account: AccountRef): Promise<number | undefined> {
  const found = await client.query('SELECT id FROM offenders WHERE platform = $1 AND handle = $2', [
    account.platform,
    account.handle,
  ]);
  return found.rows[0] ? Number(found.rows[0].id) : undefined;
}

async function rallyState(client: pg.PoolClient, incidentId: number): Promise<RallyState> {
  const result = await client.query(
    `SELECT status, consent, severity, target_id, target_wants, rally_wave, last_wave_at
     FROM incidents WHERE id = $1`,
    [incidentId],
  );
  return toRallyState(rallyColumns.parse(result.rows[0]));
}
