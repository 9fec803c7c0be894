import type { RespondFn, webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

import type { Translator } from '../../src/core/i18n/translator.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from './render-blocks.ts';
import { NO_UNFURL } from './response-url.ts';

/** Answers only the person who asked, in the conversation where they asked. */
export async function respondPrivately(respond: RespondFn, reply: Reply, t: Translator): Promise<void> {
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    ...renderReply(reply, t),
    ...NO_UNFURL,
  });
}

/**
 * After a modal there is no conversation to answer in: the slash command's response URL (valid for 30
 * minutes) puts the answer where /flag was typed; when it has expired, the answer goes by direct message.
 * `responseUrl` must already be known to be Slack's (see slackResponseUrl).
 */
export async function replyAfterModal(
  client: WebClient,
  userId: string,
  responseUrl: string | undefined,
  reply: Reply,
  t: Translator,
): Promise<void> {
  const message = renderReply(reply, t);
  if (responseUrl) {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message, ...NO_UNFURL }),
    }).catch(() => undefined);
    if (response?.ok) return;
  }
  await client.chat.postMessage({ channel: userId, ...message, ...NO_UNFURL });
}

/**
 * A file for the person who asked (an evidence pack) goes into their direct message with the bot, never into a
 * channel: response URLs can't carry files.
 */
export async function sendFilePrivately(client: WebClient, userId: string, reply: Reply): Promise<void> {
  if (!reply.file) return;
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('Slack did not open a direct message');
  await client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(reply.file.data),
    filename: reply.file.filename,
    title: reply.file.description,
  });
}
