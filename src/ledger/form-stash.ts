import type pg from 'pg';
import { z } from 'zod';

const takenRow = z.object({ value: z.unknown(), fresh: z.boolean() });

/** Keeps a form's values under `key` until `expiresAt` (replacing any), and clears entries already expired. */
export async function stashForm(pool: pg.Pool, key: string, value: unknown, expiresAt: Date, now: Date) {
  await pool.query(
    `WITH expired AS (DELETE FROM form_stash WHERE expires_at <= $4)
     INSERT INTO form_stash (key, value, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
    [key, JSON.stringify(value), expiresAt, now],
  );
}

/** Takes a form's values once: the entry is deleted, and an expired one counts as absent. */
export async function takeForm(pool: pg.Pool, key: string, now: Date): Promise<unknown> {
  const result = await pool.query(
    'DELETE FROM form_stash WHERE key = $1 RETURNING value, expires_at > $2 AS fresh',
    [key, now],
  );
  const row = result.rows[0] === undefined ? undefined : takenRow.parse(result.rows[0]);
  return row?.fresh ? row.value : undefined;
}
