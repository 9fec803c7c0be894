import { DEFAULT_EVERYONE_PERMISSIONS } from './discord-permissions.ts';

/** A JSON object as sent on the wire. */
export type Json = Record<string, unknown>;

export interface PermissionOverwriteSpec {
  id: string;
  /** 0 = role, 1 = member */
  type: 0 | 1;
  allow: string;
  deny: string;
}
export interface ChannelSpec {
  name?: string;
  /** Discord channel type; 0 (guild text) by default. */
  type?: number;
  permissionOverwrites?: PermissionOverwriteSpec[];
}
export interface RoleSpec {
  name: string;
  permissions: string;
}
export interface MemberSpec {
  username: string;
  globalName?: string;
  roles: string[];
  /** The language of their Discord client, sent as each interaction's `locale`; `en-US` by default. */
  locale?: string;
}
export interface FakeDiscordOptions {
  applicationId?: string;
  /** Defaults to the application id (as for real bots). */
  botUserId?: string;
  guildId?: string;
  guildName?: string;
  /** The guild owner gets every permission; by default a user that is not among the members. */
  ownerId?: string;
  /** Channels in GUILD_CREATE; by default one text channel `general` with id DEFAULT_CHANNEL_ID. */
  channels?: Record<string, ChannelSpec>;
  /** Guild roles; the @everyone role id === guildId (added with DEFAULT_EVERYONE_PERMISSIONS when missing). */
  roles?: Record<string, RoleSpec>;
  /** Guild members (userId -> ...). The bot is added as a member without roles unless listed here. */
  members?: Record<string, MemberSpec>;
  /** op 10 HELLO heartbeat_interval; 500 ms by default. */
  heartbeatIntervalMs?: number;
  /** More servers the bot is in (one application in several), each with its own channels, roles and members. */
  otherGuilds?: GuildSpec[];
}

/** One more server: what FakeDiscordOptions says of the first, for another guild id. */
export type GuildSpec = Pick<
  FakeDiscordOptions,
  'guildName' | 'ownerId' | 'channels' | 'roles' | 'members'
> & {
  guildId: string;
};

export const DEFAULT_APPLICATION_ID = '1100000000000000001';
export const DEFAULT_GUILD_ID = '1100000000000000002';
export const DEFAULT_CHANNEL_ID = '1100000000000000003';
export const DEFAULT_OWNER_ID = '1100000000000000004';

/** The fake's view of a guild the bot is in: the first one, which lists the others. */
export interface DiscordWorld {
  applicationId: string;
  botUserId: string;
  guildId: string;
  guildName: string;
  ownerId: string;
  channels: Map<string, Required<ChannelSpec>>;
  roles: Map<string, RoleSpec>;
  members: Map<string, MemberSpec>;
  joinedAt: string;
  /** The other guilds the bot is in (none unless FakeDiscordOptions.otherGuilds); theirs is always empty. */
  otherGuilds: DiscordWorld[];
}

export function makeWorld(options: FakeDiscordOptions): DiscordWorld {
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const botUserId = options.botUserId ?? applicationId;
  const guildId = options.guildId ?? DEFAULT_GUILD_ID;
  const channelSpecs = options.channels ?? { [DEFAULT_CHANNEL_ID]: { name: 'general' } };
  const channels = new Map(
    Object.entries(channelSpecs).map(([id, c]) => [
      id,
      {
        name: c.name ?? `channel-${id}`,
        type: c.type ?? 0,
        permissionOverwrites: c.permissionOverwrites ?? [],
      },
    ]),
  );
  const roles = new Map<string, RoleSpec>([
    [guildId, { name: '@everyone', permissions: String(DEFAULT_EVERYONE_PERMISSIONS) }],
    ...Object.entries(options.roles ?? {}),
  ]);
  const members = new Map(Object.entries(options.members ?? {}));
  if (!members.has(botUserId)) members.set(botUserId, { username: 'fake-bot', roles: [] });
  return {
    applicationId,
    botUserId,
    guildId,
    guildName: options.guildName ?? 'Fake Guild',
    ownerId: options.ownerId ?? DEFAULT_OWNER_ID,
    channels,
    roles,
    members,
    joinedAt: new Date(Date.now() - 86_400_000).toISOString(),
    otherGuilds: (options.otherGuilds ?? []).map((guild) =>
      makeWorld({ ...guild, applicationId, botUserId, otherGuilds: [] }),
    ),
  };
}

/** Every guild the bot is in, the first one first. */
export function guildsOf(world: DiscordWorld): DiscordWorld[] {
  return [world, ...world.otherGuilds];
}

export function guildWorld(world: DiscordWorld, guildId: string | undefined): DiscordWorld | undefined {
  return guildsOf(world).find((guild) => guild.guildId === guildId);
}

/** The guild a channel is in; the first guild for a channel no guild has (a direct message's). */
export function channelWorld(world: DiscordWorld, channelId: string): DiscordWorld {
  return guildsOf(world).find((guild) => guild.channels.has(channelId)) ?? world;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;
/** A real-looking, unique, increasing snowflake (discord.js derives createdAt from it). */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment);
}

export function userObject(world: DiscordWorld, id: string): Json {
  // A user is the same in every guild; only their membership differs.
  const member = guildsOf(world)
    .find((guild) => guild.members.has(id))
    ?.members.get(id);
  return {
    id,
    username: member?.username ?? `user${id}`,
    global_name: member?.globalName ?? null,
    discriminator: '0',
    avatar: null,
    public_flags: 0,
    ...(id === world.botUserId ? { bot: true } : {}),
  };
}

export function memberObject(world: DiscordWorld, id: string): Json | undefined {
  const member = world.members.get(id);
  if (!member) return undefined;
  return {
    user: userObject(world, id),
    roles: member.roles,
    nick: null,
    avatar: null,
    joined_at: world.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function roleObject(world: DiscordWorld, id: string, position: number): Json | undefined {
  const role = world.roles.get(id);
  if (!role) return undefined;
  return {
    id,
    name: role.name,
    permissions: role.permissions,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function channelObject(world: DiscordWorld, id: string): Json | undefined {
  const channel = world.channels.get(id);
  if (!channel) return undefined;
  return {
    id,
    type: channel.type,
    guild_id: world.guildId,
    name: channel.name,
    position: [...world.channels.keys()].indexOf(id),
    permission_overwrites: channel.permissionOverwrites,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function guildObject(world: DiscordWorld): Json {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.ownerId,
    application_id: null,
    afk_channel_id: null,
    afk_timeout: 300,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    features: [],
    widget_enabled: false,
    widget_channel_id: null,
    roles: [...world.roles.keys()].map((id, position) => roleObject(world, id, position)),
    emojis: [],
    stickers: [],
    incidents_data: null,
  };
}

/** The GUILD_CREATE dispatch payload: the guild plus the gateway-only fields discord.js caches from. */
export function guildCreateObject(world: DiscordWorld): Json {
  return {
    ...guildObject(world),
    unavailable: false,
    large: false,
    lazy: true,
    joined_at: world.joinedAt,
    member_count: world.members.size,
    channels: [...world.channels.keys()].map((id) => channelObject(world, id)),
    threads: [],
    members: [...world.members.keys()].map((id) => memberObject(world, id)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
