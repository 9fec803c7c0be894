import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

/**
 * The key behind member pseudonyms (migration 0014): 32 random bytes, as 64 lower-case hex digits. It lives
 * outside the database, so a backup of the ledger alone can't be matched against a member list.
 */
export type PseudonymKey = string;

const KEY_PATTERN = /^[0-9a-f]{64}$/;

export const PSEUDONYM_KEY_FILE = 'pseudonym.key' as const;

export class PseudonymKeyError extends Error {}

export function parsePseudonymKey(value: string): PseudonymKey | undefined {
  const key = value.trim().toLowerCase();
  return KEY_PATTERN.test(key) ? key : undefined;
}

/**
 * The key to use: SHIELDWALL_PSEUDONYM_KEY when set; otherwise, for the embedded ledger, the one in the data
 * directory, made on first use. A server ledger has no such fallback: several bots share it, and each must
 * bring the same key, which a file beside one of them would not be.
 */
export async function resolvePseudonymKey(options: {
  configured: string | undefined;
  embedded: boolean;
  dataDir: string;
}): Promise<PseudonymKey> {
  if (options.configured) {
    const key = parsePseudonymKey(options.configured);
    if (!key)
      throw new PseudonymKeyError("Shieldwall can't start: SHIELDWALL_PSEUDONYM_KEY must be 64 hex digits.");
    return key;
  }
  if (!options.embedded) {
    throw new PseudonymKeyError(
      "Shieldwall can't start: with DATABASE_URL it needs SHIELDWALL_PSEUDONYM_KEY, the key that makes members' " +
        'pseudonyms (64 hex digits; make one with `openssl rand -hex 32`). Keep it outside the database and ' +
        'give every Shieldwall process the same one; see "Pseudonyms" in the README.',
    );
  }
  return readOrCreateKeyFile(path.join(options.dataDir, PSEUDONYM_KEY_FILE));
}

async function readOrCreateKeyFile(file: string): Promise<PseudonymKey> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) {
    const key = parsePseudonymKey(existing);
    if (!key) throw new PseudonymKeyError(`Shieldwall can't start: ${file} does not hold a pseudonym key.`);
    return key;
  }
  const key = randomBytes(32).toString('hex');
  // `wx`: never overwrite a key another process wrote a moment ago; read that one instead.
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateKeyFile(file);
    throw error;
  }
  return key;
}

/**
 * How a connection is handed the key: a setting given when it opens, so the key is never in a statement (or a
 * statement log) and never stored in the database.
 */
export const pseudonymKeyOption = (key: PseudonymKey): string => `-c shieldwall.pseudonym_key=${key}`;

/**
 * Refuses a key that is not the one the ledger's pseudonyms were made with: with another key, new pseudonyms
 * would not match old ones, and members already attacked would be counted again as new ones, silently.
 * `replace` accepts the new key knowingly (the old one is lost): live incidents are keyed again; purged ones
 * can't be, and stay apart.
 */
export async function checkPseudonymKey(client: pg.ClientBase, options: { replace?: boolean } = {}) {
  const found = await client.query<{ same: boolean }>(
    'SELECT fingerprint = pseudonym_key_fingerprint() AS same FROM pseudonym_key_check',
  );
  if (found.rows[0]?.same) return;
  if (!options.replace) {
    throw new PseudonymKeyError(
      "Shieldwall can't start: the pseudonym key is not the one this ledger was written with. Restore the " +
        'original (SHIELDWALL_PSEUDONYM_KEY, or pseudonym.key in the data directory). If it is lost for good, ' +
        'see "Pseudonyms" in the README.',
    );
  }
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO pseudonym_key_check (fingerprint, since) VALUES (pseudonym_key_fingerprint(), now())
       ON CONFLICT (only_row) DO UPDATE SET fingerprint = excluded.fingerprint, since = excluded.since`,
    );
    // Recomputes each live incident's stored target_key under the new key.
    await client.query(`UPDATE incidents SET target_id = target_id WHERE target_id NOT LIKE 'pseudonym:%'`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
