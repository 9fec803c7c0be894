import { type Client, Routes } from 'discord.js';
import type { Translator } from '../../src/core/i18n/translator.ts';
import type { Reply } from '../../src/core/reply.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { renderReply } from './render-embed.ts';

/**
 * A private message: a known channel gets a post, anyone else a direct message (ids are shared). Resolves to
 * where it landed, `<channel id> <message id>,<message id>…`, for redrawPrivateMessage.
 */
export async function sendPrivateMessage(
  client: Client,
  guildId: string,
  recipient: string,
  reply: Reply,
  /** The recipient's language (a channel's is the collective's), for what a long reply left out. */
  t: Translator,
): Promise<string> {
  const prefix = `discord:${guildId}:`;
  const id = recipient.startsWith(prefix) ? recipient.slice(prefix.length) : undefined;
  if (!id) throw new Error('that Discord recipient belongs to another server');
  // A long reply continues over several messages; the picture (the digest's chart) rides on the first.
  const messages = renderReply(reply, t, guildId).map((message, index) => ({
    ...message,
    allowedMentions: NO_MENTIONS,
    files:
      reply.image && index === 0
        ? [
            {
              attachment: Buffer.from(reply.image.png),
              name: reply.image.filename,
              description: reply.image.description,
            },
          ]
        : [],
  }));
  const channel = client.channels.cache.get(id);
  const sent: { channelId: string; id: string }[] = [];
  for (const message of messages) {
    sent.push(channel?.isSendable() ? await channel.send(message) : await client.users.send(id, message));
  }
  return `${sent[0]?.channelId ?? id} ${sent.map((message) => message.id).join(',')}`;
}

/**
 * Redraws a message sendPrivateMessage sent: its first part becomes `reply`, and the parts it continued over
 * are deleted. Through REST by id: a direct message's channel need not be in the client's cache.
 */
export async function redrawPrivateMessage(
  client: Client,
  landed: string,
  reply: Reply,
  t: Translator,
): Promise<void> {
  const [channelId = '', ids = ''] = landed.split(' ');
  const [first, ...rest] = ids.split(',').filter(Boolean);
  if (!/^\d+$/.test(channelId) || !first) throw new Error('not where a Discord message landed');
  const [message] = renderReply(reply, t);
  await client.rest.patch(Routes.channelMessage(channelId, first), {
    body: {
      content: null,
      embeds: message?.embeds ?? [],
      components: [],
      attachments: [],
      allowed_mentions: { parse: [] },
    },
  });
  for (const id of rest) await client.rest.delete(Routes.channelMessage(channelId, id));
}
