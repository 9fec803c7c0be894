import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { digestWeeks } from '../core/digest/digest-weeks.ts';
import { renderWeeklyDigest, replyAsMarkdown } from '../core/digest/render-weekly-digest.ts';
import { collectiveLanguage } from '../core/i18n/member-language.ts';
import { translator } from '../core/i18n/translator.ts';
import { sayError } from '../core/spoken-error.ts';
import { parseWeek, weekBefore, weekContaining } from '../core/time.ts';
import { createPgLedger } from '../ledger/pg-ledger.ts';
import { chooseCollective } from './choose-collective.ts';
import { cliTranslator } from './cli-language.ts';
import { openLedgerForCommand } from './open-ledger.ts';

/** `shieldwall digest [--week 2026-W47] [--format markdown|json]`: the same digest leads get in chat. */
export function registerDigestCommand(program: Command): void {
  const t = cliTranslator();
  program
    .command('digest')
    .description(t('cli.help.digest'))
    .option('--week <week>', t('cli.help.digest.week'))
    .option('--format <format>', t('cli.help.digest.format'), 'markdown')
    .option('--collective <id>', t('cli.help.collective'))
    .action(async (options: { week?: string; format: string; collective?: string }) => {
      if (!['markdown', 'json'].includes(options.format)) {
        throw new ConfigError(t('cli.digest.bad_format'));
      }
      const config = loadConfig();
      const { id, settings } = chooseCollective(config, options.collective, t);
      const zone = settings.timezone;
      const now = new Date();
      const week = options.week
        ? parseWeek(options.week, zone)
        : { ok: true as const, value: weekBefore(weekContaining(now, zone), zone) };
      if (!week.ok) throw new ConfigError(sayError(week.error, t));
      const { database } = await openLedgerForCommand(config);
      try {
        const rule = settings.frequentRule;
        const digest = await createPgLedger(database.pool, id).weeklyDigest(
          digestWeeks(week.value, zone),
          rule,
        );
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(digest, null, 2)}\n`
            : replyAsMarkdown(
                renderWeeklyDigest(digest, rule, zone, now, translator(collectiveLanguage(settings))),
              ),
        );
      } finally {
        await database.close();
      }
    });
}
