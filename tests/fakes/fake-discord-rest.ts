import { commandsProblem } from './discord-command-rules.ts';
import { overDiscordLimits } from './discord-message-limits.ts';
import { editMessage, messageObject } from './discord-payloads.ts';
import {
  channelObject,
  channelWorld,
  type DiscordWorld,
  guildObject,
  guildWorld,
  type Json,
  memberObject,
  roleObject,
  snowflake,
  userObject,
} from './discord-world.ts';
import {
  attachmentsFor,
  noContent,
  notFound,
  ok,
  type RestAnswer,
  type RestRequest,
  type RestState,
  store,
} from './fake-discord-rest-state.ts';
import { answerInteractionCallback, answerWebhook } from './fake-discord-webhooks.ts';

export type { RestAnswer, RestRequest, RestState, UploadedFile } from './fake-discord-rest-state.ts';

type Handler = (state: RestState, request: RestRequest, params: string[]) => RestAnswer;

const ID = '(\\d+)';
const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/gateway\/bot$/, (s) => ok(gatewayBot(s))],
  ['GET', /^\/gateway$/, (s) => ok({ url: s.gatewayUrl })],
  ['POST', route(`/interactions/${ID}/([^/]+)/callback`), answerInteractionCallback],
  ['POST', route(`/webhooks/${ID}/([^/]+)`), answerWebhook],
  ['GET', route(`/webhooks/${ID}/([^/]+)/messages/(@original|\\d+)`), answerWebhook],
  ['PATCH', route(`/webhooks/${ID}/([^/]+)/messages/(@original|\\d+)`), answerWebhook],
  ['DELETE', route(`/webhooks/${ID}/([^/]+)/messages/(@original|\\d+)`), answerWebhook],
  ['POST', route(`/channels/${ID}/messages`), createMessage],
  ['GET', route(`/channels/${ID}/messages/${ID}`), (s, _r, [c, m]) => withMessage(s, c, m, ok)],
  [
    'PATCH',
    route(`/channels/${ID}/messages/${ID}`),
    (s, r, [c, m]) => withMessage(s, c, m, (message) => ok(store(s, editMessage(message, r.payload)))),
  ],
  [
    'DELETE',
    route(`/channels/${ID}/messages/${ID}`),
    (s, _r, [c, m]) =>
      withMessage(s, c, m, (message) => {
        s.messages.delete(String(message.id));
        return noContent;
      }),
  ],
  ['PUT', route(`/channels/${ID}/messages/${ID}/reactions/([^/]+)/@me`), () => noContent],
  ['POST', route(`/channels/${ID}/typing`), () => noContent],
  ['GET', route(`/channels/${ID}`), (s, _r, [c]) => withChannel(s, c, ok)],
  ['POST', /^\/users\/@me\/channels$/, openDm],
  [
    'GET',
    /^\/users\/@me$/,
    (s) => ok({ ...userObject(s.world, s.world.botUserId), verified: true, flags: 0 }),
  ],
  ['GET', route(`/users/${ID}`), (s, _r, [u]) => ok(userObject(s.world, u ?? ''))],
  ['GET', /^\/applications\/@me$/, (s) => ok(application(s.world))],
  ['GET', route(`/guilds/${ID}`), (s, _r, [g]) => withGuild(s, g, (guild) => ok(guildObject(guild)))],
  [
    'GET',
    route(`/guilds/${ID}/channels`),
    (s, _r, [g]) =>
      withGuild(s, g, (guild) => ok([...guild.channels.keys()].map((c) => channelObject(guild, c)))),
  ],
  [
    'GET',
    route(`/guilds/${ID}/roles`),
    (s, _r, [g]) =>
      withGuild(s, g, (guild) => ok([...guild.roles.keys()].map((r, i) => roleObject(guild, r, i)))),
  ],
  [
    'GET',
    route(`/guilds/${ID}/members/${ID}`),
    (s, _r, [g, u]) =>
      withGuild(s, g, (guild) => {
        const member = memberObject(guild, u ?? '');
        return member ? ok(member) : notFound('Unknown Member', 10007);
      }),
  ],
  ['PUT', route(`/applications/${ID}/commands`), (s, r) => putCommands(s, 'global', r.payload)],
  [
    'PUT',
    route(`/applications/${ID}/guilds/${ID}/commands`),
    (s, r, [, g]) => putCommands(s, g ?? '', r.payload),
  ],
  ['GET', route(`/applications/${ID}/commands`), (s) => ok(s.commands.get('global') ?? [])],
  [
    'GET',
    route(`/applications/${ID}/guilds/${ID}/commands`),
    (s, _r, [, g]) => ok(s.commands.get(g ?? '') ?? []),
  ],
];

function route(pattern: string): RegExp {
  return new RegExp(`^${pattern}$`);
}

/** Answers one REST call (path without /api/v10); unknown routes get 404 `{ message: 'Unknown', code: 0 }`. */
export function answerRest(state: RestState, request: RestRequest): RestAnswer {
  const refused = overDiscordLimits(request);
  if (refused) return refused;
  for (const [method, pattern, handler] of ROUTES) {
    if (method !== request.method) continue;
    const match = pattern.exec(request.path);
    if (match) return handler(state, request, match.slice(1));
  }
  return notFound('Unknown', 0);
}

function gatewayBot(state: RestState): Json {
  return {
    url: state.gatewayUrl,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
  };
}

function application(world: DiscordWorld): Json {
  return {
    id: world.applicationId,
    name: 'Fake App',
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: userObject(world, world.botUserId),
    flags: 0,
    verify_key: '0'.repeat(64),
    team: null,
    owner: { id: world.ownerId, username: 'owner', discriminator: '0', global_name: null, avatar: null },
  };
}

function withGuild(
  state: RestState,
  guildId: string | undefined,
  then: (guild: DiscordWorld) => RestAnswer,
): RestAnswer {
  const guild = guildWorld(state.world, guildId);
  return guild ? then(guild) : notFound('Unknown Guild', 10004);
}

function withChannel(
  state: RestState,
  channelId: string | undefined,
  then: (c: Json) => RestAnswer,
): RestAnswer {
  const id = channelId ?? '';
  const channel = channelObject(channelWorld(state.world, id), id) ?? state.dmChannels.get(id);
  return channel ? then(channel) : notFound('Unknown Channel', 10003);
}

function withMessage(
  state: RestState,
  channelId: string | undefined,
  messageId: string | undefined,
  then: (message: Json) => RestAnswer,
): RestAnswer {
  return withChannel(state, channelId, () => {
    const message = state.messages.get(messageId ?? '');
    return message && message.channel_id === channelId ? then(message) : notFound('Unknown Message', 10008);
  });
}

function createMessage(state: RestState, request: RestRequest, [channelId]: string[]): RestAnswer {
  return withChannel(state, channelId, (channel) => {
    const { payload } = request;
    const message = messageObject({
      channelId: String(channel.id),
      guildId: typeof channel.guild_id === 'string' ? channel.guild_id : null,
      author: userObject(state.world, state.world.botUserId),
      content: payload.content,
      embeds: payload.embeds,
      components: payload.components,
      attachments: attachmentsFor(String(channel.id), payload, request.files),
      flags: payload.flags,
      messageReference: payload.message_reference,
    });
    return ok(store(state, message));
  });
}

function openDm(state: RestState, request: RestRequest): RestAnswer {
  const recipientId = String(request.payload.recipient_id ?? '');
  if (!/^\d+$/.test(recipientId)) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
  return ok(dmChannelWith(state, recipientId));
}

/** The bot's direct-message channel with a user, opened if it isn't yet. */
export function dmChannelWith(state: RestState, recipientId: string): Json {
  const existing = [...state.dmChannels.values()].find(
    (c) => (c.recipients as Json[] | undefined)?.[0]?.id === recipientId,
  );
  if (existing) return existing;
  const channel = {
    id: snowflake(),
    type: 1,
    last_message_id: null,
    flags: 0,
    recipients: [userObject(state.world, recipientId)],
  };
  state.dmChannels.set(channel.id, channel);
  return channel;
}

/** A bulk overwrite, refused as Discord refuses one that breaks its rules for names, descriptions and choices. */
function putCommands(state: RestState, scope: string, payload: unknown): RestAnswer {
  const problem = commandsProblem(payload);
  if (problem)
    return {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: [problem] } },
    };
  const previous = state.commands.get(scope) ?? [];
  const commands = (Array.isArray(payload) ? (payload as Json[]) : []).map((command) => ({
    type: 1,
    description: '',
    default_member_permissions: null,
    nsfw: false,
    ...command,
    id: previous.find((p) => p.name === command.name)?.id ?? snowflake(),
    application_id: state.world.applicationId,
    ...(scope === 'global' ? {} : { guild_id: scope }),
    version: snowflake(),
  }));
  state.commands.set(scope, commands);
  return ok(commands);
}
