import { channelPermissions } from './discord-permissions.ts';
import {
  channelObject,
  type DiscordWorld,
  type Json,
  memberObject,
  snowflake,
  userObject,
} from './discord-world.ts';

export type DiscordInteraction =
  | {
      kind: 'command';
      name: string;
      options?: { name: string; type: number; value: unknown }[];
      userId: string;
      channelId: string;
      /** Added to `data.resolved.users` (and `members` when the user is a guild member). USER options (type 6) naming a member are resolved automatically. */
      resolvedUsers?: Record<string, { username: string; globalName?: string }>;
      /** Keyed by attachment id (the ATTACHMENT option's value). */
      resolvedAttachments?: Record<
        string,
        { filename: string; size: number; content_type?: string; url?: string }
      >;
      /** Reuse an id to simulate redelivery (same token too). */
      id?: string;
      /**
       * The member's client language (`fr`). Options may then be named as that client shows them (a registered
       * `name_localizations`): Discord sends each under its canonical name, and so does the fake.
       */
      locale?: string;
    }
  | {
      kind: 'button';
      customId: string;
      userId: string;
      /** In a direct message: the bot's DM channel with the user (`FakeDiscord.openDm`). */
      channelId: string;
      messageId: string;
      id?: string;
    }
  | {
      kind: 'select';
      customId: string;
      /** The chosen options of a string select menu. */
      values: string[];
      userId: string;
      channelId: string;
      messageId: string;
      id?: string;
    }
  | {
      kind: 'modal';
      customId: string;
      fields: Record<string, string>;
      userId: string;
      channelId: string;
      /** 'actionRow' (type 1 rows, the legacy shape; default) or 'label' (type 18, what Discord sends for Label modals). discord.js 14.28 reads both. */
      shape?: 'actionRow' | 'label';
      /** For a modal opened from a button: the button's message (makes `interaction.update()` possible). */
      messageId?: string;
      id?: string;
    };

export interface MessageInit {
  id?: string;
  channelId: string;
  guildId?: string | null;
  author: Json;
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  attachments?: unknown;
  flags?: unknown;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: Json;
  messageReference?: unknown;
}

/** A message object as Discord returns it (discord.js needs `embeds` and `components` arrays at least). */
export function messageObject(init: MessageInit): Json {
  const message: Json = {
    id: init.id ?? snowflake(),
    type: init.interactionMetadata ? 20 : init.messageReference ? 19 : 0,
    channel_id: init.channelId,
    author: init.author,
    content: typeof init.content === 'string' ? init.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: Array.isArray(init.attachments) ? init.attachments : [],
    embeds: Array.isArray(init.embeds) ? init.embeds : [],
    components: Array.isArray(init.components) ? init.components : [],
    pinned: false,
    flags: typeof init.flags === 'number' ? init.flags : 0,
  };
  if (init.guildId) message.guild_id = init.guildId;
  if (init.webhookId) message.webhook_id = init.webhookId;
  if (init.applicationId) message.application_id = init.applicationId;
  if (init.interactionMetadata) message.interaction_metadata = init.interactionMetadata;
  if (init.messageReference) message.message_reference = init.messageReference;
  return message;
}

/** Applies a PATCH body (content, embeds, components, flags, attachments) to a stored message. */
export function editMessage(message: Json, patch: Json): Json {
  const edited: Json = { ...message, edited_timestamp: new Date().toISOString() };
  for (const key of ['content', 'embeds', 'components', 'attachments'] as const)
    if (key in patch) edited[key] = patch[key] ?? (key === 'content' ? '' : []);
  if (typeof patch.flags === 'number') edited.flags = patch.flags;
  return edited;
}

/** The message a button sits on, when the test did not create it through the fake first. */
export function defaultButtonMessage(
  world: DiscordWorld,
  messageId: string,
  channelId: string,
  customId: string,
  /** null in a direct message. */
  guildId: string | null = world.guildId,
): Json {
  return messageObject({
    id: messageId,
    channelId,
    guildId,
    author: userObject(world, world.botUserId),
    content: 'A message with a button',
    components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Button', custom_id: customId }] }],
  });
}

const INTERACTION_TYPE = { command: 2, button: 3, select: 3, modal: 5 } as const;

export interface BuiltInteraction {
  id: string;
  token: string;
  /** The bot's direct-message channel the interaction comes from, when it comes from one. */
  dmChannel?: Json;
  /** Buttons (and modals opened from one): the message the component is on. */
  message?: Json;
  commandId?: string;
}

/**
 * A complete INTERACTION_CREATE `d` for a guild interaction. `member.permissions` is the member's permissions in
 * the channel (roles + overwrites, as Discord computes them); `app_permissions` the bot's.
 */
export function interactionPayload(
  world: DiscordWorld,
  interaction: DiscordInteraction,
  built: BuiltInteraction,
): Json {
  if (built.dmChannel) return directMessagePayload(world, interaction, built, built.dmChannel);
  const member = memberObject(world, interaction.userId);
  if (!member)
    throw new Error(`FakeDiscord: user ${interaction.userId} is not in FakeDiscordOptions.members`);
  const channel = channelObject(world, interaction.channelId);
  if (!channel)
    throw new Error(`FakeDiscord: channel ${interaction.channelId} is not in FakeDiscordOptions.channels`);
  const memberPermissions = String(channelPermissions(world, interaction.userId, interaction.channelId));
  const payload: Json = {
    id: built.id,
    application_id: world.applicationId,
    type: INTERACTION_TYPE[interaction.kind],
    data: interactionData(world, interaction, built),
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: 'en-US', features: [] },
    channel: { ...channel, permissions: memberPermissions },
    channel_id: interaction.channelId,
    member: { ...member, permissions: memberPermissions },
    token: built.token,
    version: 1,
    app_permissions: String(channelPermissions(world, world.botUserId, interaction.channelId)),
    locale:
      (interaction.kind === 'command' ? interaction.locale : undefined) ??
      world.members.get(interaction.userId)?.locale ??
      'en-US',
    guild_locale: 'en-US',
    authorizing_integration_owners: { '0': world.guildId },
    context: 0,
    entitlements: [],
    attachment_size_limit: 26_214_400,
  };
  if (built.message) payload.message = built.message;
  return payload;
}

/** An interaction in a direct message with the bot: no guild and no member, only the user (context 1, BOT_DM). */
function directMessagePayload(
  world: DiscordWorld,
  interaction: DiscordInteraction,
  built: BuiltInteraction,
  channel: Json,
): Json {
  const payload: Json = {
    id: built.id,
    application_id: world.applicationId,
    type: INTERACTION_TYPE[interaction.kind],
    data: interactionData(world, interaction, built),
    channel,
    channel_id: channel.id,
    user: userObject(world, interaction.userId),
    token: built.token,
    version: 1,
    app_permissions: '0',
    locale: world.members.get(interaction.userId)?.locale ?? 'en-US',
    authorizing_integration_owners: { '0': world.guildId },
    context: 1,
    entitlements: [],
    attachment_size_limit: 26_214_400,
  };
  if (built.message) payload.message = built.message;
  return payload;
}

function interactionData(
  world: DiscordWorld,
  interaction: DiscordInteraction,
  built: BuiltInteraction,
): Json {
  switch (interaction.kind) {
    case 'command': {
      const data: Json = { id: built.commandId ?? snowflake(), name: interaction.name, type: 1 };
      if (interaction.options) data.options = interaction.options;
      const resolved = resolvedData(world, interaction);
      if (resolved) data.resolved = resolved;
      return data;
    }
    case 'button':
      return { custom_id: interaction.customId, component_type: 2 };
    case 'select':
      return { custom_id: interaction.customId, component_type: 3, values: interaction.values };
    case 'modal':
      return {
        custom_id: interaction.customId,
        components: Object.entries(interaction.fields).map(([customId, value], index) => {
          const input = { type: 4, id: index * 2 + 2, custom_id: customId, value };
          return interaction.shape === 'label'
            ? { type: 18, id: index * 2 + 1, component: input }
            : { type: 1, id: index * 2 + 1, components: [input] };
        }),
      };
  }
}

function resolvedData(
  world: DiscordWorld,
  interaction: DiscordInteraction & { kind: 'command' },
): Json | undefined {
  const users: Record<string, Json> = {};
  const members: Record<string, Json> = {};
  const addUser = (id: string, user: Json): void => {
    users[id] = user;
    const member = memberObject(world, id);
    if (member) {
      const { user: _user, ...rest } = member;
      members[id] = { ...rest, permissions: String(channelPermissions(world, id, interaction.channelId)) };
    }
  };
  for (const option of interaction.options ?? []) {
    if (option.type === 6 && typeof option.value === 'string')
      addUser(option.value, userObject(world, option.value));
  }
  for (const [id, u] of Object.entries(interaction.resolvedUsers ?? {})) {
    addUser(id, { ...userObject(world, id), username: u.username, global_name: u.globalName ?? null });
  }
  const attachments: Record<string, Json> = {};
  for (const [id, a] of Object.entries(interaction.resolvedAttachments ?? {})) {
    const url =
      a.url ??
      `https://cdn.discordapp.com/ephemeral-attachments/${interaction.channelId}/${id}/${a.filename}`;
    const attachment: Json = { id, filename: a.filename, size: a.size, url, proxy_url: url, ephemeral: true };
    if (a.content_type) attachment.content_type = a.content_type;
    attachments[id] = attachment;
  }
  const resolved: Json = {};
  if (Object.keys(users).length > 0) resolved.users = users;
  if (Object.keys(members).length > 0) resolved.members = members;
  if (Object.keys(attachments).length > 0) resolved.attachments = attachments;
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}
