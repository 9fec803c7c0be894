import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { runRetention } from '../ledger/retention.ts';
import { cliTranslator } from './cli-language.ts';
import { openLedgerForCommand } from './open-ledger.ts';

/** A whole number of days from the command line, or the configured one. */
function daysOption(
  given: string | undefined,
  configured: number | undefined,
  flag: string,
): number | undefined {
  if (given === undefined) return configured;
  const days = Number(given);
  if (!/^\d+$/.test(given) || days < 1) throw new ConfigError(cliTranslator()('cli.purge.days', { flag }));
  return days;
}

/**
 * `shieldwall purge [--older-than-days N] [--idle-days N]`: the retention run, by hand (the bot runs it
 * nightly when RETENTION_DAYS or RETENTION_IDLE_DAYS is set).
 */
export function registerPurgeCommand(program: Command): void {
  const help = cliTranslator();
  program
    .command('purge')
    .description(help('cli.help.purge'))
    .option('--older-than-days <days>', help('cli.help.purge.older'))
    .option('--idle-days <days>', help('cli.help.purge.idle'))
    .action(async (options: { olderThanDays?: string; idleDays?: string }) => {
      const config = loadConfig();
      const t = cliTranslator();
      const resolvedDays = daysOption(options.olderThanDays, config.retentionDays, '--older-than-days');
      const idleDays = daysOption(
        options.idleDays,
        options.olderThanDays === undefined ? config.retentionIdleDays : resolvedDays,
        '--idle-days',
      );
      if (resolvedDays === undefined && idleDays === undefined) {
        throw new ConfigError(t('cli.purge.how_old', { flag: '--older-than-days' }));
      }
      const { database } = await openLedgerForCommand(config);
      try {
        const { closed, purged } = await runRetention(database.pool, { resolvedDays, idleDays }, new Date());
        const lines = [
          ...(resolvedDays === undefined
            ? []
            : [t('cli.purge.resolved', { count: purged - closed, days: resolvedDays })]),
          ...(idleDays === undefined ? [] : [t('cli.purge.idle', { count: closed, days: idleDays })]),
          t('cli.purge.kept'),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await database.close();
      }
    });
}
