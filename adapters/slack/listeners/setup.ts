import type { App } from '@slack/bolt';
import { translator } from '../../../src/core/i18n/translator.ts';
import { describeError } from '../../../src/core/run-command.ts';
import type { WorkspaceSetupCommand } from '../setup/setup-command.ts';
import type { SlackEdges } from '../slack-edge.ts';

/** The adapter's own command, not the core's: it sets up the workspace the core's commands are then served in. */
export const SETUP_COMMAND = '/setup';

const english = translator('en');

/**
 * /setup, in every workspace: acknowledged at once (it asks Slack and the ledger before answering), answered
 * privately. Without "Add to Slack" on this deployment there is nothing to set up in chat, and it says so.
 */
export function registerSetup(app: App, edges: SlackEdges, setup: WorkspaceSetupCommand | undefined): void {
  app.command(SETUP_COMMAND, async ({ command, ack, respond, context }) => {
    await ack();
    const teamId = context.teamId ?? command.team_id;
    let text: string;
    try {
      text = setup
        ? await setup.run({
            teamId,
            userId: command.user_id,
            channelId: command.channel_id,
            text: command.text,
          })
        : english('slack.setup.no_installs');
    } catch (error) {
      edges.log.error({ adapter: 'slack', teamId, err: describeError(error) }, '/setup failed');
      text = english('slack.setup.failed');
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  });
}
