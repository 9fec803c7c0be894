import type { Server } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import { DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { ScreenshotBudget } from '../../adapters/screenshot-budget.ts';
import { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { localeOfLang, TerminalAdapter } from '../../adapters/terminal/terminal-adapter.ts';
import type { Config } from '../config/config.ts';
import { createBot } from '../core/bot.ts';
import type { ChatAdapter } from '../core/chat-adapter.ts';
import { createFlagLimiter } from '../core/limits/member-limits.ts';
import { createShieldwallRegistry } from '../core/shieldwall-commands.ts';
import { createEvidenceExporter } from '../evidence/evidence-exporter.ts';
import { startJobQueue } from '../jobs/job-queue.ts';
import { openDatabase } from '../ledger/database.ts';
import { createPgEvidenceSource } from '../ledger/evidence-records.ts';
import { createPgLedger } from '../ledger/pg-ledger.ts';
import { createPgRallyStore } from '../ledger/rally-store.ts';
import type { Logger } from '../log/logger.ts';
import { cachedReadiness, startHealthServer } from './health-routes.ts';
import { type PageCaptureOptions, startPageCapture } from './page-capture.ts';

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
  const ledger = createPgLedger(database.pool);
  const capture = await startPageCapture(config.capture, database.pool, jobs, log, pageCapture);
  const settings = { ...config.settings, pageCapture: capture.work !== undefined };
  const bot = createBot({
    registry: createShieldwallRegistry(),
    ledger,
    settings,
    log,
    now: () => new Date(),
    rallyStore: createPgRallyStore(database.pool, jobs),
    evidence: createEvidenceExporter(createPgEvidenceSource(database.pool), config.settings),
    flagLimiter: createFlagLimiter(config.memberLimits),
    ...(capture.store ? { captures: capture.store } : {}),
  });
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
  if (config.slack) {
    adapters.push(
      new SlackAdapter({
        ...config.slack,
        port: config.port,
        messagesPerSecond: config.messagesPerSecond,
        ready,
        log,
        screenshotBudget,
      }),
    );
  }
  if (config.discord) {
    adapters.push(
      new DiscordAdapter({
        ...config.discord,
        messagesPerSecond: config.messagesPerSecond,
        log,
        screenshotBudget,
      }),
    );
  }
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
    for (const adapter of adapters) await adapter.start(bot);
    // Without Slack's HTTP server, the health routes get a small server of their own on PORT.
    const slackHttp = config.slack && !config.slack.appToken;
    if ((config.slack || config.discord) && !slackHttp)
      healthServer = await startHealthServer(config.port, ready);
    // Work starts once every adapter can send: deliveries queued before a restart go out now.
    await jobs.work(
      bot,
      { ledger, settings, cron: config.digestCron },
      { resolvedDays: config.retentionDays, idleDays: config.retentionIdleDays },
      capture.work,
    );
  } catch (error) {
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    await jobs.stop();
    await capture.close();
    await database.close();
    throw error;
  }
  serving = true;
  log.info({ adapters: adapters.map((a) => a.platform), database: database.kind }, 'Shieldwall started');

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
      await bot.stop();
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
