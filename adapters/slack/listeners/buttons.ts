import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { ServeRequest } from '../../../src/core/serve/serve-request.ts';
import { REPLY_ACTION_PATTERN } from '../render-blocks.ts';
import { slackConversation } from '../slack-conversation.ts';
import type { SlackEdges } from '../slack-edge.ts';
import { cardActionFrom } from '../slack-ids.ts';
import { cardButtonPayload } from '../slack-payloads.ts';
import { refuseUnservedAction } from '../unserved-workspace.ts';

// A private message's button carries the core's action id (`rally:on-it:12`); the core checks it again.
const actionValue = z.string().regex(/^[a-z-]+:[a-z-]+:\d{1,15}$/);

/**
 * Every button press, in one listener (Bolt passes each request through every listener's matchers): the card's
 * buttons, the buttons on private messages, and any other, which the core answers as unknown.
 */
export function registerButtons(app: App, edges: SlackEdges): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ ack, body, action, respond, context }) => {
    const edge = edges.of(context.teamId);
    if (!edge) return refuseUnservedAction(edges, context.teamId, ack, respond);
    await edge.bot.serve(
      buttonRequest(action as ButtonAction),
      slackConversation(edge, {
        ack,
        respond,
        person: { teamId: body.team?.id, userId: body.user.id, userName: body.user.name },
        deliveryId: `action:${body.trigger_id}`,
        triggerId: body.trigger_id,
        responseUrl: body.response_url,
      }),
    );
  });
}

function buttonRequest(action: ButtonAction): ServeRequest {
  const card = cardActionFrom(action.action_id);
  const incident = cardButtonPayload.safeParse(action);
  if (card && incident.success) return { kind: 'card', action: card, incidentId: incident.data.value };
  const pressed = actionValue.safeParse(action.value);
  if (REPLY_ACTION_PATTERN.test(action.action_id) && pressed.success)
    return { kind: 'press', actionId: pressed.data };
  return { kind: 'unknown', what: 'button' };
}
