import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { startShieldwall } from '../app/start-shieldwall.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { ensureDataDir } from '../ledger/data-dir.ts';
import { openDatabase } from '../ledger/database.ts';
import { createLogger, type Logger } from '../log/logger.ts';

/** The terminal owns stdout for the conversation, so its logs go to a file beside the ledger, private to us. */
async function terminalLogger(level: string, dataDir: string): Promise<Logger> {
  await ensureDataDir(dataDir);
  const file = path.join(dataDir, 'shieldwall.log');
  return createLogger(level, pino.destination({ dest: file, sync: true, mode: 0o600 }));
}

async function start(): Promise<void> {
  const config = loadConfig();
  // A platform bot has no conversation on stdout, so its logs go there, where service managers collect them.
  const onPlatform = Boolean(config.slack || config.discord);
  const log = onPlatform
    ? createLogger(config.logLevel, pino.destination(1))
    : await terminalLogger(config.logLevel, config.dataDir);
  const running = await startShieldwall({ config, log, input: process.stdin, output: process.stdout });
  const shutdown = () => void running.stop().then(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await running.closed;
  await running.stop();
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  await database.close();
  process.stdout.write(`The ${database.kind} ledger is up to date.\n`);
}

const program = new Command()
  .name('shieldwall')
  .description('Flag attacks on health advocates, rally colleagues, and keep a shared ledger of offenders.')
  .showHelpAfterError();
program
  .command('start')
  .description('run the bot (terminal adapter unless Slack or Discord are configured)')
  .action(start);
program
  .command('migrate')
  .description('apply the database migrations in migrations/ and exit')
  .action(migrate);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Shieldwall stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
}
