import type { Server } from 'node:http';
import type { webApi } from '@slack/bolt';
import { App, type CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import { answerHealth, type ReadinessCheck } from '../../src/app/health-routes.ts';
import type { Bot, ChatAdapter } from '../../src/core/chat-adapter.ts';
import { MAX_SCREENSHOT_BYTES } from '../../src/core/commands/flag-args.ts';
import { describeError } from '../../src/core/run-command.ts';
import { downloadFile } from '../download-file.ts';
import { paced } from '../paced.ts';
import { DEFAULT_SCREENSHOT_BUDGET_BYTES, ScreenshotBudget } from '../screenshot-budget.ts';
import { withContent } from '../screenshots.ts';
import { AckFirst } from './ack-first.ts';
import { boltLogger } from './bolt-logger.ts';
import { ChannelMembers } from './channel-members.ts';
import { slackChannelPrivacy } from './channel-privacy.ts';
import { registerButtons } from './listeners/buttons.ts';
import { registerChannelPrivacy } from './listeners/channel-privacy.ts';
import { registerHomeAndMembership } from './listeners/home-and-membership.ts';
import { registerModalSubmissions } from './listeners/modal-submissions.ts';
import { registerSlashCommands } from './listeners/slash-commands.ts';
import { renderCard, renderReply } from './render-blocks.ts';
import { NO_UNFURL, responseUrlOrigins } from './response-url.ts';
import { SlackAccess } from './slack-access.ts';
import type { SlackEdge } from './slack-edge.ts';
import { slackChannelDestination, slackMemberId, slackUserOf } from './slack-ids.ts';
import { checkPrivateChannel, SlackSetupError } from './startup-checks.ts';
import { UserNames } from './user-names.ts';

export interface SlackAdapterOptions {
  botToken: string;
  /** HTTP mode: requests to POST /slack/events are verified with it. */
  signingSecret?: string;
  /** Socket Mode when set: no public URL needed. */
  appToken?: string;
  incidentChannel: string;
  leadsChannel?: string;
  leads: readonly string[];
  port: number;
  /** Interface to listen on in HTTP mode (all by default). */
  host?: string;
  /** Web API base URL, `https://slack.com/api/` by default; tests point it at a fake. */
  apiUrl?: string;
  log: Logger;
  /** Private messages (rally alerts) sent per second at most; 429s beyond it are still waited out. */
  messagesPerSecond?: number;
  /** Answers `/readyz` in HTTP mode (the ledger answers). */
  ready?: ReadinessCheck;
  /** Extra Web API client settings (tests shorten the retry waits). */
  clientOptions?: webApi.WebClientOptions;
  /** The bytes of screenshots the process holds at once, shared with its other adapters. */
  screenshotBudget?: ScreenshotBudget;
}

// Messages we post never unfurl: a preview of the abusive post would put its content in the channel.

/** The Slack edge: Bolt in HTTP or Socket Mode, drawing the core's replies and cards in Block Kit. */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack';
  private app: App | undefined;
  private server: Server | undefined;
  /** Requests acknowledged to Slack whose work is still running: stop() lets them finish. */
  private readonly inFlight = new Set<Promise<void>>();

  private readonly screenshots: ScreenshotBudget;

  constructor(private readonly options: SlackAdapterOptions) {
    this.screenshots = options.screenshotBudget ?? new ScreenshotBudget(DEFAULT_SCREENSHOT_BUDGET_BYTES);
  }

  /** The HTTP port actually listened on (HTTP mode), useful when asked for port 0. */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async start(bot: Bot): Promise<void> {
    const o = this.options;
    if (!o.appToken && !o.signingSecret)
      throw new SlackSetupError('Slack needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).');
    const clientOptions: webApi.WebClientOptions = {
      ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
      ...o.clientOptions,
    };
    const app = new App({
      token: o.botToken,
      logger: boltLogger(o.log),
      clientOptions,
      ...(o.appToken
        ? { appToken: o.appToken, socketMode: true }
        : { signingSecret: o.signingSecret, customRoutes: healthRoutes(o.ready ?? (async () => true)) }),
    });
    this.app = app;
    const client = app.client;
    const auth = await client.auth.test();
    if (!auth.team_id)
      throw new SlackSetupError('Slack did not say which workspace the bot token belongs to.');
    await checkPrivateChannel(client, 'SLACK_INCIDENT_CHANNEL', o.incidentChannel);
    if (o.leadsChannel) await checkPrivateChannel(client, 'SLACK_LEADS_CHANNEL', o.leadsChannel);
    const members = new ChannelMembers(client, o.incidentChannel);
    await members.refresh();
    const names = new UserNames(client);
    const teamId = auth.team_id;
    const access = new SlackAccess(teamId, members, new Set(o.leads), names);
    const leadsChannel = o.leadsChannel ? [slackMemberId(teamId, o.leadsChannel)] : [];
    bot.attach('slack', {
      cards: {
        destination: slackChannelDestination(teamId, o.incidentChannel),
        post: async (card) => {
          const posted = await client.chat.postMessage({
            channel: o.incidentChannel,
            // The channel reads the card: the collective's language.
            ...renderCard(card, await bot.speak(undefined)),
            ...NO_UNFURL,
          });
          if (!posted.ts) throw new Error('Slack posted the card without a timestamp');
          return posted.ts;
        },
        update: async (ts, card) => {
          await client.chat.update({
            channel: o.incidentChannel,
            ts,
            ...renderCard(card, await bot.speak(undefined)),
          });
        },
        // Asked before every card is posted or redrawn: Slack tells no bot when a channel is made public.
        privacy: () => slackChannelPrivacy(client, o.incidentChannel),
      },
      directMessages: paced(o.messagesPerSecond, async (recipient, reply) => {
        const target = slackUserOf(recipient, teamId);
        if (!target) throw new Error('that Slack recipient belongs to another workspace');
        // A user id opens (or reuses) the direct message with the bot; a channel id posts in the channel.
        // Only the id is read: the member's /language choice, else the collective's (also a channel's).
        const t = await bot.speak({ id: recipient, name: '', isLead: false });
        const posted = await client.chat.postMessage({
          channel: target,
          ...renderReply(reply, t),
          ...NO_UNFURL,
        });
        if (reply.image && posted.channel) {
          await client.files.uploadV2({
            channel_id: posted.channel,
            file: Buffer.from(reply.image.png),
            filename: reply.image.filename,
            title: reply.image.description,
            alt_text: reply.image.description,
          });
        }
        // Where it landed: a direct message's own channel (D…), not the user id it was addressed to.
        return posted.channel && posted.ts ? `${posted.channel} ${posted.ts}` : undefined;
      }),
      redrawPrivateMessage: async (landed, reply) => {
        const [channel, ts] = landed.split(' ');
        if (!channel || !ts) throw new Error('not where a Slack message landed');
        await client.chat.update({ channel, ts, ...renderReply(reply, await bot.speak(undefined)) });
      },
      // Without a leads' channel, critical incidents reach each lead by direct message.
      leadChannel: {
        alerts: () => (o.leadsChannel ? leadsChannel : o.leads.map((lead) => slackMemberId(teamId, lead))),
        digests: () => leadsChannel,
      },
      fileDelivery: true,
      membership: {
        isMember: async (memberId) => {
          const user = slackUserOf(memberId, teamId);
          return user !== undefined && (await access.isMember(user));
        },
      },
    });
    // Whoever left the channel while no bot was running stops being a responder now.
    await bot.reconcileMembers('slack');
    const acks = new AckFirst();
    const edge: SlackEdge = {
      bot,
      client,
      teamId,
      incidentChannel: o.incidentChannel,
      members,
      access,
      names,
      fetchScreenshots: (files) =>
        withContent(
          files,
          (url, maxBytes) => this.download(url, maxBytes),
          this.screenshots,
          MAX_SCREENSHOT_BYTES,
        ),
      log: o.log,
      responseUrlOrigins: responseUrlOrigins(o.apiUrl),
      ackFirst: (ack) => acks.ack(ack),
    };
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
    registerSlashCommands(app, edge);
    registerButtons(app, edge);
    registerModalSubmissions(app, edge);
    registerHomeAndMembership(app, edge);
    registerChannelPrivacy(app, edge);
    app.error(async (error) => {
      o.log.error({ err: describeError(error) }, 'Slack request failed');
    });
    if (o.appToken) {
      await app.start();
    } else {
      this.server = (await app.start({ port: o.port, ...(o.host ? { host: o.host } : {}) })) as Server;
    }
    o.log.info(
      { adapter: 'slack', mode: o.appToken ? 'socket' : 'http', port: this.port },
      'Slack adapter ready',
    );
  }

  /** Slack serves files to the bot from files.slack.com with its token; tests serve them from the fake API. */
  private download(url: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const origins = [
      'https://files.slack.com',
      ...(this.options.apiUrl ? [new URL(this.options.apiUrl).origin] : []),
    ];
    return downloadFile(url, origins, maxBytes, {
      Authorization: `Bearer ${this.options.botToken}`,
    });
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    this.app = undefined;
    await Promise.allSettled([...this.inFlight]);
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
