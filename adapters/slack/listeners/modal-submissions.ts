import type { App, ViewSubmitAction } from '@slack/bolt';
import { notAMemberReply } from '../../../src/core/access.ts';
import { checkForm } from '../../../src/core/command-form.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { readCommandModal } from '../command-modal.ts';
import { replyAfterModal } from '../private-reply.ts';
import { OUTCOME_BLOCK, readOutcome } from '../resolve-modal.ts';
import type { SlackEdge } from '../slack-edge.ts';
import { FORM_VIEW_PATTERN, RESOLVE_VIEW, slackUserOf } from '../slack-ids.ts';
import { formMetadata, parseMetadata, resolveMetadata } from '../slack-payloads.ts';

type ViewValues = ViewSubmitAction['view']['state']['values'];

/**
 * Modal submissions. Every field is checked before the modal closes, and a wrong one is answered inside the
 * modal with nothing stored; only a valid form is acknowledged and then recorded.
 */
export function registerModalSubmissions(app: App, edge: SlackEdge): void {
  app.view<ViewSubmitAction>(FORM_VIEW_PATTERN, async ({ ack, body, view }) => {
    const command = edge.bot.commands.find(FORM_VIEW_PATTERN.exec(view.callback_id)?.[1] ?? '');
    const firstField = command?.options[0]?.name ?? 'url';
    const actor = await edge.access.actor(body.team?.id ?? body.user.team_id, body.user.id, body.user.name);
    if (!command || !actor) {
      await ack({ response_action: 'errors', errors: { [firstField]: notAMemberReply().title } });
      return;
    }
    // A view without state (not one Slack sends) is answered inside the modal like an empty form.
    const values = (view.state?.values ?? {}) as ViewValues;
    const options = readCommandModal(command, values as never, edge.teamId);
    const errors = checkForm(command, options);
    const target = options.target as { id: string } | undefined;
    const targetUser = target ? slackUserOf(target.id, edge.teamId) : undefined;
    if (targetUser && !errors.target && !(await edge.access.isMember(targetUser))) {
      errors.target = 'Pick a colleague from the incident channel: the person attacked must be a member.';
    }
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await edge.ackFirst(ack);
    const metadata = parseMetadata(formMetadata, view.private_metadata);
    try {
      if (target && targetUser) {
        options.target = {
          id: target.id,
          name:
            targetUser === body.user.id
              ? actor.name
              : await edge.names.nameOf(targetUser).catch(() => 'a colleague'),
        };
      }
      if (Array.isArray(options.screenshots))
        options.screenshots = await edge.fetchScreenshots(options.screenshots);
      const reply = await edge.bot.handle({
        actor,
        // One modal is submitted successfully once; its view id marks the delivery.
        delivery: { platform: 'slack', id: `${edge.teamId}:view:${view.id}` },
        request: { name: command.name, input: { options } },
      });
      await replyAfterModal(edge.client, body.user.id, metadata?.responseUrl, reply);
      if (reply.incidentId !== undefined) await edge.keepCard(reply.incidentId);
    } catch (error) {
      const reply = unexpectedFailure(edge.log, { command: command.name }, error, command.notDone);
      await replyAfterModal(edge.client, body.user.id, metadata?.responseUrl, reply).catch(() => undefined);
    }
  });

  app.view<ViewSubmitAction>(RESOLVE_VIEW, async ({ ack, body, view }) => {
    const metadata = parseMetadata(resolveMetadata, view.private_metadata);
    const outcome = readOutcome((view.state?.values ?? {}) as never);
    if (!metadata || !outcome) {
      await ack({ response_action: 'errors', errors: { [OUTCOME_BLOCK]: 'Choose how it ended.' } });
      return;
    }
    await edge.ackFirst(ack);
    try {
      const actor = await edge.access.actor(body.team?.id ?? body.user.team_id, body.user.id, body.user.name);
      const answer = actor
        ? await edge.bot.incidents.resolve(actor, metadata.incidentId, outcome)
        : { reply: notAMemberReply(), cardChanged: false };
      await replyAfterModal(edge.client, body.user.id, metadata.responseUrl, answer.reply);
      if (answer.cardChanged) await edge.keepCard(metadata.incidentId);
    } catch (error) {
      const reply = unexpectedFailure(edge.log, { action: 'resolve' }, error);
      await replyAfterModal(edge.client, body.user.id, metadata.responseUrl, reply).catch(() => undefined);
    }
  });
}
