import type { RespondFn } from '@slack/bolt';
import { translator } from '../../src/core/i18n/translator.ts';
import type { SlackEdges } from './slack-edge.ts';

// No collective here knows this workspace, so there is no member's or collective's language to speak: English.
const english = translator('en');

/**
 * The app is installed in a workspace that no collective here is served in (a new one not configured yet):
 * its people are told so, kindly and privately, and nothing is read or written. A workspace installed with
 * "Add to Slack" (its request came with a bot token) is told how to finish: /setup.
 */
export async function refuseUnservedCommand(
  edges: SlackEdges,
  context: { teamId?: string | undefined; botToken?: string | undefined },
  ack: (answer: { response_type: 'ephemeral'; text: string }) => Promise<void>,
): Promise<void> {
  noteUnserved(edges, context.teamId);
  const text = english(context.botToken ? 'slack.workspace_not_set_up' : 'slack.workspace_not_served');
  await ack({ response_type: 'ephemeral', text });
}

/** A button or form from such a workspace: acknowledged, then the same private answer. */
export async function refuseUnservedAction(
  edges: SlackEdges,
  teamId: string | undefined,
  ack: () => Promise<void>,
  respond: RespondFn | undefined,
): Promise<void> {
  noteUnserved(edges, teamId);
  await ack();
  await respond?.({
    response_type: 'ephemeral',
    replace_original: false,
    text: english('slack.workspace_not_served'),
  });
}

function noteUnserved(edges: SlackEdges, teamId: string | undefined): void {
  edges.log.warn(
    { adapter: 'slack', teamId },
    'A request came from a Slack workspace no collective is served in',
  );
}
