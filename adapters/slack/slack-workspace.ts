import { webApi } from '@slack/bolt';
import type { Bot } from '../../src/core/chat-adapter.ts';
import { ChannelMembers } from './channel-members.ts';
import { SlackAccess } from './slack-access.ts';
import { slackCapabilities } from './slack-capabilities.ts';
import type { SlackEdge } from './slack-edge.ts';
import { checkPrivateChannel, SlackSetupError } from './startup-checks.ts';
import { UserNames } from './user-names.ts';

/** One Slack workspace served by one collective's bot. */
export interface SlackWorkspaceOptions {
  collectiveId: string;
  /** The workspace the token must belong to; auth.test says which it is, and a mismatch stops start-up. */
  teamId?: string;
  botToken: string;
  incidentChannel: string;
  leadsChannel?: string;
  leads: readonly string[];
}

/** A workspace ready to take requests: its edge, and what Bolt's `authorize` answers for its requests. */
export interface ConnectedWorkspace {
  edge: SlackEdge;
  authorization: { teamId: string; botToken: string; botId?: string; botUserId?: string };
}

/** What every workspace's edge shares: the process's logger, acknowledgements and screenshot downloads. */
export interface WorkspaceSetting {
  clientOptions: webApi.WebClientOptions;
  messagesPerSecond?: number | undefined;
  /** How start-up refusals name the channels: the environment variables when one workspace is configured. */
  labels: { incidentChannel: string; leadsChannel: string };
  common: Pick<SlackEdge, 'log' | 'responseUrlOrigins' | 'ackFirst'>;
  /** Downloads screenshots with this workspace's token (Slack's file host serves a file only to its workspace). */
  fetchScreenshots(files: unknown[], botToken: string): Promise<unknown[]>;
}

/**
 * Connects one workspace with its own token: which team it is, whether its channels are private, who its
 * members are; then declares to its collective's bot what Slack offers there. Nothing here is shared with
 * another workspace, so a collective's cards, messages and members stay in its own workspace.
 */
export async function connectWorkspace(
  workspace: SlackWorkspaceOptions,
  bot: Bot,
  setting: WorkspaceSetting,
): Promise<ConnectedWorkspace> {
  const client = new webApi.WebClient(workspace.botToken, setting.clientOptions);
  const auth = await client.auth.test();
  if (!auth.team_id) throw new SlackSetupError('Slack did not say which workspace the bot token belongs to.');
  if (workspace.teamId !== undefined && workspace.teamId !== auth.team_id)
    throw new SlackSetupError(
      `The Slack bot token of collective "${workspace.collectiveId}" belongs to workspace ${auth.team_id}, ` +
        `not ${workspace.teamId}: check the token and the team id configured for that collective.`,
    );
  const teamId = auth.team_id;
  await checkPrivateChannel(client, setting.labels.incidentChannel, workspace.incidentChannel);
  if (workspace.leadsChannel)
    await checkPrivateChannel(client, setting.labels.leadsChannel, workspace.leadsChannel);
  const members = new ChannelMembers(client, workspace.incidentChannel);
  await members.refresh();
  const names = new UserNames(client);
  const access = new SlackAccess(teamId, members, new Set(workspace.leads), names);
  bot.attach(
    'slack',
    slackCapabilities(bot, {
      client,
      teamId,
      incidentChannel: workspace.incidentChannel,
      leadsChannel: workspace.leadsChannel,
      leads: workspace.leads,
      access,
      messagesPerSecond: setting.messagesPerSecond,
    }),
  );
  // Whoever left the channel while no bot was running stops being a responder now.
  await bot.reconcileMembers('slack');
  const edge: SlackEdge = {
    ...setting.common,
    bot,
    client,
    teamId,
    incidentChannel: workspace.incidentChannel,
    members,
    access,
    names,
    fetchScreenshots: (files) => setting.fetchScreenshots(files, workspace.botToken),
  };
  return {
    edge,
    authorization: {
      teamId,
      botToken: workspace.botToken,
      ...(auth.bot_id ? { botId: auth.bot_id } : {}),
      ...(auth.user_id ? { botUserId: auth.user_id } : {}),
    },
  };
}
