import type { App } from '@slack/bolt';
import { notAMemberReply } from '../../../src/core/access.ts';
import type { AnyCommand } from '../../../src/core/command.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { ackFirst } from '../ack-first.ts';
import { buildCommandModal } from '../command-modal.ts';
import { respondPrivately, sendFilePrivately } from '../private-reply.ts';
import type { SlackEdge } from '../slack-edge.ts';
import { formViewId } from '../slack-ids.ts';

/** Slack reserves some names, so help answers to /shieldwall; every other command keeps its registry name. */
export function slashCommandName(command: AnyCommand): string {
  return command.name === 'help' ? '/shieldwall' : `/${command.name}`;
}

/**
 * Every command is acknowledged at once (Slack allows 3 seconds), then checked and run; the answer goes to
 * the person alone through the command's response URL.
 */
export function registerSlashCommands(app: App, edge: SlackEdge): void {
  for (const command of edge.bot.commands.commands) {
    app.command(slashCommandName(command), async ({ command: payload, ack, respond }) => {
      await ackFirst(ack);
      try {
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
          unexpectedFailure(edge.log, { command: command.name }, error, command.notDone),
        );
      }
    });
  }
}
