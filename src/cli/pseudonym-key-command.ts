import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config/load-config.ts';
import { openDatabase } from '../ledger/database.ts';
import { createLogger } from '../log/logger.ts';

/**
 * `shieldwall new-pseudonym-key`: for when the pseudonym key is lost for good. The bot refuses a key the ledger
 * was not written with, so that a lost key never splits members' counts silently; this accepts the key now
 * configured (SHIELDWALL_PSEUDONYM_KEY, or a new pseudonym.key in the data directory) knowingly.
 */
export function registerPseudonymKeyCommand(program: Command): void {
  program
    .command('new-pseudonym-key')
    .description('make the ledger accept a new pseudonym key, when the old one is lost for good (see README)')
    .requiredOption('--old-key-is-lost', 'confirm the old key can not be found')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel, pino.destination(2));
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        pseudonymKey: config.pseudonymKey,
        replacePseudonymKey: true,
        log,
      });
      await database.close();
      process.stdout.write(
        'The ledger now uses the new pseudonym key. Incidents purged earlier keep pseudonyms made with the lost ' +
          'key: a member attacked both before and after is counted twice in "members attacked". Keep the new ' +
          'key safe, apart from the ledger’s backups.\n',
      );
    });
}
