import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import { type CollectiveConfig, collectiveDiscord, collectiveSlack } from './collective-config.ts';
import type { DiscordConfig, SlackConfig } from './config.ts';

/**
 * The one collective a deployment serves when no SHIELDWALL_CONFIG file lists several: `default`, with the
 * settings and channels the environment variables give. Its workspace and server are whichever the process's
 * tokens reach, so their ids are unknown here; its Slack token is SLACK_BOT_TOKEN, so none is repeated here.
 */
export function collectiveFromEnvironment(
  settings: CollectiveConfig['settings'],
  digestCron: string,
  slack: SlackConfig | undefined,
  discord: DiscordConfig | undefined,
): CollectiveConfig {
  return {
    id: DEFAULT_COLLECTIVE_ID,
    settings,
    digestCron,
    ...(slack
      ? {
          slack: collectiveSlack({
            teamId: undefined,
            incidentChannel: slack.incidentChannel,
            leadsChannel: slack.leadsChannel,
            leads: slack.leads,
          }),
        }
      : {}),
    ...(discord ? { discord: collectiveDiscord({ guildId: undefined, ...discord }) } : {}),
  };
}
