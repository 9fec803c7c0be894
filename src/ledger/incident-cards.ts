import type pg from 'pg';
import type { CardClaim } from '../core/ledger-port.ts';

/**
 * Claims the right to post an incident's card in a channel. Only the first caller gets `claimed`; the others
 * learn the card's message id (or that it is still being posted). A claim left without a card for two minutes
 * (its process died mid-post) can be taken over, so no incident is left without its card.
 */
export async function claimCard(pool: pg.Pool, incidentId: number, destination: string): Promise<CardClaim> {
  const inserted = await pool.query(
    `INSERT INTO incident_cards (incident_id, destination) VALUES ($1, $2)
     ON CONFLICT (incident_id, destination) DO UPDATE SET claimed_at = now()
       WHERE incident_cards.message_id IS NULL AND incident_cards.claimed_at < now() - interval '2 minutes'
     RETURNING 1`,
    [incidentId, destination],
  );
  if (inserted.rowCount === 1) return { claimed: true };
  const existing = await pool.query(
    'SELECT message_id FROM incident_cards WHERE incident_id = $1 AND destination = $2',
    [incidentId, destination],
  );
  return { claimed: false, messageId: (existing.rows[0]?.message_id as string | null | undefined) ?? null };
}

export async function saveCard(
  pool: pg.Pool,
  incidentId: number,
  destination: string,
  messageId: string,
): Promise<void> {
  await pool.query('UPDATE incident_cards SET message_id = $3 WHERE incident_id = $1 AND destination = $2', [
    incidentId,
    destination,
    messageId,
  ]);
}

export async function releaseCard(pool: pg.Pool, incidentId: number, destination: string): Promise<void> {
  await pool.query(
    'DELETE FROM incident_cards WHERE incident_id = $1 AND destination = $2 AND message_id IS NULL',
    [incidentId, destination],
  );
}

export async function findCard(
  pool: pg.Pool,
  incidentId: number,
  destination: string,
): Promise<string | undefined> {
  const found = await pool.query(
    'SELECT message_id FROM incident_cards WHERE incident_id = $1 AND destination = $2 AND message_id IS NOT NULL',
    [incidentId, destination],
  );
  return (found.rows[0]?.message_id as string | undefined) ?? undefined;
}

export async function forgetCard(pool: pg.Pool, incidentId: number, destination: string): Promise<void> {
  await pool.query('DELETE FROM incident_cards WHERE incident_id = $1 AND destination = $2', [
    incidentId,
    destination,
  ]);
}

/** A private message of a purged incident still to redraw, as its platform's adapter knows it. */
export interface PurgedMessage {
  id: number;
  platform: string;
  ref: string;
}

/** Messages of purged incidents on these platforms still to redraw, oldest first. */
export async function purgedMessages(
  pool: pg.Pool,
  collectiveId: string,
  platforms: string[],
  limit: number,
): Promise<PurgedMessage[]> {
  const found = await pool.query(
    `SELECT id, platform, message_ref FROM purged_messages
     WHERE collective_id = $3 AND platform = ANY($1::text[]) ORDER BY id LIMIT $2`,
    [platforms, limit, collectiveId],
  );
  return found.rows.map((row) => ({ id: Number(row.id), platform: row.platform, ref: row.message_ref }));
}

/** A message redrawn is forgotten; one that could not be is tried again, up to three times in all. */
export async function purgedMessageTried(pool: pg.Pool, id: number, redrawn: boolean): Promise<void> {
  const deleted = await pool.query(
    `DELETE FROM purged_messages WHERE id = $1 AND ($2 OR attempts + 1 >= ${PURGED_MESSAGE_TRIES})`,
    [id, redrawn],
  );
  if (deleted.rowCount === 0)
    await pool.query('UPDATE purged_messages SET attempts = attempts + 1 WHERE id = $1', [id]);
}

const PURGED_MESSAGE_TRIES = 3;

export async function purgedIncidentsWithCards(pool: pg.Pool, collectiveId: string): Promise<number[]> {
  const found = await pool.query(
    `SELECT DISTINCT c.incident_id FROM incident_cards c JOIN incidents i ON i.id = c.incident_id
     WHERE i.collective_id = $1 AND i.purged_at IS NOT NULL ORDER BY c.incident_id`,
    [collectiveId],
  );
  return found.rows.map((row) => Number(row.incident_id));
}
