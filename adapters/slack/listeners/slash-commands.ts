import type { App } from '@slack/bolt';
import type { AnyCommand } from '../../../src/core/command.ts';
import type { CommandRegistry } from '../../../src/core/registry.ts';
import { slackConversation } from '../slack-conversation.ts';
import type { SlackEdges } from '../slack-edge.ts';
import { refuseUnservedCommand } from '../unserved-workspace.ts';

/** Slack reserves some names, so help answers to /shieldwall; every other command keeps its registry name. */
export function slashCommandName(command: AnyCommand): string {
  return command.name === 'help' ? '/shieldwall' : `/${command.name}`;
}

// What Slack sends as the command: a slash and a name. Matching any, one listener serves them all (see below),
// but /setup, which the adapter answers itself (listeners/setup.ts): two listeners would both acknowledge it.
const ANY_COMMAND = /^\/(?!setup$)[a-z][a-z0-9_-]{0,31}$/;

/**
 * Every slash command, handed to the core with its conversation. One listener for every command, not one each:
 * Bolt passes each request through every listener's matchers, and in a burst of flags that costs each
 * acknowledgement time (B2 in `npm run bench`).
 */
export function registerSlashCommands(app: App, edges: SlackEdges): void {
  app.command(ANY_COMMAND, async ({ command: payload, ack, respond, context }) => {
    const edge = edges.of(context.teamId);
    if (!edge) return refuseUnservedCommand(edges, context, ack);
    // A command the app still lists but this version does not have (an older manifest) is served as unknown.
    const name = slashCommandsOf(edge.bot.commands).get(payload.command)?.name ?? '';
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

// Looked up once per registry (collectives' bots may share one), not on every command of a burst.
const slashNames = new WeakMap<CommandRegistry, Map<string, AnyCommand>>();

function slashCommandsOf(registry: CommandRegistry): Map<string, AnyCommand> {
  let byName = slashNames.get(registry);
  if (!byName) {
    byName = new Map(registry.commands.map((command) => [slashCommandName(command), command]));
    slashNames.set(registry, byName);
  }
  return byName;
}
