import type { App } from '@slack/bolt';
import type { InstalledWorkspaces } from '../installed-workspaces.ts';
import type { SlackEdges } from '../slack-edge.ts';

/**
 * Slack says the app was removed from a workspace (`app_uninstalled`), or its bot token revoked
 * (`tokens_revoked` naming bot users): that workspace's installation is forgotten and it is no longer served.
 * A revoked user token alone leaves the bot working. Bolt hands these two events over without authorizing them.
 */
export function registerUninstall(
  app: App,
  edges: SlackEdges,
  workspaces: InstalledWorkspaces | undefined,
): void {
  const gone = async (teamId: string | undefined, why: 'app_uninstalled' | 'tokens_revoked') => {
    if (!teamId) return;
    if (workspaces) await workspaces.uninstalled(teamId, why);
    else
      edges.log.warn(
        { adapter: 'slack', teamId, why },
        'Slack says a workspace configured on the server removed the app',
      );
  };
  app.event('app_uninstalled', async ({ context, body }) =>
    gone(context.teamId ?? body.team_id, 'app_uninstalled'),
  );
  app.event('tokens_revoked', async ({ event, context, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await gone(context.teamId ?? body.team_id, 'tokens_revoked');
  });
}
