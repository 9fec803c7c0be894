import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import type { Logger } from '../log/logger.ts';

export const MIGRATIONS_DIR = findMigrations(path.dirname(fileURLToPath(import.meta.url)));

/** migrations/ at the project's root, found upwards: this code runs from src/ledger/, or bundled from dist/. */
function findMigrations(from: string): string {
  const candidate = path.join(from, 'migrations');
  if (existsSync(path.join(candidate, '0001_ledger.sql'))) return candidate;
  const parent = path.dirname(from);
  if (parent === from) throw new Error('The migrations/ folder was not found beside Shieldwall.');
  return findMigrations(parent);
}

/**
 * Applies the SQL files in migrations/ that have not run yet. node-pg-migrate takes an advisory lock, so two
 * processes starting together do not both migrate; the second waits for the lock (the library's default is to
 * fail, which stopped it), then finds nothing left to do.
 */
export async function migrateToLatest(client: pg.ClientBase, log: Logger): Promise<string[]> {
  const applied = await runner({
    dbClient: client,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'schema_migrations',
    advisoryLockMode: 'wait',
    log: (message) => log.debug({ component: 'migrate' }, message),
  });
  const names = applied.map((migration) => migration.name);
  if (names.length > 0) log.info({ migrations: names }, 'applied migrations');
  return names;
}
