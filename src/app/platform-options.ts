import type { DiscordAdapterOptions } from '../../adapters/discord/discord-adapter.ts';
import type { SlackAdapterOptions, SlackAppOptions } from '../../adapters/slack/slack-adapter.ts';
import type { SlackInstalls } from '../../adapters/slack/workspace-setups.ts';
import type { Config } from '../config/config.ts';
import type { ServedCollective } from './serve-collectives.ts';

type PlatformOptions<T> = Omit<T, 'log' | 'messagesPerSecond' | 'screenshotBudget' | 'port' | 'ready'>;

/**
 * The Slack adapter's settings: the environment's one workspace as before, or one Slack app in the workspace
 * of each collective of the file.
 */
export function slackOptions(
  config: Config,
  served: readonly ServedCollective[],
  common: Pick<SlackAppOptions, 'log' | 'messagesPerSecond' | 'screenshotBudget' | 'port' | 'ready'>,
  installs: SlackInstalls | undefined,
): SlackAdapterOptions | undefined {
  if (config.slack) return { ...config.slack, ...common, ...(installs ? { installs } : {}) };
  const app = config.slackApp;
  const onSlack = served.flatMap(({ config: collective }) =>
    collective.slack?.botToken
      ? [{ id: collective.id, slack: collective.slack, botToken: collective.slack.botToken }]
      : [],
  );
  if (!app || (onSlack.length === 0 && !installs)) return undefined;
  return {
    ...common,
    ...(installs ? { installs } : {}),
    ...(app.signingSecret ? { signingSecret: app.signingSecret } : {}),
    ...(app.appToken ? { appToken: app.appToken } : {}),
    ...(app.apiUrl ? { apiUrl: app.apiUrl } : {}),
    workspaces: onSlack.map(({ id, slack, botToken }) => ({
      collectiveId: id,
      ...(slack.teamId ? { teamId: slack.teamId } : {}),
      botToken,
      incidentChannel: slack.incidentChannel,
      ...(slack.leadsChannel ? { leadsChannel: slack.leadsChannel } : {}),
      leads: slack.leads,
    })),
  };
}

/** The Discord adapter's settings: the environment's one server, or the server of each collective of the file. */
export function discordOptions(
  config: Config,
  served: readonly ServedCollective[],
): PlatformOptions<DiscordAdapterOptions> | undefined {
  if (config.discord) return config.discord;
  const app = config.discordApp;
  const onDiscord = served.flatMap(({ config: collective }) =>
    collective.discord?.guildId
      ? [{ id: collective.id, discord: collective.discord, guildId: collective.discord.guildId }]
      : [],
  );
  if (!app || onDiscord.length === 0) return undefined;
  return {
    token: app.token,
    apiUrl: app.apiUrl,
    servers: onDiscord.map(({ id, discord, guildId }) => ({
      collectiveId: id,
      guildId,
      incidentChannel: discord.incidentChannel,
      ...(discord.leadsChannel ? { leadsChannel: discord.leadsChannel } : {}),
      ...(discord.leadRole ? { leadRole: discord.leadRole } : {}),
    })),
  };
}
