import pino from 'pino';
import type { Config } from '../config/config.ts';
import { type Database, openDatabase } from '../ledger/database.ts';
import { createLogger, type Logger } from '../log/logger.ts';

/**
 * The ledger for a one-off command, as configured, with its logs on stderr: stdout is the command's own
 * answer (a pack's hash, a digest), which scripts read.
 */
export async function openLedgerForCommand(
  config: Config,
  options: { replacePseudonymKey?: boolean } = {},
): Promise<{ database: Database; log: Logger }> {
  const log = createLogger(config.logLevel, pino.destination(2));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pseudonymKey: config.pseudonymKey,
    ...options,
    log,
  });
  return { database, log };
}
