import type { Server } from 'node:http';
import type { webApi } from '@slack/bolt';
import { App, type CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import { answerHealth, type ReadinessCheck } from '../../src/app/health-routes.ts';
import { asFleet, type Bot, type ChatAdapter, type Fleet } from '../../src/core/chat-adapter.ts';
import { MAX_SCREENSHOT_BYTES } from '../../src/core/commands/flag-args.ts';
import { describeError } from '../../src/core/run-command.ts';
import { downloadFile } from '../download-file.ts';
import { DEFAULT_SCREENSHOT_BUDGET_BYTES, ScreenshotBudget } from '../screenshot-budget.ts';
import { withContent } from '../screenshots.ts';
import { AckFirst } from './ack-first.ts';
import { boltLogger } from './bolt-logger.ts';
import { collectiveLabels, servedWorkspaces } from './configured-workspaces.ts';
import { LedgerInstallationStore } from './installation-store.ts';
import { InstalledWorkspaces } from './installed-workspaces.ts';
import { registerButtons } from './listeners/buttons.ts';
import { registerChannelPrivacy } from './listeners/channel-privacy.ts';
import { registerHomeAndMembership } from './listeners/home-and-membership.ts';
import { registerModalSubmissions } from './listeners/modal-submissions.ts';
import { registerSetup } from './listeners/setup.ts';
import { registerSlashCommands } from './listeners/slash-commands.ts';
import { registerUninstall } from './listeners/uninstall.ts';
import { responseUrlOrigins } from './response-url.ts';
import { ServedInstallations } from './served-installations.ts';
import { WorkspaceSetupCommand } from './setup/setup-command.ts';
import { appAuthorization } from './slack-app-auth.ts';
import { slackEdges } from './slack-edge.ts';
import {
  type ConnectedWorkspace,
  connectWorkspace,
  type SlackWorkspaceOptions,
  type WorkspaceSetting,
} from './slack-workspace.ts';
import { SlackSetupError } from './startup-checks.ts';
import type { SlackInstalls } from './workspace-setups.ts';

export type { SlackWorkspaceOptions } from './slack-workspace.ts';

/** How often a process reads the setups other processes may have changed. */
const DEFAULT_SETUPS_REFRESH_MS = 10_000;

/** Settings of the one Bolt app (one HTTP port, or one Socket Mode connection) every workspace shares. */
export interface SlackAppOptions {
  /** HTTP mode: requests to POST /slack/events are verified with it. */
  signingSecret?: string;
  /** Socket Mode when set: no public URL needed. */
  appToken?: string;
  port: number;
  /** Interface to listen on in HTTP mode (all by default). */
  host?: string;
  /** Web API base URL, `https://slack.com/api/` by default; tests point it at a fake. */
  apiUrl?: string;
  log: Logger;
  /** Private messages (rally alerts) sent per second at most, per workspace; 429s beyond it are still waited out. */
  messagesPerSecond?: number;
  /** Answers `/readyz` in HTTP mode (the ledger answers). */
  ready?: ReadinessCheck;
  /** Extra Web API client settings (tests shorten the retry waits). */
  clientOptions?: webApi.WebClientOptions;
  /** The bytes of screenshots the process holds at once, shared with its other adapters. */
  screenshotBudget?: ScreenshotBudget;
  /**
   * "Add to Slack" (HTTP mode only): workspaces install the app themselves and are set up with /setup, next to
   * any configured here. Their bots are in the fleet `start` is given, and join or leave it as they are set up.
   */
  installs?: SlackInstalls;
}

/** One workspace, the one collective's (started with its bot, or a fleet of one), as the environment sets it. */
export interface SlackSingleWorkspace {
  botToken: string;
  incidentChannel: string;
  leadsChannel?: string;
  leads: readonly string[];
  workspaces?: undefined;
}

/** Several workspaces, each its collective's: started with the fleet of their bots. */
export interface SlackSeveralWorkspaces {
  workspaces: readonly SlackWorkspaceOptions[];
  botToken?: undefined;
}

export type SlackAdapterOptions = SlackAppOptions & (SlackSingleWorkspace | SlackSeveralWorkspaces);

/**
 * The Slack edge: one Bolt app in HTTP or Socket Mode serving one or several workspaces, each with its own token
 * and its own collective's bot, drawing the core's replies and cards in Block Kit.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack';
  private app: App | undefined;
  private server: Server | undefined;
  /** Requests acknowledged to Slack whose work is still running: stop() lets them finish. */
  private readonly inFlight = new Set<Promise<void>>();
  /** "Add to Slack": the workspaces set up in chat, and the timer that catches up with other processes. */
  private installed: InstalledWorkspaces | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  private readonly screenshots: ScreenshotBudget;

  constructor(private readonly options: SlackAdapterOptions) {
    this.screenshots = options.screenshotBudget ?? new ScreenshotBudget(DEFAULT_SCREENSHOT_BUDGET_BYTES);
  }

  /** The HTTP port actually listened on (HTTP mode), useful when asked for port 0. */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async start(bots: Bot | Fleet): Promise<void> {
    const o = this.options;
    if (!o.appToken && !o.signingSecret)
      throw new SlackSetupError('Slack needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).');
    if (o.installs && o.appToken)
      throw new SlackSetupError(
        '"Add to Slack" needs HTTP mode: Slack sends the installing admin back to /slack/oauth_redirect on this ' +
          'server, which Socket Mode does not serve. Unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.',
      );
    const configured = servedWorkspaces(o, asFleet(bots));
    const acks = new AckFirst();
    const setting: WorkspaceSetting = {
      clientOptions: {
        logger: boltLogger(o.log),
        ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
        ...o.clientOptions,
      },
      messagesPerSecond: o.messagesPerSecond,
      labels: { incidentChannel: 'SLACK_INCIDENT_CHANNEL', leadsChannel: 'SLACK_LEADS_CHANNEL' },
      common: {
        log: o.log,
        responseUrlOrigins: responseUrlOrigins(o.apiUrl),
        ackFirst: (ack) => acks.ack(ack),
      },
      fetchScreenshots: (files, botToken) =>
        withContent(
          files,
          (url, maxBytes) => this.download(url, maxBytes, botToken),
          this.screenshots,
          MAX_SCREENSHOT_BYTES,
        ),
    };
    const connected: ConnectedWorkspace[] = [];
    for (const { workspace, bot } of configured) {
      const labels = o.workspaces ? collectiveLabels(workspace.collectiveId) : setting.labels;
      connected.push(await connectWorkspace(workspace, bot, { ...setting, labels }));
    }
    const served = new ServedInstallations(
      o.installs ? new LedgerInstallationStore(o.installs.records) : undefined,
      async (teamId: string): Promise<void> => installed?.servedElsewhere(teamId),
    );
    for (const { authorization } of connected) {
      if (served.isConfigured(authorization.teamId))
        throw new SlackSetupError(
          `Two collectives' Slack bot tokens belong to the same workspace (${authorization.teamId}).`,
        );
      served.configure(authorization);
    }
    const edges = slackEdges(
      connected.map((workspace) => workspace.edge),
      o.log,
    );
    const installed: InstalledWorkspaces | undefined = o.installs
      ? new InstalledWorkspaces(o.installs, served, edges, setting, o.log)
      : undefined;
    this.installed = installed;
    const setUpInChat = (await installed?.connectServed(asFleet(bots))) ?? [];
    const app = new App({
      // Each request is verified by Bolt and handed the token of its own workspace. A workspace no collective
      // is served in gets no token: its listeners answer that Shieldwall isn't set up there.
      ...appAuthorization(o.installs, served, async (teamId) => installed?.reinstalled(teamId)),
      logger: boltLogger(o.log),
      clientOptions: { ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}), ...o.clientOptions },
      ...(o.appToken
        ? { appToken: o.appToken, socketMode: true }
        : { signingSecret: o.signingSecret, customRoutes: healthRoutes(o.ready ?? (async () => true)) }),
    });
    this.app = app;
    // Every request is acknowledged before its work is done, and Slack does not redeliver an acknowledged
    // one: the work is tracked so that stopping (SIGTERM) waits for it instead of closing the ledger under it.
    app.use(async ({ next }) => {
      acks.arrived();
      // The screenshots a request downloaded are held until it is answered, then given back.
      const work = this.screenshots.within(() => next());
      this.inFlight.add(work);
      try {
        await work;
      } finally {
        this.inFlight.delete(work);
      }
    });
    registerSlashCommands(app, edges);
    registerSetup(
      app,
      edges,
      installed && new WorkspaceSetupCommand(installed, served, setting.clientOptions),
    );
    registerUninstall(app, edges, installed);
    registerButtons(app, edges);
    registerModalSubmissions(app, edges);
    registerHomeAndMembership(app, edges);
    registerChannelPrivacy(app, edges);
    app.error(async (error) => {
      o.log.error({ err: describeError(error) }, 'Slack request failed');
    });
    if (o.appToken) {
      await app.start();
    } else {
      this.server = (await app.start({ port: o.port, ...(o.host ? { host: o.host } : {}) })) as Server;
    }
    if (installed) {
      // What other processes on the ledger changed (a workspace's setup, its removal) reaches this one too.
      this.refreshTimer = setInterval(
        () => void installed.refresh(),
        o.installs?.refreshMs ?? DEFAULT_SETUPS_REFRESH_MS,
      );
      this.refreshTimer.unref();
    }
    o.log.info(
      {
        adapter: 'slack',
        mode: o.appToken ? 'socket' : 'http',
        port: this.port,
        workspaces: connected.map(({ authorization }) => authorization.teamId),
        setUpInChat,
      },
      'Slack adapter ready',
    );
  }

  /**
   * Slack serves a file from files.slack.com to a bot of its own workspace, with that workspace's token; tests
   * serve them from the fake API.
   */
  private download(url: string, maxBytes: number, botToken: string): Promise<Uint8Array | undefined> {
    const origins = [
      'https://files.slack.com',
      ...(this.options.apiUrl ? [new URL(this.options.apiUrl).origin] : []),
    ];
    return downloadFile(url, origins, maxBytes, {
      Authorization: `Bearer ${botToken}`,
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.refreshTimer);
    await this.app?.stop();
    this.app = undefined;
    await Promise.allSettled([...this.inFlight]);
    await this.installed?.settled();
  }
}

/** `/healthz` and `/readyz` ride on Bolt's HTTP server in HTTP mode. */
function healthRoutes(ready: ReadinessCheck): CustomRoute[] {
  return ['/healthz', '/readyz'].map((path) => ({
    path,
    method: ['GET'],
    handler: (_request, response) => void answerHealth(path, ready, response),
  }));
}
