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
      why: 'slack.privacy.public_why',
      fix: 'slack.privacy.public_fix',
    };
  }
  if (channel.is_shared || channel.is_ext_shared || channel.is_org_shared || channel.is_pending_ext_shared) {
    return {
      private: false,
      why: 'slack.privacy.shared_why',
      fix: 'slack.privacy.shared_fix',
    };
  }
  return { private: true };
}

/** Asks Slack now; throws when Slack can't answer (the core then shows nothing there). */
export async function slackChannelPrivacy(client: WebClient, channelId: string): Promise<ChannelPrivacy> {
  const info = await client.conversations.info({ channel: channelId });
  return privacyOf(info.channel);
}
