import type pg from 'pg';

/**
 * Claims the right to send one week's digest to one channel. A claim left unsent for ten minutes (its process
 * died while sending) can be taken over, so a digest is never lost; one that was sent is never sent again.
 */
export async function claimDigest(
  pool: pg.Pool,
  week: string,
  destination: string,
  now: Date,
): Promise<boolean> {
  const claimed = await pool.query(
    `INSERT INTO digests_sent (week, destination, claimed_at) VALUES ($1, $2, $3)
     ON CONFLICT (week, destination) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
       WHERE digests_sent.sent_at IS NULL AND digests_sent.claimed_at < EXCLUDED.claimed_at - interval '10 minutes'
     RETURNING 1`,
    [week, destination, now],
  );
  return claimed.rowCount === 1;
}

export async function markDigestSent(
  pool: pg.Pool,
  week: string,
  destination: string,
  now: Date,
): Promise<void> {
  await pool.query('UPDATE digests_sent SET sent_at = $3 WHERE week = $1 AND destination = $2', [
    week,
    destination,
    now,
  ]);
}

/** A send that failed gives its claim up, so the next attempt (a retry, the next start) sends it. */
export async function releaseDigest(pool: pg.Pool, week: string, destination: string): Promise<void> {
  await pool.query('DELETE FROM digests_sent WHERE week = $1 AND destination = $2 AND sent_at IS NULL', [
    week,
    destination,
  ]);
}
