import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { runRetention } from '../ledger/retention.ts';
import { openLedgerForCommand } from './open-ledger.ts';

/** A whole number of days from the command line, or the configured one. */
function daysOption(
  given: string | undefined,
  configured: number | undefined,
  flag: string,
): number | undefined {
  if (given === undefined) return configured;
  const days = Number(given);
  if (!/^\d+$/.test(given) || days < 1)
    throw new ConfigError(`${flag} takes a whole number of days, like 365.`);
  return days;
}

const incidents = (count: number) => `${count} incident${count === 1 ? '' : 's'}`;

/**
 * `shieldwall purge [--older-than-days N] [--idle-days N]`: the retention run, by hand (the bot runs it
 * nightly when RETENTION_DAYS or RETENTION_IDLE_DAYS is set).
 */
export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description(
      'remove personal data of incidents resolved more than N days ago (default: RETENTION_DAYS), and close and ' +
        'purge open ones with no activity for M days (default: RETENTION_IDLE_DAYS, else RETENTION_DAYS)',
    )
    .option('--older-than-days <days>', 'days since the incident was resolved')
    .option('--idle-days <days>', 'days an open incident has had no activity')
    .action(async (options: { olderThanDays?: string; idleDays?: string }) => {
      const config = loadConfig();
      const resolvedDays = daysOption(options.olderThanDays, config.retentionDays, '--older-than-days');
      const idleDays = daysOption(
        options.idleDays,
        options.olderThanDays === undefined ? config.retentionIdleDays : resolvedDays,
        '--idle-days',
      );
      if (resolvedDays === undefined && idleDays === undefined) {
        throw new ConfigError(
          'Say how old: --older-than-days 365 (a whole number of days), or set RETENTION_DAYS.',
        );
      }
      const { database } = await openLedgerForCommand(config);
      try {
        const { closed, purged } = await runRetention(database.pool, { resolvedDays, idleDays }, new Date());
        const lines = [
          ...(resolvedDays === undefined
            ? []
            : [
                `Purged the personal data of ${incidents(purged - closed)} resolved more than ${resolvedDays} days ago.`,
              ]),
          ...(idleDays === undefined
            ? []
            : [`Closed and purged ${incidents(closed)} left open with no activity for ${idleDays} days.`]),
          'Offenders and their counts are kept. The bot redraws their cards in the incident channels without the ' +
            'details at its next retention run (when it starts and nightly, if RETENTION_DAYS is set).',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await database.close();
      }
    });
}
