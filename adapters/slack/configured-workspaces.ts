import type { Bot, Fleet } from '../../src/core/chat-adapter.ts';
import { DEFAULT_COLLECTIVE_ID } from '../../src/core/settings.ts';
import type { SlackAdapterOptions } from './slack-adapter.ts';
import type { SlackWorkspaceOptions, WorkspaceSetting } from './slack-workspace.ts';
import { SlackSetupError } from './startup-checks.ts';

/** Each workspace to serve, with its collective's bot; a workspace whose collective has no bot here is refused. */
export function servedWorkspaces(
  o: SlackAdapterOptions,
  fleet: Fleet,
): { workspace: SlackWorkspaceOptions; bot: Bot }[] {
  if (!o.workspaces) {
    // With "Add to Slack" the fleet also holds the bots of workspaces set up in chat: the environment's is the
    // default collective's.
    const [bot, ...others] = o.installs
      ? [fleet.bot(DEFAULT_COLLECTIVE_ID)].filter((b) => b !== undefined)
      : fleet.bots;
    if (!bot || others.length > 0)
      throw new SlackSetupError(
        'One Slack workspace is configured, for one collective: several collectives need a workspace each.',
      );
    const { botToken, incidentChannel, leadsChannel, leads } = o;
    const workspace = { collectiveId: bot.collectiveId, botToken, incidentChannel, leadsChannel, leads };
    return [{ workspace, bot }];
  }
  const collectives = new Set<string>();
  return o.workspaces.map((workspace) => {
    const bot = fleet.bot(workspace.collectiveId);
    if (!bot)
      throw new SlackSetupError(
        `Slack workspace ${workspace.teamId ?? '(unnamed)'} is configured for collective "${workspace.collectiveId}", which this process does not serve.`,
      );
    if (collectives.has(workspace.collectiveId))
      throw new SlackSetupError(`Collective "${workspace.collectiveId}" is given two Slack workspaces.`);
    collectives.add(workspace.collectiveId);
    return { workspace, bot };
  });
}

/** How start-up refusals name a collective's channels when several are configured. */
export function collectiveLabels(collectiveId: string): WorkspaceSetting['labels'] {
  return {
    incidentChannel: `The Slack incident channel of collective "${collectiveId}"`,
    leadsChannel: `The Slack leads' channel of collective "${collectiveId}"`,
  };
}
