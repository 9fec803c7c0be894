import { randomBytes } from 'node:crypto';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { inject } from 'vitest';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/ledger/migrate.ts';
import { pseudonymKeyOption } from '../../src/ledger/pseudonym-key.ts';
import { createLogger } from '../../src/log/logger.ts';
import { assertTestDatabaseUrl } from './test-database-name.ts';

/** The pseudonym key of this test file's databases: a bot started on one must be given it too. */
export const TEST_PSEUDONYM_KEY = randomBytes(32).toString('hex');

export interface TestDatabase {
  url: string;
  /** SHIELDWALL_PSEUDONYM_KEY for a bot or command run on this database. */
  pseudonymKey: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, on the run's PostgreSQL (embedded or server). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `test_sw_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  assertTestDatabaseUrl(url.toString());
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 20,
    options: pseudonymKeyOption(TEST_PSEUDONYM_KEY),
  });
  // Dropping the database at the end terminates connections that are still closing; an idle client's error
  // then is expected, and must not fail the run as an unhandled error.
  pool.on('error', () => undefined);
  if (options.migrated !== false) {
    const client = await pool.connect();
    try {
      await migrateToLatest(client, createLogger('silent'));
    } finally {
      client.release();
    }
  }
  return {
    url: url.toString(),
    pseudonymKey: TEST_PSEUDONYM_KEY,
    pool,
    drop: async () => {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A database migrated up to the first `count` migrations, seeded as a ledger of that version was, then brought
 * up to date: for tests of what a migration does to rows that are already there.
 */
export async function createLegacyDatabase(
  count: number,
  seed: (db: TestDatabase) => Promise<void>,
): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrated: false });
  const client = await db.pool.connect();
  try {
    await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      count,
      migrationsTable: 'schema_migrations',
      log: () => undefined,
    });
    await seed(db);
    await migrateToLatest(client, createLogger('silent'));
  } finally {
    client.release();
  }
  return db;
}
