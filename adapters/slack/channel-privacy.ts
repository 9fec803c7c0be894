import type { webApi } from '@slack/bolt';
import type { ChannelPrivacy } from '../../src/core/incident/channel-privacy.ts';

type WebClient = webApi.WebClient;

/** What conversations.info says about who can see a channel. */
export interface SlackChannelInfo {
  is_private?: boolean;
  is_shared?: boolean;
  is_ext_shared?: boolean;
  is_org_shared?: boolean;
  is_pending_ext_shared?: boolean;
}

/**
 * Private means only the workspace members invited to it. A shared channel is seen by people of other
 * organisations or workspaces too (Slack Connect: `is_ext_shared`; Enterprise Grid: `is_org_shared`; `is_shared`
 * covers both), and a pending invitation to share is one click from it: none of them is private for incidents.
 */
export function privacyOf(channel: SlackChannelInfo | undefined): ChannelPrivacy {
  if (!channel?.is_private) {
    return {
      private: false,
      why: 'it is a public channel, open to everyone in the workspace',
      fix: 'In Slack, open the channel settings and choose "Change to a private channel"',
    };
  }
  if (channel.is_shared || channel.is_ext_shared || channel.is_org_shared || channel.is_pending_ext_shared) {
    return {
      private: false,
      why: 'it is shared with another organisation or workspace (Slack Connect), or an invitation to share it is pending',
      fix:
        'In Slack, open the channel settings and stop sharing it with the other organisations (or cancel the ' +
        'pending invitation)',
    };
  }
  return { private: true };
}

/** Asks Slack now; throws when Slack can't answer (the core then shows nothing there). */
export async function slackChannelPrivacy(client: WebClient, channelId: string): Promise<ChannelPrivacy> {
  const info = await client.conversations.info({ channel: channelId });
  return privacyOf(info.channel);
}
