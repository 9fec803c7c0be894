import type { Server } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import { DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { ScreenshotBudget } from '../../adapters/screenshot-budget.ts';
import { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { localeOfLang, TerminalAdapter } from '../../adapters/terminal/terminal-adapter.ts';
import type { Config } from '../config/config.ts';
import { type ChatAdapter, fleetOf } from '../core/chat-adapter.ts';
import { startJobQueue } from '../jobs/job-queue.ts';
import { openDatabase } from '../ledger/database.ts';
import type { Logger } from '../log/logger.ts';
import { captureFollowUpAcross } from './capture-routing.ts';
import { chatSetups, collectivesSetUpInChat } from './chat-setups.ts';
import { cachedReadiness, startHealthServer } from './health-routes.ts';
import { type PageCaptureOptions, startPageCapture } from './page-capture.ts';
import { discordOptions, slackOptions } from './platform-options.ts';
import { collectiveBuilder, serveCollectives } from './serve-collectives.ts';
import { slackInstalls } from './slack-installs.ts';

export interface RunningShieldwall {
  /** Settles when the terminal session ends (quit, end of input), or when a platform bot is stopped. */
  closed: Promise<void>;
  stop(): Promise<void>;
  /** Whether the terminal adapter is the one running (no platform configured). */
  terminal: boolean;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  input: Readable;
  output: Writable;
  /**
   * The ledger has been down longer than SHIELDWALL_LEDGER_GRACE_SECONDS (a dead embedded server that would not
   * start again, an unreachable server): the process should end, non-zero, so a service manager restarts it.
   */
  onLedgerLost: (reason: string) => void;
  /** Tests only: where the capture browser really goes (see CaptureWork.addressFor). */
  pageCapture?: PageCaptureOptions;
}

/** Opens the ledger, builds the core, and starts the adapters the configuration switches on. */
export async function startShieldwall({
  config,
  log,
  input,
  output,
  onLedgerLost,
  pageCapture,
}: StartOptions): Promise<RunningShieldwall> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pseudonymKey: config.pseudonymKey,
    log,
    watch: { graceSeconds: config.ledgerGraceSeconds, onLost: onLedgerLost },
  });
  const jobs = await startJobQueue(database.pool, log, {
    ...(config.capture ? { captureRetrySeconds: config.capture.retrySeconds } : {}),
  });
  const capture = await startPageCapture(config.capture, database.pool, jobs, log, pageCapture);
  const build = collectiveBuilder(database.pool, jobs, config, log, capture);
  const installs = await slackInstalls(database.pool, config);
  // The collectives of the environment or the file, then the workspaces set up in chat ("Add to Slack").
  const setUpInChat = installs ? await collectivesSetUpInChat(database.pool, config) : [];
  const served = await serveCollectives(database.pool, [...config.collectives, ...setUpInChat], build);
  const fleet = fleetOf(served.map((collective) => collective.bot));
  // Ready once every adapter is up and jobs are working, and only while the ledger answers: a load balancer or
  // an orchestrator then never sends a request to a process that is still starting, or has lost its database.
  // Only the question to the ledger is reused (see cachedReadiness); starting and stopping show at once, so a
  // process is ready the moment it is, and stops getting traffic the moment it stops.
  let serving = false;
  const ledgerAnswers = cachedReadiness(async () => {
    await database.pool.query('SELECT 1');
    return true;
  }, Date.now);
  const ready = async () => serving && database.isUp() && (await ledgerAnswers());
  const adapters: ChatAdapter[] = [];
  const screenshotBudget = new ScreenshotBudget(config.screenshotBudgetBytes);
  const common = { messagesPerSecond: config.messagesPerSecond, log, screenshotBudget };
  const slack = slackOptions(
    config,
    served,
    { ...common, port: config.port, ready },
    installs && {
      ...installs,
      setups: chatSetups({ pool: database.pool, config, fleet, build, jobs }),
    },
  );
  if (slack) adapters.push(new SlackAdapter(slack));
  const discord = discordOptions(config, served);
  if (discord) adapters.push(new DiscordAdapter({ ...discord, ...common }));
  let terminal: TerminalAdapter | undefined;
  if (adapters.length === 0) {
    terminal = new TerminalAdapter({
      input,
      output,
      // The terminal's language, read once: LANG=fr_CA.UTF-8 speaks French until someone types /language.
      locale: localeOfLang(process.env.LANG),
      banner: (t) =>
        [
          database.kind === 'embedded'
            ? t('terminal.banner_embedded', { folder: config.dataDir })
            : t('terminal.banner_server'),
          t('terminal.banner_how'),
          ...(capture.off ? [t('terminal.banner_capture_off', { reason: capture.off })] : []),
        ].join('\n'),
    });
    adapters.push(terminal);
  }
  let healthServer: Server | undefined;
  try {
    // The fleet, growing as workspaces are set up in chat; the adapters route each request to its collective.
    for (const adapter of adapters) await adapter.start(fleet);
    // Without Slack's HTTP server, the health routes get a small server of their own on PORT.
    const slackHttp = config.slackApp && !config.slackApp.appToken;
    if ((config.slackApp || config.discordApp) && !slackHttp)
      healthServer = await startHealthServer(config.port, ready);
    // Work starts once every adapter can send: deliveries queued before a restart go out now.
    await jobs.work(
      fleet,
      served.map(({ ledger, settings, digestCron }) => ({ ledger, settings, cron: digestCron })),
      { resolvedDays: config.retentionDays, idleDays: config.retentionIdleDays },
      capture.work,
      captureFollowUpAcross(database.pool, fleet),
    );
  } catch (error) {
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    await jobs.stop();
    await capture.close();
    await database.close();
    throw error;
  }
  serving = true;
  log.info(
    { adapters: adapters.map((a) => a.platform), collectives: served.length, database: database.kind },
    'Shieldwall started',
  );

  let markStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    markStopped = resolve;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Not ready from now on, so a load balancer stops sending new requests while in-flight work finishes.
      serving = false;
      await new Promise((resolve) => (healthServer ? healthServer.close(resolve) : resolve(undefined)));
      // In order: requests under way finish (a new one is told nothing changed), then jobs under way, while the
      // platforms can still carry their answers; then the platforms close, and the ledger last.
      await fleet.close();
      await jobs.stop();
      await capture.close();
      await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
      await database.close();
      log.info('Shieldwall stopped');
      markStopped();
    })();
    return stopping;
  };
  // The terminal session ends when its input does; a platform bot runs until it is stopped.
  return { closed: terminal ? terminal.closed : stopped, stop, terminal: terminal !== undefined };
}
