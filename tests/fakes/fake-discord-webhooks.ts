import { editMessage, messageObject } from './discord-payloads.ts';
import { channelWorld, type Json, userObject } from './discord-world.ts';
import {
  attachmentsFor,
  type InteractionRecord,
  noContent,
  notFound,
  ok,
  type RestAnswer,
  type RestRequest,
  type RestState,
  store,
} from './fake-discord-rest-state.ts';

const LOADING = 128;

/**
 * `POST /interactions/:id/:token/callback`. discord.js 14.28 always sends `?with_response=false|true`: false gets
 * 204 (what Discord does), true gets 200 `{ interaction, resource }`. A second callback for the same interaction
 * gets Discord's 400 `{ code: 40060 }`; an unknown id/token 404 `{ code: 10062 }`.
 */
export function answerInteractionCallback(
  state: RestState,
  request: RestRequest,
  [id, token]: string[],
): RestAnswer {
  const record = state.interactions.get(id ?? '');
  if (!record || record.token !== token) return notFound('Unknown interaction', 10062);
  if (record.acknowledged)
    return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
  record.acknowledged = true;
  const type = Number(request.payload.type);
  const data = (request.payload.data ?? {}) as Json;
  let message: Json | undefined;
  switch (type) {
    case 4: // CHANNEL_MESSAGE_WITH_SOURCE (reply)
    case 5: // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE (deferReply)
      message = store(
        state,
        responseMessage(
          state,
          record,
          type === 5 ? { flags: Number(data.flags ?? 0) | LOADING } : data,
          request,
        ),
      );
      record.originalMessageId = String(message.id);
      break;
    case 6: // DEFERRED_UPDATE_MESSAGE (deferUpdate)
    case 7: {
      // UPDATE_MESSAGE (update)
      const base = componentMessage(state, record);
      if (base) {
        message = type === 7 ? store(state, editMessage(base, withAttachments(record, data, request))) : base;
        record.originalMessageId = String(message.id);
      }
      break;
    }
    default: // 8 autocomplete result, 9 modal, 12 launch activity: no message
      break;
  }
  if (request.query.get('with_response') !== 'true') return noContent;
  const flags = Number(message?.flags ?? 0);
  return ok({
    interaction: {
      id: record.id,
      type: record.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: Boolean(flags & LOADING),
            response_message_ephemeral: Boolean(flags & 64),
          }
        : {}),
    },
    resource: message ? { type, message } : { type },
  });
}

/**
 * Interaction webhooks (`auth: false` in discord.js): `POST /webhooks/:app/:token` (followUp; `?wait=true` answers the
 * message, otherwise 204) and `GET|PATCH|DELETE /webhooks/:app/:token/messages/@original|:id` (fetchReply,
 * editReply, deleteReply). `@original` is the reply (or the component's message after update/deferUpdate).
 */
export function answerWebhook(state: RestState, request: RestRequest, params: string[]): RestAnswer {
  const [appId, token, messageRef] = params;
  const record = [...state.interactions.values()].find((r) => r.token === token);
  if (appId !== state.world.applicationId || !record) return notFound('Unknown Webhook', 10015);
  if (messageRef === undefined) {
    const message = store(state, responseMessage(state, record, request.payload, request));
    return request.query.get('wait') === 'true' ? ok(message) : noContent;
  }
  const messageId = messageRef === '@original' ? record.originalMessageId : messageRef;
  const message = state.messages.get(messageId ?? '');
  if (!message) return notFound('Unknown Message', 10008);
  switch (request.method) {
    case 'GET':
      return ok(message);
    case 'DELETE':
      state.messages.delete(String(message.id));
      if (messageRef === '@original') delete record.originalMessageId;
      return noContent;
    default: {
      const edited = editMessage(message, withAttachments(record, request.payload, request));
      edited.flags = Number(edited.flags ?? 0) & ~LOADING;
      return ok(store(state, edited));
    }
  }
}

/** A message created by an interaction response or follow-up: sent by the app's webhook, as the bot user. */
function responseMessage(
  state: RestState,
  record: InteractionRecord,
  data: Json,
  request: RestRequest,
): Json {
  const world = channelWorld(state.world, record.channelId);
  return messageObject({
    channelId: record.channelId,
    guildId: world.guildId,
    author: userObject(world, world.botUserId),
    content: data.content,
    embeds: data.embeds,
    components: data.components,
    attachments: attachmentsFor(record.channelId, data, request.files),
    flags: data.flags,
    webhookId: world.applicationId,
    applicationId: world.applicationId,
    interactionMetadata: {
      id: record.id,
      type: record.type,
      user: userObject(world, record.userId),
      authorizing_integration_owners: { '0': world.guildId },
      ...(record.commandName ? { name: record.commandName } : {}),
      ...(record.message ? { interacted_message_id: record.message.id } : {}),
    },
  });
}

function componentMessage(state: RestState, record: InteractionRecord): Json | undefined {
  if (!record.message) return undefined;
  return state.messages.get(String(record.message.id)) ?? record.message;
}

function withAttachments(record: InteractionRecord, data: Json, request: RestRequest): Json {
  if (request.files.length === 0) return data;
  return { ...data, attachments: attachmentsFor(record.channelId, data, request.files) };
}
