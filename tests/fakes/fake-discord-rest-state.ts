import { type DiscordWorld, type Json, snowflake } from './discord-world.ts';

/** A file part of a multipart request. */
export interface UploadedFile {
  name: string;
  size: number;
  contentType?: string;
}
/** What the REST side needs to answer: the guild plus what the bot created. */
export interface RestState {
  world: DiscordWorld;
  gatewayUrl: string;
  messages: Map<string, Json>;
  interactions: Map<string, InteractionRecord>;
  /** Direct-message channels by channel id. */
  dmChannels: Map<string, Json>;
  /** Registered commands by scope: 'global' or a guild id. */
  commands: Map<string, Json[]>;
}
export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** JSON body, or `payload_json` of a multipart body. */
  payload: Json;
  files: UploadedFile[];
}
export interface RestAnswer {
  status: number;
  body?: unknown;
}

/** What FakeDiscord remembers about an interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 command, 3 component, 5 modal submit */
  type: number;
  userId: string;
  channelId: string;
  commandName?: string;
  /** Buttons: the message the button is on (as dispatched). */
  message?: Json;
  /** The id of the message `@original` stands for, once there is one. */
  originalMessageId?: string;
  acknowledged: boolean;
}

export const ok = (body: unknown): RestAnswer => ({ status: 200, body });
export const noContent: RestAnswer = { status: 204 };
export const notFound = (message: string, code: number): RestAnswer => ({
  status: 404,
  body: { message, code },
});

/** Stores (or replaces) a message so later GET/PATCH calls and button interactions see it. */
export function store(state: RestState, message: Json): Json {
  state.messages.set(String(message.id), message);
  return message;
}

/** Attachments for uploaded files, as Discord returns them on the message. */
export function attachmentsFor(channelId: string, payload: Json, files: UploadedFile[]): unknown {
  if (files.length === 0) return payload.attachments;
  return files.map((file) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${file.name}`;
    return {
      id,
      filename: file.name,
      size: file.size,
      url,
      proxy_url: url,
      ...(file.contentType ? { content_type: file.contentType } : {}),
    };
  });
}
