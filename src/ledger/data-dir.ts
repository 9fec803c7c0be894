import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The data directory holds the ledger, its password and the logs: private to this user. As root, others may
 * traverse it (but not list it) so the embedded server, which runs as `postgres`, can reach its own `pg/`.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: runsAsRoot() ? 0o711 : 0o700 });
}

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
