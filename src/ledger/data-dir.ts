import { mkdir } from 'node:fs/promises';

/**
 * The data directory holds the ledger, its password and the logs: private to this user. As root, others may
 * traverse it (but not list it) so the embedded server, which runs as `postgres`, can reach its own `pg/`.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: runsAsRoot() ? 0o711 : 0o700 });
}

export const runsAsRoot = (): boolean => process.getuid?.() === 0;
