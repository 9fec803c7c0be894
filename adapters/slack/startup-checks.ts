import type { webApi } from '@slack/bolt';
import { translator } from '../../src/core/i18n/translator.ts';

// Said to whoever runs the bot, in the language of its logs and of every other start-up refusal.
const english = translator('en');

import { privacyOf } from './channel-privacy.ts';

type WebClient = webApi.WebClient;

export class SlackSetupError extends Error {
  override name = 'SlackSetupError';
}

/**
 * Incident details must stay among the collective's members, so the incident channel (and the leads' channel,
 * if set) must be private channels the bot can see, shared with no other organisation. Anything else stops start-up with what to do about it.
 */
export async function checkPrivateChannel(
  client: WebClient,
  variable: string,
  channelId: string,
): Promise<void> {
  const info = await client.conversations.info({ channel: channelId }).catch((error: unknown) => {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new SlackSetupError(
      code === 'channel_not_found'
        ? `${variable} (${channelId}) can't be found: check the id, and invite the bot to the channel with /invite @Shieldwall.`
        : `${variable} (${channelId}) could not be checked (${code ?? 'no answer from Slack'}).`,
    );
  });
  const privacy = privacyOf(info.channel);
  if (!privacy.private) {
    throw new SlackSetupError(
      `${variable} (${channelId}) is not a private channel: ${english(privacy.why)}. Incident details must stay among ` +
        `the collective's members. ${english(privacy.fix)}, or create a private channel, invite the bot and your ` +
        'members, and set its id.',
    );
  }
}
