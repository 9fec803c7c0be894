import type { App } from '@slack/bolt';
import { notAMemberReply } from '../../../src/core/access.ts';
import type { AnyCommand } from '../../../src/core/command.ts';
import { errorReply, type Reply } from '../../../src/core/reply.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { buildCommandModal } from '../command-modal.ts';
import { respondPrivately, sendFilePrivately } from '../private-reply.ts';
import type { SlackEdge } from '../slack-edge.ts';
import { formViewId } from '../slack-ids.ts';

/** Slack reserves some names, so help answers to /shieldwall; every other command keeps its registry name. */
export function slashCommandName(command: AnyCommand): string {
  return command.name === 'help' ? '/shieldwall' : `/${command.name}`;
}

// What Slack sends as the command: a slash and a name. Matching any, one listener serves them all (see below).
const ANY_COMMAND = /^\/[a-z][a-z0-9_-]{0,31}$/;

/**
 * Every command is acknowledged at once (Slack allows 3 seconds), then checked and run; the answer goes to
 * the person alone through the command's response URL.
 *
 * One listener for every command, not one each: Bolt passes each request through every listener's matchers,
 * and in a burst of flags that costs each acknowledgement time (B2 in `npm run bench`).
 */
export function registerSlashCommands(app: App, edge: SlackEdge): void {
  const byName = new Map(edge.bot.commands.commands.map((command) => [slashCommandName(command), command]));
  app.command(ANY_COMMAND, async ({ command: payload, ack, respond }) => {
    await edge.ackFirst(ack);
    const command = byName.get(payload.command);
    try {
      if (!command) return await respondPrivately(respond, unknownSlashCommandReply());
      const actor = await edge.access.actor(payload.team_id, payload.user_id, payload.user_name);
      if (!actor) return await respondPrivately(respond, notAMemberReply());
      const opensForm =
        command.form && payload.text.trim() === '' && (command.access === 'member' || actor.isLead);
      if (opensForm) {
        await edge.client.views.open({
          trigger_id: payload.trigger_id,
          view: buildCommandModal(command, {
            callbackId: formViewId(command.name),
            privateMetadata: JSON.stringify({ responseUrl: payload.response_url }),
            userId: payload.user_id,
          }),
        });
        return;
      }
      const reply = await edge.bot.handle({
        actor,
        // The trigger id is unique to one invocation, so a redelivered command is recognised by the ledger.
        delivery: { platform: 'slack', id: `${edge.teamId}:command:${payload.trigger_id}` },
        request: { name: command.name, input: { text: payload.text } },
      });
      await respondPrivately(respond, reply);
      await sendFilePrivately(edge.client, payload.user_id, reply);
      if (reply.incidentId !== undefined) await edge.keepCard(reply.incidentId);
    } catch (error) {
      await respondPrivately(
        respond,
        unexpectedFailure(edge.log, { command: command?.name ?? 'unknown' }, error, command?.notDone),
      );
    }
  });
}

/** A command the Slack app still lists but this version does not have (an older manifest). */
function unknownSlashCommandReply(): Reply {
  return errorReply({
    code: 'command.unknown',
    message: "I don't know that command. Type /shieldwall to see what I can do.",
  });
}
