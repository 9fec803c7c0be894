import type pg from 'pg';
import { inTransaction } from './transaction.ts';

/** What an audit entry about a purged incident says instead of its reason. */
export const PURGED_REASON = 'removed under the retention policy';

/**
 * Removes the personal data of incidents resolved before `before`, and of lapsed ones (closeLapsedBefore): the
 * wording, members' names, the links they pasted, the target's own post, screenshots, and who was alerted.
 * Member ids become keyed pseudonyms (`pseudonym:<HMAC>`, migration 0014, under a key kept outside the
 * database), so an offender's count of distinct members attacked stays right while nobody can be named, not
 * even by someone holding a backup and the member list. The incident, its category, times, outcome and offender
 * stay; so do corrections of it in the audit log, and leads' reviews of accounts made before `before`, both
 * without who made them or why. Returns how many incidents were purged.
 * Where their cards are stays too (a channel and the bot's own message, nothing personal): the bot redraws
 * each card without the details and then forgets it (Bot.redrawPurgedCards).
 */
export async function purgeResolvedBefore(pool: pg.Pool, before: Date, now: Date): Promise<number> {
  return inTransaction(pool, async (client) => {
    const due = await client.query(
      `UPDATE incidents SET purged_at = $2
       WHERE status = 'resolved' AND purged_at IS NULL AND (resolved_at < $1 OR outcome = 'lapsed') RETURNING id`,
      [before, now],
    );
    // A lead's review of an account (confirm, dispute, clear, link) keeps what was decided; its reason, free
    // text that may name people, and who gave it go once it is as old as a purged incident.
    await client.query(
      `UPDATE audit_log SET actor_id = member_key(actor_id), reason = $2
       WHERE incident_id IS NULL AND at < $1 AND reason <> $2`,
      [before, PURGED_REASON],
    );
    const ids = due.rows.map((row) => Number(row.id));
    if (ids.length === 0) return 0;
    // member_key (migration 0008) is the pseudonym, and the form every distinct-member count compares.
    const pseudonym = (column: string) => `member_key(${column})`;
    await client.query(
      `UPDATE incidents SET target_id = ${pseudonym('target_id')}, target_name = NULL, target_post_url = NULL,
              resolved_by = ${pseudonym('resolved_by')}
       WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    await client.query(
      `UPDATE incident_reports SET reporter_id = ${pseudonym('reporter_id')}, reporter_name = NULL, note = NULL,
              source_url = 'purged'
       WHERE incident_id = ANY($1::bigint[])`,
      [ids],
    );
    await client.query(
      `UPDATE incident_actions SET member_id = ${pseudonym('member_id')} WHERE incident_id = ANY($1::bigint[])`,
      [ids],
    );
    // Corrections of the incident stay in the audit log as what changed and when; who made them, and their
    // reason (free text, which may name the people involved), go like the wording does.
    await client.query(
      `UPDATE audit_log SET actor_id = ${pseudonym('actor_id')}, reason = $2 WHERE incident_id = ANY($1::bigint[])`,
      [ids, PURGED_REASON],
    );
    // The private messages of the rally stay where they landed until the bot redraws them (Bot.redrawPurged):
    // only where they are is kept for that, by platform, with nothing to say whose or about what.
    await client.query(
      `INSERT INTO purged_messages (platform, message_ref, collective_id)
       SELECT split_part(m.message_ref, ' ', 1), substr(m.message_ref, strpos(m.message_ref, ' ') + 1), i.collective_id
       FROM rally_messages m JOIN incidents i ON i.id = m.incident_id
       WHERE m.incident_id = ANY($1::bigint[]) AND strpos(m.message_ref, ' ') > 0 ORDER BY m.id`,
      [ids],
    );
    // The captured pages go whole: screenshots, HTML, addresses and what the checks found.
    for (const table of ['incident_files', 'page_captures', 'rally_messages']) {
      await client.query(`DELETE FROM ${table} WHERE incident_id = ANY($1::bigint[])`, [ids]);
    }
    await client.query('UPDATE deliveries SET incident_id = NULL WHERE incident_id = ANY($1::bigint[])', [
      ids,
    ]);
    return ids.length;
  });
}
