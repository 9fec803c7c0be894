import { DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import type { Bot } from '../../src/core/chat-adapter.ts';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { type DiscordRestCall, FakeDiscord } from '../fakes/fake-discord.ts';
import { capturingLogger, createTestBot } from '../support/core-harness.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';

export const GUILD = '1100000000000000002';
export const INCIDENTS = '1200000000000000020';
export const GENERAL = '1200000000000000021';
export const MEMBER_ROLE = '1200000000000000010';
export const LEAD_ROLE = '1200000000000000011';

const BOT_USER = '1100000000000000001';

/** An overwrite letting a role (0) or a member (1) view the channel and post in it. */
function canViewAndSend(id: string, type: 0 | 1) {
  return { id, type, allow: VIEW_AND_SEND, deny: '0' };
}

/** Three members of the collective (one a lead) and someone else on the same server. */
export const USERS = {
  ana: '1300000000000000001',
  ben: '1300000000000000002',
  lee: '1300000000000000003',
  out: '1300000000000000004',
} as const;
export type Person = keyof typeof USERS;

export interface DiscordRigOptions {
  /** Leave the incident channel open to @everyone (start-up must refuse it). */
  incidentChannelPublic?: boolean;
  /** Reuse a bot (Slack and Discord in one process on one ledger). */
  bot?: Bot;
  /** Display names by person, overriding the defaults (to inject mentions through a name). */
  globalNames?: Partial<Record<Person, string>>;
  /** Configure the leads' private channel, where lead alerts and digests go. */
  leadsChannel?: boolean;
  /** The lead role the adapter is configured with, if not the rig's Leads role. */
  leadRole?: string;
}

export const LEADS_CHANNEL = '1200000000000000022';

/**
 * A real DiscordAdapter (a discord.js Client inside) on a real ledger, connected to a fake Discord gateway
 * and REST API on 127.0.0.1. Tests send interactions as Discord does and read what reached the fake.
 */
export class DiscordRig {
  private constructor(
    readonly fake: FakeDiscord,
    readonly adapter: DiscordAdapter,
    readonly logs: ReturnType<typeof capturingLogger>,
    /** The core behind the adapter: tests send queued rally messages with `bot.rally.deliverPending()`. */
    readonly bot: Bot,
  ) {}

  static async start(db: TestDatabase, options: DiscordRigOptions = {}): Promise<DiscordRig> {
    const names = { ana: 'Ana Reyes', ben: 'Ben Okafor', lee: 'Lee Park', out: 'Otto Outsider' };
    const fake = await FakeDiscord.start({
      guildId: GUILD,
      roles: {
        [MEMBER_ROLE]: { name: 'Collective', permissions: '0' },
        [LEAD_ROLE]: { name: 'Leads', permissions: '0' },
      },
      channels: {
        [GENERAL]: { name: 'general' },
        [LEADS_CHANNEL]: {
          name: 'leads',
          permissionOverwrites: [
            { id: GUILD, type: 0, allow: '0', deny: VIEW_CHANNEL },
            canViewAndSend(LEAD_ROLE, 0),
            canViewAndSend(BOT_USER, 1),
          ],
        },
        [INCIDENTS]: {
          name: 'incidents',
          permissionOverwrites: [
            ...(options.incidentChannelPublic
              ? []
              : [{ id: GUILD, type: 0 as const, allow: '0', deny: VIEW_CHANNEL }]),
            canViewAndSend(MEMBER_ROLE, 0),
            canViewAndSend(BOT_USER, 1),
          ],
        },
      },
      members: Object.fromEntries(
        (Object.keys(USERS) as Person[]).map((person) => [
          USERS[person],
          {
            username: person,
            globalName: options.globalNames?.[person] ?? names[person],
            roles: person === 'out' ? [] : person === 'lee' ? [MEMBER_ROLE, LEAD_ROLE] : [MEMBER_ROLE],
          },
        ]),
      ),
      heartbeatIntervalMs: 300,
    });
    const logs = capturingLogger('info');
    const adapter = new DiscordAdapter({
      token: 'discord-test-token',
      incidentChannel: INCIDENTS,
      ...(options.leadsChannel ? { leadsChannel: LEADS_CHANNEL } : {}),
      leadRole: options.leadRole ?? LEAD_ROLE,
      apiUrl: fake.apiUrl,
      log: logs.log,
    });
    const bot = options.bot ?? createTestBot(db, { log: logs.log });
    const rig = new DiscordRig(fake, adapter, logs, bot);
    try {
      await adapter.start(bot);
    } catch (error) {
      await adapter.stop();
      await fake.close();
      throw error;
    }
    return rig;
  }

  async stop(): Promise<void> {
    await this.adapter.stop();
    await this.fake.close();
  }

  /** Runs a slash command as `person` in #general; resolves with the interaction id. */
  command(person: Person, name: string, options: Record<string, unknown> = {}, id?: string): Promise<string> {
    const types: Record<string, number> = { string: 3, boolean: 5 };
    return this.fake.interact({
      kind: 'command',
      name,
      userId: USERS[person],
      channelId: GENERAL,
      options: Object.entries(options).map(([option, value]) =>
        typeof value === 'object' && value && 'user' in value
          ? { name: option, type: 6, value: (value as { user: string }).user }
          : { name: option, type: types[typeof value] ?? 3, value },
      ),
      ...(id ? { id } : {}),
    });
  }

  /** A slash command, then the private answer it produced, as text. */
  async run(person: Person, name: string, options: Record<string, unknown> = {}): Promise<string> {
    return this.answer(await this.command(person, name, options));
  }

  press(person: Person, customId: string, messageId: string): Promise<string> {
    return this.fake.interact({
      kind: 'button',
      customId,
      userId: USERS[person],
      channelId: INCIDENTS,
      messageId,
    });
  }

  submitForm(person: Person, customId: string, fields: Record<string, string>): Promise<string> {
    return this.fake.interact({ kind: 'modal', customId, fields, userId: USERS[person], channelId: GENERAL });
  }

  /** What the person was shown for an interaction: the reply, or the edit after a deferred reply. */
  async answer(interactionId: string): Promise<string> {
    const shown = await this.waitFor(() => {
      const calls = this.fake.callbacksFor(interactionId);
      const callback = calls.find((c) => c.path.endsWith('/callback'));
      const type = (callback?.body as { type?: number } | undefined)?.type;
      if (type === 4 || type === 7 || type === 9) return callback?.body;
      return calls.find((c) => c.method === 'PATCH')?.body;
    });
    return messageText(shown);
  }

  /** The interaction callback (reply, defer, modal) as Discord received it. */
  callback(interactionId: string): Promise<DiscordRestCall> {
    return this.fake.waitForCallback(interactionId);
  }

  /** Direct messages the bot sent to `person`, as text: posts to the channel it opened with them. */
  directMessages(person: Person): string[] {
    const channel = this.fake.dmChannelOf(USERS[person]);
    return this.fake
      .callsTo('POST', /^\/channels\/\d+\/messages$/)
      .filter((call) => channel !== undefined && call.path === `/channels/${channel}/messages`)
      .map((call) => messageText(call.body));
  }

  cardPosts(): DiscordRestCall[] {
    return this.fake.callsTo('POST', new RegExp(`^/channels/${INCIDENTS}/messages$`));
  }

  cardEdits(): DiscordRestCall[] {
    return this.fake.callsTo('PATCH', new RegExp(`^/channels/${INCIDENTS}/messages/\\d+$`));
  }

  async firstCard(): Promise<{ id: string; text: string; body: unknown }> {
    const [post] = await this.fake.waitForCalls('POST', new RegExp(`^/channels/${INCIDENTS}/messages$`));
    const id = [...this.fake.messages.entries()].find(([, message]) => message.channel_id === INCIDENTS)?.[0];
    if (!post || !id) throw new Error('no card');
    return { id, text: messageText(post.body), body: post.body };
  }

  waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
    return waitUntil(probe, timeoutMs, 'the fake Discord');
  }
}

/** Every text a message shows: content, embed titles and descriptions, field texts, button labels. */
export function messageText(body: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (
        ['content', 'title', 'description', 'label', 'name', 'value', 'placeholder'].includes(key) &&
        typeof value === 'string'
      ) {
        parts.push(value);
      } else {
        visit(value);
      }
    }
  };
  visit(body);
  return parts.join('\n');
}

/** Discord markdown as a person reads it: backslash escapes and bold markers dropped, `<url>` shown as the url. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/\\(.)/g, '$1');
}
