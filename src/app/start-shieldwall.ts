import type { Readable, Writable } from 'node:stream';
import { TerminalAdapter } from '../../adapters/terminal/terminal-adapter.ts';
import type { Config } from '../config/config.ts';
import { createBot } from '../core/bot.ts';
import { createShieldwallRegistry } from '../core/shieldwall-commands.ts';
import { openDatabase } from '../ledger/database.ts';
import { createPgLedger } from '../ledger/pg-ledger.ts';
import type { Logger } from '../log/logger.ts';

export interface RunningShieldwall {
  /** Settles when the terminal session ends (quit, end of input). */
  closed: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  input: Readable;
  output: Writable;
}

/** Opens the ledger, builds the core, and starts the adapters the configuration switches on. */
export async function startShieldwall({
  config,
  log,
  input,
  output,
}: StartOptions): Promise<RunningShieldwall> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  const bot = createBot({
    registry: createShieldwallRegistry(),
    ledger: createPgLedger(database.pool),
    settings: config.settings,
    log,
    now: () => new Date(),
  });
  if (config.slack || config.discord) {
    log.warn(
      'Slack and Discord settings were found, but this version has only the terminal adapter; ignoring them',
    );
  }
  const ledgerWhere =
    database.kind === 'embedded'
      ? `embedded PostgreSQL in ${config.dataDir}`
      : 'PostgreSQL server in DATABASE_URL';
  const terminal = new TerminalAdapter({
    input,
    output,
    banner:
      `Shieldwall is running in this terminal; the ledger is the ${ledgerWhere}.\n` +
      'You are "you", a member. /as <name> switches member, /as <name> lead acts as a lead, /help lists commands, /quit leaves.',
  });
  await terminal.start(bot);
  log.info({ adapter: 'terminal', database: database.kind }, 'Shieldwall started');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await terminal.stop();
      await database.close();
      log.info('Shieldwall stopped');
    })();
    return stopping;
  };
  return { closed: terminal.closed, stop };
}
