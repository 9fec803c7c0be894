import { randomBytes } from 'node:crypto';

// Shapes follow Slack's documented payloads and Bolt 5.1's types (SlashCommand, BlockAction, ViewSubmitAction,
// EnvelopedEvent). `token` is the deprecated verification token: Slack still sends it, Bolt ignores it.
const VERIFICATION_TOKEN = 'fake-verification-token';
const APP_ID = 'AFAKEAPP';
const TEAM_DOMAIN = 'fake-test';

let counter = 0;
const next = (): number => ++counter;

/** Slack trigger ids look like `13345224609.738474920.8088930838d88f008e0` and are single-use. */
export function uniqueTriggerId(): string {
  return `${Date.now()}.${next()}.${randomBytes(10).toString('hex')}`;
}

/** An action/event timestamp in Slack's `seconds.micros` form. */
function slackTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

/** Slack sends `directmessage` as a DM's channel_name (and `privategroup` for legacy private groups). */
function channelNameFor(channelId: string): string {
  return channelId.startsWith('D') ? 'directmessage' : `channel-${channelId.toLowerCase()}`;
}

export function slashCommandFields(o: {
  command: string;
  text: string;
  userId: string;
  userName?: string;
  teamId: string;
  channelId: string;
  channelName?: string;
  triggerId?: string;
  responseUrl: string;
}): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: o.teamId,
    team_domain: TEAM_DOMAIN,
    channel_id: o.channelId,
    channel_name: o.channelName ?? channelNameFor(o.channelId),
    user_id: o.userId,
    user_name: o.userName ?? o.userId.toLowerCase(),
    command: o.command,
    text: o.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId ?? uniqueTriggerId(),
  };
}

/** A button click on a message (send as `{ payload: JSON.stringify(it) }` over HTTP, or as-is over Socket Mode). */
export function blockActionPayload(o: {
  userId: string;
  userName?: string;
  teamId: string;
  channelId: string;
  messageTs: string;
  actionId: string;
  value: string;
  blockId?: string;
  triggerId?: string;
  responseUrl: string;
}): object {
  const userName = o.userName ?? o.userId.toLowerCase();
  return {
    type: 'block_actions',
    user: { id: o.userId, username: userName, name: userName, team_id: o.teamId },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: o.messageTs, channel_id: o.channelId, is_ephemeral: false },
    trigger_id: o.triggerId ?? uniqueTriggerId(),
    team: { id: o.teamId, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.channelId, name: channelNameFor(o.channelId) },
    message: { type: 'message', ts: o.messageTs, text: '', blocks: [] },
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: o.blockId ?? `b${next()}`,
        value: o.value,
        text: { type: 'plain_text', text: o.value, emoji: true },
        action_ts: slackTs(),
      },
    ],
  };
}

/**
 * A modal submit. `values` is `view.state.values`: block_id → action_id → element state, e.g.
 * `{ reason: { reason_input: { type: 'plain_text_input', value: 'spam' } } }`.
 */
export function viewSubmissionPayload(o: {
  userId: string;
  userName?: string;
  teamId: string;
  callbackId: string;
  viewId?: string;
  privateMetadata?: string;
  values: Record<string, Record<string, object>>;
}): object {
  const userName = o.userName ?? o.userId.toLowerCase();
  const viewId = o.viewId ?? `VSUB${next()}`;
  return {
    type: 'view_submission',
    team: { id: o.teamId, domain: TEAM_DOMAIN },
    user: { id: o.userId, username: userName, name: userName, team_id: o.teamId },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: uniqueTriggerId(),
    view: {
      id: viewId,
      team_id: o.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: o.privateMetadata ?? '',
      callback_id: o.callbackId,
      state: { values: o.values },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Modal', emoji: true },
      close: null,
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: APP_ID,
      external_id: '',
      app_installed_team_id: o.teamId,
      bot_id: 'BBOT',
    },
    // Only present (non-empty) when the modal has response_url_enabled inputs; Bolt then wires respond() to it.
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** An Events API envelope (`type: event_callback`); post it as JSON over HTTP or as an `events_api` payload. */
export function eventCallback(o: {
  teamId: string;
  eventId?: string;
  botUserId?: string;
  event: object;
}): object {
  return {
    token: VERIFICATION_TOKEN,
    team_id: o.teamId,
    context_team_id: o.teamId,
    api_app_id: APP_ID,
    event: o.event,
    type: 'event_callback',
    event_id: o.eventId ?? `Ev${Date.now().toString(36).toUpperCase()}${next()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: o.teamId,
        user_id: o.botUserId ?? 'UBOT',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}
