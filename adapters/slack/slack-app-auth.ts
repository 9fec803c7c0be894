import type { AppOptions } from '@slack/bolt';
import { sendInstalledPage, sendInstallFailedPage } from './install-pages.ts';
import type { ServedInstallations } from './served-installations.ts';
import { SLACK_BOT_SCOPES } from './slack-scopes.ts';
import type { SlackInstalls } from './workspace-setups.ts';

/**
 * How the Bolt app authorizes each request. Workspaces configured on the server only: `authorize`, from memory.
 * With "Add to Slack": Bolt's OAuth flow instead (Bolt refuses both at once), over the same tokens plus the
 * sealed installations. `GET /slack/install` goes straight to Slack's consent page (directInstall), and Slack
 * sends the admin back to `GET /slack/oauth_redirect`, where the state cookie must match, or nothing is stored.
 */
export function appAuthorization(
  installs: SlackInstalls | undefined,
  served: ServedInstallations,
  installed: (teamId: string) => Promise<void>,
): Pick<
  AppOptions,
  | 'authorize'
  | 'clientId'
  | 'clientSecret'
  | 'stateSecret'
  | 'scopes'
  | 'installationStore'
  | 'installerOptions'
> {
  if (!installs) return { authorize: async ({ teamId }) => ({ ...served.authorizationOf(teamId) }) };
  return {
    clientId: installs.clientId,
    clientSecret: installs.clientSecret,
    stateSecret: installs.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: served,
    installerOptions: {
      directInstall: true,
      callbackOptions: {
        successAsync: async (installation, _options, _request, response) => {
          if (installation.team?.id) await installed(installation.team.id);
          sendInstalledPage(response, installation.team?.name);
        },
        failure: (error, _options, _request, response) => sendInstallFailedPage(response, error.code),
      },
    },
  };
}
