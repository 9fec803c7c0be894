import type pg from 'pg';
import { z } from 'zod';
import { sealContext } from './slack-installations.ts';
import type { TokenCipher } from './token-cipher.ts';

export class InstallKeyError extends Error {}

const WRONG_KEY =
  "Shieldwall can't start: SHIELDWALL_INSTALL_KEY is not the key this ledger's Slack installations were " +
  'sealed with. Restore the original key; if it is lost for good, each workspace must add the app again ' +
  'after its installation is deleted.';

/**
 * At start-up: refuses a SHIELDWALL_INSTALL_KEY other than the one the ledger's installations were sealed with,
 * so a wrong key stops the process once, clearly, instead of failing every request from every workspace. The
 * first key to start on a ledger is recorded (a migration can't know it).
 */
export async function checkInstallKey(pool: pg.Pool, cipher: TokenCipher): Promise<void> {
  const recorded = await recordedFingerprint(pool);
  if (recorded === undefined) {
    await assertOpensExistingRows(pool, cipher);
    await pool.query(
      'INSERT INTO install_key_check (fingerprint) VALUES ($1) ON CONFLICT (only_row) DO NOTHING',
      [cipher.fingerprint()],
    );
    // Another process may have recorded its key in between: compare with whichever key won.
    if ((await recordedFingerprint(pool)) === cipher.fingerprint()) return;
    throw new InstallKeyError(WRONG_KEY);
  }
  if (recorded !== cipher.fingerprint()) throw new InstallKeyError(WRONG_KEY);
}

async function recordedFingerprint(pool: pg.Pool): Promise<string | undefined> {
  const result = await pool.query('SELECT fingerprint FROM install_key_check');
  return result.rows.length === 0 ? undefined : z.string().parse(result.rows[0]?.fingerprint);
}

/** Installations but no fingerprint (the check row deleted by hand): the key must still open them. */
async function assertOpensExistingRows(pool: pg.Pool, cipher: TokenCipher): Promise<void> {
  const result = await pool.query('SELECT installation_key, sealed FROM slack_installations LIMIT 1');
  const row = z
    .object({ installation_key: z.string(), sealed: z.instanceof(Buffer) })
    .optional()
    .parse(result.rows[0]);
  if (!row) return;
  try {
    cipher.open(row.sealed, sealContext(row.installation_key));
  } catch {
    throw new InstallKeyError(WRONG_KEY);
  }
}
