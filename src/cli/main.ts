import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import pino from 'pino';
import { registerDiscordCommands } from '../../adapters/discord/register-commands.ts';
import { type RunningShieldwall, startShieldwall } from '../app/start-shieldwall.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { createShieldwallRegistry } from '../core/shieldwall-commands.ts';
import { ensureDataDir } from '../ledger/data-dir.ts';
import { InstallKeyError } from '../ledger/install-key-check.ts';
import { PseudonymKeyError } from '../ledger/pseudonym-key.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { speakHelp } from './cli-help.ts';
import { cliTranslator } from './cli-language.ts';
import { registerDigestCommand } from './digest-command.ts';
import { registerExportCommand } from './export-command.ts';
import { openLedgerForCommand } from './open-ledger.ts';
import { registerPseudonymKeyCommand } from './pseudonym-key-command.ts';
import { registerPurgeCommand } from './purge-command.ts';

// With its ledger gone, a stop can't finish everything it normally would; it gets this long before the exit.
const LOST_STOP_MS = 5_000;

/** The terminal owns stdout for the conversation, so its logs go to a file beside the ledger, private to us. */
async function terminalLogger(level: string, dataDir: string): Promise<Logger> {
  const tightened = await ensureDataDir(dataDir);
  const file = path.join(dataDir, 'shieldwall.log');
  const log = createLogger(level, pino.destination({ dest: file, sync: true, mode: 0o600 }));
  for (const change of tightened) log.warn({ change }, 'made the data folder private again');
  return log;
}

async function start(): Promise<void> {
  const config = loadConfig();
  // A platform bot has no conversation on stdout, so its logs go there, where service managers collect them.
  const onPlatform = Boolean(config.slackApp || config.discordApp);
  const log = onPlatform
    ? createLogger(config.logLevel, pino.destination(1))
    : await terminalLogger(config.logLevel, config.dataDir);
  // Handlers first, so a SIGTERM during start-up also ends cleanly: the bot finishes starting, then stops.
  let running: RunningShieldwall | undefined;
  let stopRequested = false;
  const shutdown = () => {
    stopRequested = true;
    if (running) void running.stop().then(() => process.exit(0));
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, shutdown);
  const ledgerLost = (reason: string) => {
    // Non-zero however the process ends from here, so a service manager starts it again.
    process.exitCode = 1;
    log.fatal({ reason }, 'the ledger is lost; stopping');
    process.stderr.write(`${cliTranslator()('cli.stopped', { reason })}\n`);
    void Promise.race([running?.stop(), sleep(LOST_STOP_MS)]).finally(() => process.exit(1));
  };
  running = await startShieldwall({
    config,
    log,
    input: process.stdin,
    output: process.stdout,
    onLedgerLost: ledgerLost,
  });
  if (stopRequested) {
    await running.stop();
    process.exit(0);
  }
  await running.closed;
  await running.stop();
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const { database } = await openLedgerForCommand(config);
  await database.close();
  process.stdout.write(`${cliTranslator()('cli.migrate.done', { kind: database.kind })}\n`);
}

async function registerDiscord(options: { guild?: string }): Promise<void> {
  // Validates every variable first; the registration itself needs only the token and the application id.
  loadConfig();
  const token = process.env.DISCORD_TOKEN?.trim();
  const applicationId = process.env.DISCORD_APPLICATION_ID?.trim();
  const apiUrl = process.env.DISCORD_API_URL?.trim();
  if (!token || !applicationId) {
    throw new ConfigError(cliTranslator()('cli.discord.needs_token'));
  }
  if (options.guild !== undefined && !/^\d{5,20}$/.test(options.guild)) {
    throw new ConfigError(cliTranslator()('cli.discord.bad_guild'));
  }
  const names = await registerDiscordCommands({
    token,
    applicationId,
    ...(options.guild ? { guildId: options.guild } : {}),
    ...(apiUrl ? { apiUrl } : {}),
    registry: createShieldwallRegistry(),
  });
  const t = cliTranslator();
  const commands = names.map((name) => `/${name}`).join(', ');
  process.stdout.write(
    `${
      options.guild
        ? t('cli.discord.registered_guild', { commands, guild: options.guild })
        : t('cli.discord.registered_global', { commands })
    }\n`,
  );
}

// The help and messages in the collective's language (SHIELDWALL_LANGUAGE), like the digest.
const help = cliTranslator();
const program = speakHelp(new Command(), help)
  .name('shieldwall')
  .description(help('cli.help.program'))
  .showHelpAfterError();
program.command('start').description(help('cli.help.start')).action(start);
program
  .command('discord:register')
  .description(help('cli.help.discord_register'))
  .option('--guild <id>', help('cli.help.guild'))
  .action(registerDiscord);
registerDigestCommand(program);
registerExportCommand(program);
registerPurgeCommand(program);
registerPseudonymKeyCommand(program);
program.command('migrate').description(help('cli.help.migrate')).action(migrate);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof PseudonymKeyError ||
    error instanceof InstallKeyError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${cliTranslator()('cli.stopped', { reason })}\n`);
  }
  process.exit(1);
}
