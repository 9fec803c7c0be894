import type { ScreenshotBudget } from '../../adapters/screenshot-budget.ts';
import { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import type { Bot } from '../../src/core/chat-adapter.ts';
import type { FlagLimiter } from '../../src/core/limits/member-limits.ts';
import type { CollectiveSettings } from '../../src/core/settings.ts';
import {
  blockActionPayload,
  eventCallback,
  FakeSlack,
  type PostToAppOptions,
  postFormToApp,
  postJsonToApp,
  slashCommandFields,
  uniqueTriggerId,
  viewSubmissionPayload,
} from '../fakes/fake-slack.ts';
import { capturingLogger, createTestBot } from '../support/core-harness.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';

export const TEAM = 'T0TEST';
export const INCIDENTS = 'C0INCIDENT';
export const SECRET = 'test-signing-secret';

/** The people of the fake workspace: three members of the incident channel (one a lead) and an outsider. */
export const USERS = {
  ana: 'UANA',
  ben: 'UBEN',
  lee: 'ULEE',
  out: 'UOUT',
} as const;
export type Person = keyof typeof USERS;

export interface SlackRigOptions {
  socketMode?: boolean;
  incidentChannelPrivate?: boolean;
  /** The incident channel is shared with another organisation (Slack Connect). */
  incidentChannelShared?: boolean;
  /** Display names by user id, overriding the defaults (to inject mentions through a name). */
  displayNames?: Record<string, string>;
  /** Configure a private leads' channel (C0LEADS), where lead alerts and digests go. */
  leadsChannel?: boolean;
  /** The core's clock and settings, for tests that move time through the rally. */
  now?: () => Date;
  settings?: CollectiveSettings;
  /** The bytes of screenshots the adapter may hold at once (the default otherwise). */
  screenshotBudget?: ScreenshotBudget;
  /** Per-member limits on flags (none otherwise). */
  flagLimiter?: FlagLimiter;
}

export const LEADS_CHANNEL = 'C0LEADS';

/**
 * A real SlackAdapter (Bolt inside) on a real ledger, talking to a fake Slack on 127.0.0.1. Tests act as Slack
 * does (signed requests, or Socket Mode envelopes) and read what reached the fake.
 */
export class SlackRig {
  private constructor(
    readonly fake: FakeSlack,
    readonly adapter: SlackAdapter,
    readonly options: SlackRigOptions,
    /** Everything the bot logged, to check that no wording or secret reaches the logs. */
    readonly logs: ReturnType<typeof capturingLogger>,
    /** The core behind the adapter: tests send queued rally messages with `bot.rally.deliverPending()`. */
    readonly bot: Bot,
  ) {}

  static async start(db: TestDatabase, options: SlackRigOptions = {}): Promise<SlackRig> {
    const names = { UANA: 'Ana Reyes', UBEN: 'Ben Okafor', ULEE: 'Lee Park', UOUT: 'Otto Outsider' };
    const fake = await FakeSlack.start({
      teamId: TEAM,
      channels: {
        [INCIDENTS]: {
          isPrivate: options.incidentChannelPrivate ?? true,
          externallyShared: options.incidentChannelShared ?? false,
          members: [USERS.ana, USERS.ben, USERS.lee, 'UBOT'],
        },
        [LEADS_CHANNEL]: { isPrivate: true, members: [USERS.lee, 'UBOT'] },
      },
      users: Object.fromEntries(
        Object.entries(names).map(([id, name]) => [
          id,
          { name: name.split(' ')[0]?.toLowerCase() ?? id, displayName: options.displayNames?.[id] ?? name },
        ]),
      ),
    });
    const logs = capturingLogger('info');
    const adapter = new SlackAdapter({
      botToken: 'xoxb-test-token',
      ...(options.socketMode ? { appToken: 'xapp-test-token' } : { signingSecret: SECRET }),
      incidentChannel: INCIDENTS,
      ...(options.leadsChannel ? { leadsChannel: LEADS_CHANNEL } : {}),
      leads: [USERS.lee],
      port: 0,
      host: '127.0.0.1',
      apiUrl: fake.apiUrl,
      log: logs.log,
      // Real retry behaviour, shorter waits: a 429's Retry-After is still honoured.
      clientOptions: { retryConfig: { retries: 3, factor: 1, minTimeout: 20, maxTimeout: 50 } },
      ...(options.screenshotBudget ? { screenshotBudget: options.screenshotBudget } : {}),
    });
    const bot = createTestBot(db, {
      log: logs.log,
      ...(options.now ? { now: options.now } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.flagLimiter ? { flagLimiter: options.flagLimiter } : {}),
    });
    const rig = new SlackRig(fake, adapter, options, logs, bot);
    await adapter.start(bot);
    if (options.socketMode) await fake.socket.connected();
    return rig;
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${this.adapter.port}/slack/events`;
  }

  async stop(): Promise<void> {
    await this.adapter.stop();
    await this.fake.close();
  }

  /** Types a slash command as `person`; resolves with the HTTP answer and the id of its response URL. */
  async slash(
    person: Person,
    command: string,
    text: string,
    options: PostToAppOptions & { triggerId?: string; responseId?: string } = {},
  ): Promise<{ status: number; body: string; responseId: string }> {
    const responseId = options.responseId ?? `cmd-${uniqueTriggerId()}`;
    const fields = slashCommandFields({
      command: `/${command}`,
      text,
      userId: USERS[person],
      teamId: TEAM,
      channelId: INCIDENTS,
      responseUrl: this.fake.responseUrl(responseId),
      ...(options.triggerId ? { triggerId: options.triggerId } : {}),
    });
    if (this.options.socketMode) {
      await this.fake.socket.send('slash_commands', fields);
      return { status: 200, body: '', responseId };
    }
    return { ...(await postFormToApp(this.eventsUrl, SECRET, fields, options)), responseId };
  }

  /** A slash command, then the private answer it produced, as plain text. */
  async run(person: Person, command: string, text: string): Promise<string> {
    const { responseId } = await this.slash(person, command, text);
    return this.privateReply(responseId);
  }

  async privateReply(responseId: string): Promise<string> {
    const post = await this.waitFor(() => this.fake.responseUrlPosts.find((p) => p.id === responseId));
    return messageText(post.body);
  }

  /** Presses a button of the incident card as `person`. */
  async press(
    person: Person,
    action: string,
    incidentId: number,
  ): Promise<{ status: number; responseId: string }> {
    const responseId = `btn-${uniqueTriggerId()}`;
    const payload = blockActionPayload({
      userId: USERS[person],
      teamId: TEAM,
      channelId: INCIDENTS,
      messageTs: '1700000000.000100',
      actionId: `sw_card_${action}`,
      value: String(incidentId),
      blockId: `incident:${incidentId}`,
      responseUrl: this.fake.responseUrl(responseId),
    });
    const answer = await postFormToApp(this.eventsUrl, SECRET, { payload: JSON.stringify(payload) });
    return { status: answer.status, responseId };
  }

  /** Presses a button of a private message (a rally alert, the consent question) as `person`. */
  async pressReply(person: Person, value: string): Promise<string> {
    const responseId = `reply-${uniqueTriggerId()}`;
    const payload = blockActionPayload({
      userId: USERS[person],
      teamId: TEAM,
      channelId: `D${USERS[person]}`,
      messageTs: '1700000000.000200',
      actionId: 'sw_act_0',
      value,
      responseUrl: this.fake.responseUrl(responseId),
    });
    await postFormToApp(this.eventsUrl, SECRET, { payload: JSON.stringify(payload) });
    return this.privateReply(responseId);
  }

  /**
   * Opens the flag form with an empty /flag, fills in `fields` (block id to value) and sends it: the private
   * answer, or the errors shown in the form.
   */
  async fillFlagForm(person: Person, fields: Record<string, string>): Promise<string> {
    const opened = this.fake.callsTo('views.open').length;
    const { responseId } = await this.slash(person, 'flag', '');
    const open = await this.waitFor(() => this.fake.callsTo('views.open')[opened]);
    const view = open.body.view as { private_metadata: string; id?: string };
    const values: Record<string, Record<string, object>> = {};
    for (const [block, value] of Object.entries(fields)) {
      values[block] = {
        [block]:
          block === 'category' || block === 'channel'
            ? { type: 'static_select', selected_option: { value } }
            : { type: 'plain_text_input', value },
      };
    }
    const answer = await this.submit(person, 'sw_form_flag', values, view.private_metadata);
    if (answer.body) {
      const refused = JSON.parse(answer.body) as { errors?: Record<string, string> };
      if (refused.errors) return Object.values(refused.errors).join('\n');
    }
    return this.privateReply(responseId);
  }

  /** Direct messages the bot sent to `person`, as text. */
  directMessages(person: Person): string[] {
    return this.fake
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === USERS[person])
      .map((call) => messageText(call.body));
  }

  /** Submits a modal as `person`; resolves with the HTTP answer (where modal errors come back). */
  async submit(
    person: Person,
    callbackId: string,
    values: Record<string, Record<string, object>>,
    privateMetadata: string,
    viewId?: string,
  ): Promise<{ status: number; body: string }> {
    const payload = viewSubmissionPayload({
      userId: USERS[person],
      teamId: TEAM,
      callbackId,
      privateMetadata,
      values,
      ...(viewId ? { viewId } : {}),
    });
    return postFormToApp(this.eventsUrl, SECRET, { payload: JSON.stringify(payload) });
  }

  async event(event: object, options: PostToAppOptions = {}): Promise<{ status: number; body: string }> {
    return postJsonToApp(this.eventsUrl, SECRET, eventCallback({ teamId: TEAM, event }), options);
  }

  /** Cards posted to the incident channel, as text (the last update of each wins when `latest`). */
  cardPosts(): string[] {
    return this.fake
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === INCIDENTS)
      .map((call) => messageText(call.body));
  }

  cardUpdates(): string[] {
    return this.fake.callsTo('chat.update').map((call) => messageText(call.body));
  }

  waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
    return waitUntil(probe, timeoutMs, 'the fake Slack');
  }
}

/** Every text a message or view shows (section texts, button labels), in order, as Slack received it. */
export function messageText(body: Record<string, unknown>): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string') parts.push(record.text);
    for (const [key, value] of Object.entries(record))
      if (key !== 'text' || typeof value !== 'string') visit(value);
  };
  visit(body.blocks ?? body.view ?? body);
  return parts.join('\n');
}

/** Slack mrkdwn as a person reads it: entities decoded, `<url>` links shown as the url. */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:[^>|]+)(\|[^>]*)?>/g, '$1')
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
