import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PSEUDONYM_KEY_FILE } from './pseudonym-key.ts';

/** Files in the data directory that hold secrets or what members did: readable by this user only. */
export const PRIVATE_FILES = ['db-password', PSEUDONYM_KEY_FILE, 'shieldwall.log'] as const;

/**
 * The data directory holds the ledger, its password and the logs: private to this user. As root, others may
 * traverse it (but not list it) so the embedded server, which runs as `postgres`, can reach its own `pg/`.
 * One that exists already is checked: more open than that, it is tightened (each change is returned, for the
 * log), and one that belongs to another user, or can't be tightened, is refused: its owner could open it again.
 */
export async function ensureDataDir(dataDir: string): Promise<string[]> {
  const wanted = runsAsRoot() ? 0o711 : 0o700;
  await mkdir(dataDir, { recursive: true, mode: wanted });
  const info = await stat(dataDir);
  if (!info.isDirectory()) {
    throw new Error(
      `The data folder ${dataDir} is not a folder. Set SHIELDWALL_DATA_DIR to a folder of your own.`,
    );
  }
  assertOwnedByUs(dataDir, info.uid, 'data folder');
  const tightened: string[] = [];
  if ((info.mode & 0o777 & ~wanted) !== 0) {
    await tighten(dataDir, wanted, 'data folder');
    tightened.push(`data folder ${dataDir}: permissions ${octal(info.mode)} tightened to ${octal(wanted)}`);
  }
  for (const name of PRIVATE_FILES) {
    const file = path.join(dataDir, name);
    const found = await lstat(file).catch(() => undefined);
    if (!found) continue;
    if (!found.isFile()) {
      throw new Error(
        `${file} should be a plain file, readable by Shieldwall only, and it isn't (a link or a folder). ` +
          'Remove it, or set SHIELDWALL_DATA_DIR to a folder of your own.',
      );
    }
    assertOwnedByUs(file, found.uid, 'file');
    if ((found.mode & 0o077) !== 0) {
      await tighten(file, 0o600, 'file');
      tightened.push(`${file}: permissions ${octal(found.mode)} tightened to 600`);
    }
  }
  return tightened;
}

function assertOwnedByUs(where: string, uid: number, what: string): void {
  const us = process.getuid?.();
  if (us === undefined || uid === us) return;
  throw new Error(
    `The ${what} ${where} belongs to another user (uid ${uid}), so Shieldwall can't keep the ledger private ` +
      'there: that user could open it to others. Use a data folder of your own (set SHIELDWALL_DATA_DIR), or ask ' +
      'its owner to hand it over.',
  );
}

async function tighten(where: string, mode: number, what: string): Promise<void> {
  try {
    await chmod(where, mode);
  } catch (error) {
    throw new Error(
      `The ${what} ${where} is readable by other users, and its permissions can't be changed ` +
        `(${(error as { code?: string }).code ?? 'error'}). Make it private (chmod ${octal(mode)} ${where}), or use ` +
        'another data folder (set SHIELDWALL_DATA_DIR).',
    );
  }
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

export const runsAsRoot = (): boolean => process.getuid?.() === 0;

/**
 * The first folder on the way to `dir` that other users (the `postgres` user among them) can't enter, if any.
 * A folder that doesn't exist yet will be created enterable (see ensureDataDir).
 */
export async function unreachableAncestor(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  while (true) {
    const info = await stat(current).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * A data directory the `postgres` user can reach, to suggest when `dataDir` is not one: under /var/lib, and
 * named after `dataDir`, so two checkouts on one machine are not pointed at one ledger.
 */
export function reachableDataDirFor(dataDir: string): string {
  const tag = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 8);
  return path.join('/var/lib/shieldwall', `ledger-${tag}`);
}
