import type { webApi } from '@slack/bolt';
import type { Bot, PlatformCapabilities } from '../../src/core/chat-adapter.ts';
import { paced } from '../paced.ts';
import { slackChannelPrivacy } from './channel-privacy.ts';
import { renderCard, renderReply } from './render-blocks.ts';
import { NO_UNFURL } from './response-url.ts';
import type { SlackAccess } from './slack-access.ts';
import { slackChannelDestination, slackMemberId, slackUserOf } from './slack-ids.ts';

type WebClient = webApi.WebClient;

/** One workspace as its collective's bot reaches it: its own client (its own token), channels and leads. */
export interface SlackWorkspaceReach {
  client: WebClient;
  teamId: string;
  incidentChannel: string;
  leadsChannel?: string | undefined;
  leads: readonly string[];
  access: SlackAccess;
  messagesPerSecond?: number | undefined;
}

// Messages we post never unfurl: a preview of the abusive post would put its content in the channel.

/** What Slack offers a collective's bot in its workspace: every call goes through that workspace's client. */
export function slackCapabilities(bot: Bot, w: SlackWorkspaceReach): PlatformCapabilities {
  const { client, teamId } = w;
  const leadsChannel = w.leadsChannel ? [slackMemberId(teamId, w.leadsChannel)] : [];
  return {
    cards: {
      destination: slackChannelDestination(teamId, w.incidentChannel),
      post: async (card) => {
        const posted = await client.chat.postMessage({
          channel: w.incidentChannel,
          // The channel reads the card: the collective's language.
          ...renderCard(card, await bot.speak(undefined)),
          ...NO_UNFURL,
        });
        if (!posted.ts) throw new Error('Slack posted the card without a timestamp');
        return posted.ts;
      },
      update: async (ts, card) => {
        await client.chat.update({
          channel: w.incidentChannel,
          ts,
          ...renderCard(card, await bot.speak(undefined)),
        });
      },
      // Asked before every card is posted or redrawn: Slack tells no bot when a channel is made public.
      privacy: () => slackChannelPrivacy(client, w.incidentChannel),
    },
    directMessages: paced(w.messagesPerSecond, async (recipient, reply) => {
      const target = slackUserOf(recipient, teamId);
      if (!target) throw new Error('that Slack recipient belongs to another workspace');
      // A user id opens (or reuses) the direct message with the bot; a channel id posts in the channel.
      // Only the id is read: the member's /language choice, else the collective's (also a channel's).
      const t = await bot.speak({ id: recipient, name: '', isLead: false });
      const posted = await client.chat.postMessage({
        channel: target,
        ...renderReply(reply, t),
        ...NO_UNFURL,
      });
      if (reply.image && posted.channel) {
        await client.files.uploadV2({
          channel_id: posted.channel,
          file: Buffer.from(reply.image.png),
          filename: reply.image.filename,
          title: reply.image.description,
          alt_text: reply.image.description,
        });
      }
      // Where it landed: a direct message's own channel (D…), not the user id it was addressed to.
      return posted.channel && posted.ts ? `${posted.channel} ${posted.ts}` : undefined;
    }),
    redrawPrivateMessage: async (landed, reply) => {
      const [channel, ts] = landed.split(' ');
      if (!channel || !ts) throw new Error('not where a Slack message landed');
      await client.chat.update({ channel, ts, ...renderReply(reply, await bot.speak(undefined)) });
    },
    // Without a leads' channel, critical incidents reach each lead by direct message.
    leadChannel: {
      alerts: () => (w.leadsChannel ? leadsChannel : w.leads.map((lead) => slackMemberId(teamId, lead))),
      digests: () => leadsChannel,
    },
    fileDelivery: true,
    membership: {
      isMember: async (memberId) => {
        const user = slackUserOf(memberId, teamId);
        return user !== undefined && (await w.access.isMember(user));
      },
    },
  };
}
