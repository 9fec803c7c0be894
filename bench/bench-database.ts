import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/ledger/database.ts';
import { createLogger } from '../src/log/logger.ts';

export interface BenchDatabase extends Database {
  /** `embedded` or `server`, for the results table. */
  label: string;
}

/**
 * SQL run on every bench database after the migrations, from the file in BENCH_EXTRA_SQL: an index or a
 * setting measured at full size before it becomes a migration. Never set by `npm run bench` itself.
 */
async function applyExtraSql(database: Database): Promise<void> {
  const file = process.env.BENCH_EXTRA_SQL;
  if (file) await database.pool.query(await readFile(file, 'utf8'));
}

/**
 * A fresh, migrated ledger for one benchmark: on the embedded server in a temporary directory, or, with
 * BENCH_DATABASE_URL, in a new database on that server (dropped afterwards).
 */
export async function openBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const database = await openMigrated(serverUrl);
  await applyExtraSql(database);
  return database;
}

async function openMigrated(serverUrl: string | undefined): Promise<BenchDatabase> {
  const log = createLogger('silent');
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-bench-'));
    // As root the embedded server runs as `postgres`, which must be able to reach the directory.
    await chmod(dataDir, 0o755);
    const database = await openDatabase({ databaseUrl: undefined, dataDir, pseudonymKey: undefined, log });
    return {
      ...database,
      label: 'embedded',
      close: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `bench_sw_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: os.tmpdir(),
    pseudonymKey: randomBytes(32).toString('hex'),
    log,
  });
  return {
    ...database,
    label: 'server',
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
