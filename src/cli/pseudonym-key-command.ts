import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { cliTranslator } from './cli-language.ts';
import { openLedgerForCommand } from './open-ledger.ts';

/**
 * `shieldwall new-pseudonym-key`: for when the pseudonym key is lost for good. The bot refuses a key the ledger
 * was not written with, so that a lost key never splits members' counts silently; this accepts the key now
 * configured (SHIELDWALL_PSEUDONYM_KEY, or a new pseudonym.key in the data directory) knowingly.
 */
export function registerPseudonymKeyCommand(program: Command): void {
  const t = cliTranslator();
  program
    .command('new-pseudonym-key')
    .description(t('cli.help.pseudonym_key'))
    .requiredOption('--old-key-is-lost', t('cli.help.pseudonym_key.lost'))
    .action(async () => {
      const config = loadConfig();
      const { database } = await openLedgerForCommand(config, { replacePseudonymKey: true });
      await database.close();
      process.stdout.write(`${t('cli.pseudonym_key.accepted')}\n`);
    });
}
