import { randomUUID } from 'node:crypto';

export interface FakeChannel {
  isPrivate: boolean;
  members: string[];
  name?: string;
  /** Shared with another organisation (Slack Connect): `is_shared` and `is_ext_shared`. */
  externallyShared?: boolean;
  /** The workspace it is in: only that workspace's tokens can see it. Unset: every token can. */
  teamId?: string;
}
export interface FakeUser {
  name: string;
  realName?: string;
  displayName?: string;
  /** Their Slack language, returned as `user.locale` when asked with `include_locale`; `en-US` by default. */
  locale?: string;
  /** Their Slack time zone (`user.tz`, always returned, like Slack does); `America/Chicago` by default. */
  tz?: string;
}
/** The mutable world FakeSlack answers from. */
export interface FakeSlackState {
  teamId: string;
  botUserId: string;
  channels: Map<string, FakeChannel>;
  users: Map<string, FakeUser>;
  socketUrl: string;
  /** Where files.getUploadURLExternal tells the client to upload (this server). */
  uploadBaseUrl: string;
  tsSequence: number;
  viewSequence: number;
}

const BOT_ID = 'BBOT';
const APP_ID = 'AFAKEAPP';
const CREATED = 1_700_000_000;

/** Message timestamps are Slack ids as much as times: unique per channel, `seconds.micros`, increasing. */
function nextTs(state: FakeSlackState): string {
  state.tsSequence += 1;
  const micros = state.tsSequence * 100;
  return `${CREATED + Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

function str(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function channelObject(state: FakeSlackState, id: string, channel: FakeChannel): Record<string, unknown> {
  const name = channel.name ?? `channel-${id.toLowerCase()}`;
  // Private channels made since 2021 report is_channel: true / is_group: false; only is_private tells them apart.
  return {
    id,
    name,
    name_normalized: name,
    created: CREATED,
    creator: channel.members[0] ?? state.botUserId,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: false,
    is_shared: channel.externallyShared ?? false,
    is_ext_shared: channel.externallyShared ?? false,
    is_org_shared: false,
    is_member: channel.members.includes(state.botUserId),
    num_members: channel.members.length,
  };
}

/** A channel as a token of `team` sees it: another workspace's channel is not found. */
function visibleChannel(state: FakeSlackState, id: string, team: string): FakeChannel | undefined {
  const channel = state.channels.get(id);
  return channel && (channel.teamId === undefined || channel.teamId === team) ? channel : undefined;
}

function conversationsInfo(
  state: FakeSlackState,
  body: Record<string, unknown>,
  team: string,
): Record<string, unknown> {
  const id = str(body.channel) ?? '';
  const channel = visibleChannel(state, id, team);
  if (channel) return { ok: true, channel: channelObject(state, id, channel) };
  // DM ids handed out by conversations.open; Slack's IM objects carry `user` and no is_private.
  if (id.startsWith('D'))
    return {
      ok: true,
      channel: { id, created: CREATED, is_im: true, is_org_shared: false, user: id.slice(1) },
    };
  return { ok: false, error: 'channel_not_found' };
}

/** Cursor = offset as a string, so a client's pagination loop (next_cursor until '') is exercised for real. */
function conversationsMembers(
  state: FakeSlackState,
  body: Record<string, unknown>,
  team: string,
): Record<string, unknown> {
  const channel = visibleChannel(state, str(body.channel) ?? '', team);
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const limit = Number(body.limit) > 0 ? Number(body.limit) : 100;
  const offset = body.cursor === undefined || body.cursor === '' ? 0 : Number(body.cursor);
  if (!Number.isInteger(offset) || offset < 0) return { ok: false, error: 'invalid_cursor' };
  const members = channel.members.slice(offset, offset + limit);
  const nextCursor = offset + limit < channel.members.length ? String(offset + limit) : '';
  return { ok: true, members, response_metadata: { next_cursor: nextCursor } };
}

function usersInfo(state: FakeSlackState, body: Record<string, unknown>): Record<string, unknown> {
  const id = str(body.user) ?? '';
  const user = state.users.get(id) ?? (id === state.botUserId ? { name: 'shieldwall' } : undefined);
  if (!user) return { ok: false, error: 'user_not_found' };
  const realName = user.realName ?? user.name;
  const displayName = user.displayName ?? '';
  return {
    ok: true,
    user: {
      id,
      team_id: state.teamId,
      name: user.name,
      real_name: realName,
      tz: user.tz ?? 'America/Chicago',
      deleted: false,
      is_bot: id === state.botUserId,
      // Like Slack, the locale only when asked for it.
      ...(body.include_locale === 'true' || body.include_locale === true
        ? { locale: user.locale ?? 'en-US' }
        : {}),
      profile: {
        display_name: displayName,
        display_name_normalized: displayName,
        real_name: realName,
        real_name_normalized: realName,
      },
    },
  };
}

function postedMessage(
  state: FakeSlackState,
  body: Record<string, unknown>,
  ts: string,
): Record<string, unknown> {
  const message: Record<string, unknown> = {
    type: 'message',
    user: state.botUserId,
    bot_id: BOT_ID,
    app_id: APP_ID,
    team: state.teamId,
    text: body.text ?? '',
    ts,
  };
  for (const key of ['blocks', 'attachments', 'thread_ts', 'metadata']) {
    if (body[key] !== undefined) message[key] = body[key];
  }
  return message;
}

function viewAnswer(
  state: FakeSlackState,
  method: string,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const sent =
    typeof body.view === 'object' && body.view !== null ? (body.view as Record<string, unknown>) : {};
  state.viewSequence += 1;
  const id = str(body.view_id) ?? `VFAKE${String(state.viewSequence).padStart(6, '0')}`;
  return {
    ok: true,
    view: {
      id,
      team_id: state.teamId,
      type: method === 'views.publish' ? 'home' : 'modal',
      private_metadata: '',
      callback_id: '',
      external_id: '',
      ...sent,
      state: { values: {} },
      hash: `${CREATED}.${state.viewSequence}`,
      app_id: APP_ID,
      bot_id: BOT_ID,
      root_view_id: id,
      previous_view_id: null,
    },
  };
}

/**
 * The built-in answer for a Web API method, to a token of workspace `team`; FakeSlack.answer() overrides are merged
 * over this.
 */
export function defaultAnswer(
  state: FakeSlackState,
  method: string,
  body: Record<string, unknown>,
  team = state.teamId,
): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      // Bolt 5.1 reads user_id and bot_id (and caches them as context.botUserId / botId for ignoreSelf).
      return {
        ok: true,
        url: 'https://fake-test.slack.com/',
        team: 'Fake Test',
        user: 'shieldwall',
        team_id: team,
        user_id: state.botUserId,
        bot_id: BOT_ID,
        is_enterprise_install: false,
      };
    case 'apps.connections.open':
      return { ok: true, url: `${state.socketUrl}?ticket=${randomUUID()}&app_id=${APP_ID}` };
    case 'conversations.info':
      return conversationsInfo(state, body, team);
    case 'conversations.members':
      return conversationsMembers(state, body, team);
    case 'users.info':
      return usersInfo(state, body);
    case 'chat.postMessage': {
      const ts = nextTs(state);
      return { ok: true, channel: body.channel, ts, message: postedMessage(state, body, ts) };
    }
    case 'chat.update':
      return {
        ok: true,
        channel: body.channel,
        ts: body.ts,
        text: body.text ?? '',
        message: postedMessage(state, body, String(body.ts)),
      };
    case 'chat.delete':
      return { ok: true, channel: body.channel, ts: body.ts };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs(state) };
    case 'views.open':
    case 'views.update':
    case 'views.push':
    case 'views.publish':
      return viewAnswer(state, method, body);
    // files.uploadV2 asks for an upload URL, uploads the bytes there, then completes the upload.
    case 'files.getUploadURLExternal': {
      const fileId = `F${String(nextTs(state)).replace('.', '')}`;
      return { ok: true, upload_url: `${state.uploadBaseUrl}/${fileId}`, file_id: fileId };
    }
    case 'files.completeUploadExternal':
      return { ok: true, files: [{ id: 'FCOMPLETE', title: 'upload' }] };
    case 'conversations.open': {
      const first = (str(body.users) ?? str(body.channel) ?? '').split(',')[0] ?? '';
      return { ok: true, channel: { id: first.startsWith('D') ? first : `D${first}` } };
    }
    default:
      return { ok: true };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An override merged over a default answer: nested objects merge (so `{ channel: { is_private: false } }` flips one
 * flag), arrays and scalars replace. An error default (unknown channel/user) is dropped for `{ ok: true }` first,
 * so an override can also make an unknown id answer; an error override (`ok: false`) is sent as it is, since
 * Slack's error answers carry nothing but `error` (and sometimes `needed`/`provided`).
 */
export function mergeAnswer(
  defaults: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  if (override.ok === false) return { ...override };
  const merged: Record<string, unknown> = defaults.ok === false ? { ok: true } : { ...defaults };
  for (const [key, value] of Object.entries(override)) {
    const base = merged[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? mergeAnswer(base, value) : value;
  }
  return merged;
}
