import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { asFleet, type Bot, type ChatAdapter, type Fleet } from '../../src/core/chat-adapter.ts';
import { MAX_SCREENSHOT_BYTES } from '../../src/core/commands/flag-args.ts';
import { describeError } from '../../src/core/run-command.ts';
import { downloadFile } from '../download-file.ts';
import { DEFAULT_SCREENSHOT_BUDGET_BYTES, ScreenshotBudget } from '../screenshot-budget.ts';
import { withContent } from '../screenshots.ts';
import { type DiscordServerOptions, planServers } from './discord-server-options.ts';
import { DiscordServers } from './discord-servers.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { routeInteraction } from './listeners/interactions.ts';
import { MEMBERSHIP_EVENTS, onMembershipChanges } from './listeners/membership.ts';
import { openServer } from './open-server.ts';

export type { DiscordServerOptions } from './discord-server-options.ts';
export { DiscordSetupError } from './discord-setup-error.ts';

export interface DiscordAdapterOptions {
  token: string;
  /**
   * The environment's one server: its incident channel (the server is the channel's), leads' channel and lead
   * role, served by the one bot `start` is given. Required unless `servers` is given.
   */
  incidentChannel?: string;
  leadsChannel?: string;
  leadRole?: string;
  /**
   * Several servers, one application: each served by its collective's bot, from the fleet `start` is given.
   * When given, the three options above are not read.
   */
  servers?: DiscordServerOptions[];
  /** REST base URL, `https://discord.com/api` by default; tests point it at a fake. */
  apiUrl?: string;
  log: Logger;
  /** Private messages (rally alerts) sent per second at most; 429s beyond it are still waited out. */
  messagesPerSecond?: number;
  /** The bytes of screenshots the process holds at once, shared with its other adapters. */
  screenshotBudget?: ScreenshotBudget;
}

/** The Discord edge: one discord.js gateway client, drawing the core's replies and cards as embeds. */
export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord';
  private client: Client | undefined;
  /** Interactions whose work is still running: stop() lets them finish. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: DiscordAdapterOptions) {}

  async start(bots: Bot | Fleet): Promise<void> {
    const o = this.options;
    const plans = planServers(o, o.servers, asFleet(bots));
    const budget = o.screenshotBudget ?? new ScreenshotBudget(DEFAULT_SCREENSHOT_BUDGET_BYTES);
    const client = new Client({
      // Guilds alone gives the roles, channels and overwrites that decide who can see the incident channel.
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: NO_MENTIONS,
      ...(o.apiUrl ? { rest: { api: o.apiUrl } } : {}),
    });
    this.client = client;
    client.on(Events.Error, (error) => o.log.error({ err: describeError(error) }, 'Discord client error'));
    client.rest.on('rateLimited', (info) =>
      o.log.warn({ route: info.route, retryAfterMs: info.retryAfter }, 'Discord rate limit: waiting'),
    );
    const ready = once(client, Events.ClientReady);
    await client.login(o.token);
    await ready;
    const shared = {
      client,
      log: o.log,
      messagesPerSecond: o.messagesPerSecond,
      // Attachments live on Discord's CDN; tests serve them from the fake API.
      fetchScreenshots: (files: unknown[]) =>
        withContent(
          files,
          (url, maxBytes) =>
            downloadFile(
              url,
              [
                'https://cdn.discordapp.com',
                'https://media.discordapp.net',
                ...(o.apiUrl ? [new URL(o.apiUrl).origin] : []),
              ],
              maxBytes,
            ),
          budget,
          MAX_SCREENSHOT_BYTES,
        ),
    };
    const edges = [];
    for (const plan of plans) edges.push(await openServer(shared, plan));
    const servers = new DiscordServers(edges);
    client.on(Events.InteractionCreate, (interaction) => {
      // The screenshots an interaction downloaded are held until it is answered, then given back.
      const work = budget
        .within(() => routeInteraction(servers, interaction))
        .catch((error: unknown) => o.log.error({ err: describeError(error) }, 'Discord interaction failed'))
        .finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    onMembershipChanges(client, servers, o.log, (update) => {
      const work: Promise<void> = update.then(() => {
        this.inFlight.delete(work);
      });
      this.inFlight.add(work);
    });
    const guilds = edges.map((edge) => edge.access.guildId);
    o.log.info({ adapter: 'discord', guilds }, 'Discord adapter ready');
  }

  async stop(): Promise<void> {
    // Interactions already under way finish first (their answers and cards need the client); no new ones start.
    this.client?.removeAllListeners(Events.InteractionCreate);
    for (const event of MEMBERSHIP_EVENTS) this.client?.removeAllListeners(event);
    await Promise.allSettled([...this.inFlight]);
    await this.client?.destroy();
    this.client = undefined;
  }
}
