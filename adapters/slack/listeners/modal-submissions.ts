import type { App, ViewSubmitAction } from '@slack/bolt';
import { readCommandModal } from '../command-modal.ts';
import { OUTCOME_BLOCK, readOutcome } from '../resolve-modal.ts';
import { modalConversation, type SlackPerson, speakTo } from '../slack-conversation.ts';
import type { SlackEdges } from '../slack-edge.ts';
import { FORM_VIEW_PATTERN, RESOLVE_VIEW } from '../slack-ids.ts';
import { formMetadata, parseMetadata, resolveMetadata } from '../slack-payloads.ts';
import { refuseUnservedAction } from '../unserved-workspace.ts';

type ViewValues = ViewSubmitAction['view']['state']['values'];

/** Submitted modals: a command's form, and how an incident ended; each handed to the core as it is. */
export function registerModalSubmissions(app: App, edges: SlackEdges): void {
  app.view<ViewSubmitAction>(FORM_VIEW_PATTERN, async ({ ack, body, view, context }) => {
    const edge = edges.of(context.teamId);
    if (!edge) return refuseUnservedAction(edges, context.teamId, () => ack(), undefined);
    const command = edge.bot.commands.find(FORM_VIEW_PATTERN.exec(view.callback_id)?.[1] ?? '');
    // A view without state (not one Slack sends) reads like an empty form.
    const values = (view.state?.values ?? {}) as ViewValues;
    await edge.bot.serve(
      command
        ? {
            kind: 'form',
            name: command.name,
            options: readCommandModal(command, values as never, edge.teamId),
          }
        : { kind: 'unknown', what: 'form' },
      modalConversation(edge, {
        ack,
        person: personOf(body),
        viewId: view.id,
        responseUrl: parseMetadata(formMetadata, view.private_metadata)?.responseUrl,
      }),
    );
  });

  app.view<ViewSubmitAction>(RESOLVE_VIEW, async ({ ack, body, view, context }) => {
    const edge = edges.of(context.teamId);
    if (!edge) return refuseUnservedAction(edges, context.teamId, () => ack(), undefined);
    const metadata = parseMetadata(resolveMetadata, view.private_metadata);
    const outcome = readOutcome((view.state?.values ?? {}) as never);
    if (!metadata || !outcome) {
      const t = await speakTo(edge, personOf(body));
      await ack({ response_action: 'errors', errors: { [OUTCOME_BLOCK]: t('slack.choose_outcome') } });
      return;
    }
    await edge.bot.serve(
      { kind: 'resolve', incidentId: metadata.incidentId, outcome },
      modalConversation(edge, {
        ack,
        person: personOf(body),
        viewId: view.id,
        responseUrl: metadata.responseUrl,
      }),
    );
  });
}

function personOf(body: ViewSubmitAction): SlackPerson {
  return { teamId: body.team?.id ?? body.user.team_id, userId: body.user.id, userName: body.user.name };
}
