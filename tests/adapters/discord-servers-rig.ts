import { DiscordAdapter, type DiscordServerOptions } from '../../adapters/discord/discord-adapter.ts';
import { type Bot, fleetOf } from '../../src/core/chat-adapter.ts';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { type DiscordRestCall, FakeDiscord, type GuildSpec } from '../fakes/fake-discord.ts';
import { capturingLogger, createTestBot, testSettings } from '../support/core-harness.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';
import { messageText } from './discord-rig.ts';

const BOT_USER = '1100000000000000001';

/** Three servers of one application: G1 (ontario's), G2 (manitoba's), and G3, which no collective here has. */
export const SERVERS = {
  G1: { guild: '2100000000000000001', incidents: '2100000000000000011', general: '2100000000000000012' },
  G2: { guild: '2200000000000000001', incidents: '2200000000000000011', general: '2200000000000000012' },
  G3: { guild: '2300000000000000001', incidents: '2300000000000000011', general: '2300000000000000012' },
} as const;
export type Server = keyof typeof SERVERS;
const memberRole = (server: Server) => `${SERVERS[server].guild.slice(0, 3)}0000000000000021`;
export const leadRole = (server: Server) => `${SERVERS[server].guild.slice(0, 3)}0000000000000022`;

export const PEOPLE = {
  ana: '1300000000000000001',
  lee: '1300000000000000003',
  bo: '1300000000000000005',
  gus: '1300000000000000007',
} as const;
export type Someone = keyof typeof PEOPLE;

/** Ana is an ontario member, Bo a manitoba one, Gus is only in G3; Lee leads in G1 and is a member in G2. */
function guild(server: Server, members: Partial<Record<Someone, 'member' | 'lead'>>): GuildSpec {
  const { guild: id, incidents, general } = SERVERS[server];
  const view = (who: string, type: 0 | 1) => ({ id: who, type, allow: VIEW_AND_SEND, deny: '0' });
  return {
    guildId: id,
    roles: {
      [memberRole(server)]: { name: 'Collective', permissions: '0' },
      [leadRole(server)]: { name: 'Leads', permissions: '0' },
    },
    channels: {
      [general]: { name: 'general' },
      [incidents]: {
        name: 'incidents',
        permissionOverwrites: [
          { id, type: 0, allow: '0', deny: VIEW_CHANNEL },
          view(memberRole(server), 0),
          view(BOT_USER, 1),
        ],
      },
    },
    members: Object.fromEntries(
      Object.entries(members).map(([person, kind]) => [
        PEOPLE[person as Someone],
        {
          username: person,
          roles: kind === 'lead' ? [memberRole(server), leadRole(server)] : [memberRole(server)],
        },
      ]),
    ),
  };
}

export const COLLECTIVE_OF = { G1: 'ontario', G2: 'manitoba' } as const;

/** One DiscordAdapter serving G1 and G2 for two collectives' bots on one ledger, over a fake Discord. */
export class DiscordServersRig {
  private constructor(
    readonly fake: FakeDiscord,
    readonly adapter: DiscordAdapter,
    readonly bots: Bot[],
  ) {}

  static async start(db: TestDatabase, servers?: DiscordServerOptions[]): Promise<DiscordServersRig> {
    const { guildId, ...first } = guild('G1', { ana: 'member', lee: 'lead' });
    const fake = await FakeDiscord.start({
      guildId,
      ...first,
      otherGuilds: [guild('G2', { bo: 'member', lee: 'member' }), guild('G3', { gus: 'member' })],
      heartbeatIntervalMs: 300,
    });
    const logs = capturingLogger('info');
    const bots = Object.values(COLLECTIVE_OF).map((collectiveId) =>
      createTestBot(db, { log: logs.log, settings: { ...testSettings, collectiveId } }),
    );
    const served = (server: 'G1' | 'G2'): DiscordServerOptions => ({
      collectiveId: COLLECTIVE_OF[server],
      guildId: SERVERS[server].guild,
      incidentChannel: SERVERS[server].incidents,
      leadRole: leadRole(server),
    });
    const adapter = new DiscordAdapter({
      token: 'discord-test-token',
      servers: servers ?? [served('G1'), served('G2')],
      apiUrl: fake.apiUrl,
      log: logs.log,
    });
    try {
      await adapter.start(fleetOf(bots));
    } catch (error) {
      await adapter.stop();
      await fake.close();
      throw error;
    }
    return new DiscordServersRig(fake, adapter, bots);
  }

  async stop(): Promise<void> {
    await this.adapter.stop();
    await this.fake.close();
  }

  /** A slash command in the server's #general; resolves with what the person was shown. */
  async run(server: Server, person: Someone, name: string, options: Record<string, string> = {}) {
    const id = await this.fake.interact({
      kind: 'command',
      name,
      userId: PEOPLE[person],
      channelId: SERVERS[server].general,
      options: Object.entries(options).map(([option, value]) => ({ name: option, type: 3, value })),
    });
    return this.answer(id);
  }

  /** A button on a message of the server's incident channel. */
  async press(server: Server, person: Someone, customId: string, messageId: string) {
    const id = await this.fake.interact({
      kind: 'button',
      customId,
      userId: PEOPLE[person],
      channelId: SERVERS[server].incidents,
      messageId,
    });
    return this.answer(id);
  }

  /** A button on a direct message from the bot (a rally alert's), which comes from no server. */
  async pressInDm(person: Someone, customId: string, messageId = '1399999999999999999') {
    const id = await this.fake.interact({
      kind: 'button',
      customId,
      userId: PEOPLE[person],
      channelId: this.fake.openDm(PEOPLE[person]),
      messageId,
    });
    return this.answer(id);
  }

  /** The reply, or the edit after a deferred reply, with the callback it began with. */
  async answer(interactionId: string): Promise<{ text: string; callback: DiscordRestCall }> {
    const callback = await this.fake.waitForCallback(interactionId);
    const shown = await waitUntil(
      () => {
        const calls = this.fake.callbacksFor(interactionId);
        const type = (callback.body as { type?: number }).type;
        if (type === 4) return callback.body;
        return calls.find((c) => c.method === 'PATCH')?.body;
      },
      5000,
      'the fake Discord',
    );
    return { text: messageText(shown), callback };
  }

  cardPosts(server: Server): DiscordRestCall[] {
    return this.fake.callsTo('POST', new RegExp(`^/channels/${SERVERS[server].incidents}/messages$`));
  }

  cardEdits(server: Server): DiscordRestCall[] {
    return this.fake.callsTo('PATCH', new RegExp(`^/channels/${SERVERS[server].incidents}/messages/\\d+$`));
  }

  /** The id of the first card posted in the server's incident channel. */
  async firstCard(server: Server): Promise<string> {
    const channel = SERVERS[server].incidents;
    await this.fake.waitForCalls('POST', new RegExp(`^/channels/${channel}/messages$`));
    const id = [...this.fake.messages.entries()].find(([, message]) => message.channel_id === channel)?.[0];
    if (!id) throw new Error(`no card in ${server}`);
    return id;
  }

  async idle(): Promise<void> {
    await Promise.all(this.bots.map((bot) => bot.idle()));
  }
}
