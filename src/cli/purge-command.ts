import type { Command } from 'commander';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { openDatabase } from '../ledger/database.ts';
import { purgeResolvedBefore } from '../ledger/purge-resolved.ts';
import { createLogger } from '../log/logger.ts';

const DAY_MS = 86_400_000;

/** `shieldwall purge [--older-than-days N]`: the retention purge, run by hand (the bot runs it daily). */
export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('remove personal data of incidents resolved more than N days ago (default: RETENTION_DAYS)')
    .option('--older-than-days <days>', 'days since the incident was resolved')
    .action(async (options: { olderThanDays?: string }) => {
      const config = loadConfig();
      const days = options.olderThanDays === undefined ? config.retentionDays : Number(options.olderThanDays);
      if (days === undefined || !Number.isInteger(days) || days < 1) {
        throw new ConfigError(
          'Say how old: --older-than-days 365 (a whole number of days), or set RETENTION_DAYS.',
        );
      }
      const log = createLogger(config.logLevel, pino.destination(2));
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        pseudonymKey: config.pseudonymKey,
        log,
      });
      try {
        const now = new Date();
        const purged = await purgeResolvedBefore(database.pool, new Date(now.getTime() - days * DAY_MS), now);
        process.stdout.write(
          `Purged the personal data of ${purged} incident${purged === 1 ? '' : 's'} resolved more than ${days} days ago. ` +
            'Offenders and their counts are kept. The bot redraws their cards in the incident channels without the ' +
            'details at its next retention run (when it starts and daily, if RETENTION_DAYS is set).\n',
        );
      } finally {
        await database.close();
      }
    });
}
