import type { App } from '@slack/bolt';
import type { AnyCommand } from '../../../src/core/command.ts';
import { slackConversation } from '../slack-conversation.ts';
import type { SlackEdge } from '../slack-edge.ts';

/** Slack reserves some names, so help answers to /shieldwall; every other command keeps its registry name. */
export function slashCommandName(command: AnyCommand): string {
  return command.name === 'help' ? '/shieldwall' : `/${command.name}`;
}

// What Slack sends as the command: a slash and a name. Matching any, one listener serves them all (see below).
const ANY_COMMAND = /^\/[a-z][a-z0-9_-]{0,31}$/;

/**
 * Every slash command, handed to the core with its conversation. One listener for every command, not one each:
 * Bolt passes each request through every listener's matchers, and in a burst of flags that costs each
 * acknowledgement time (B2 in `npm run bench`).
 */
export function registerSlashCommands(app: App, edge: SlackEdge): void {
  const byName = new Map(edge.bot.commands.commands.map((command) => [slashCommandName(command), command]));
  app.command(ANY_COMMAND, async ({ command: payload, ack, respond }) => {
    // A command the app still lists but this version does not have (an older manifest) is served as unknown.
    const name = byName.get(payload.command)?.name ?? '';
    await edge.bot.serve(
      { kind: 'command', name, input: { text: payload.text } },
      slackConversation(edge, {
        ack,
        respond,
        person: { teamId: payload.team_id, userId: payload.user_id, userName: payload.user_name },
        // The trigger id is unique to one invocation, so a redelivered command is recognised by the ledger.
        deliveryId: `command:${payload.trigger_id}`,
        triggerId: payload.trigger_id,
        responseUrl: payload.response_url,
      }),
    );
  });
}
