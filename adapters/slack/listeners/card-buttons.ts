import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { notAMemberReply } from '../../../src/core/access.ts';
import { unknownButtonReply } from '../../../src/core/bot.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { respondPrivately } from '../private-reply.ts';
import { buildResolveModal } from '../resolve-modal.ts';
import type { SlackEdge } from '../slack-edge.ts';
import { cardActionFrom } from '../slack-ids.ts';
import { cardButtonPayload } from '../slack-payloads.ts';

/**
 * The card's buttons. Each press is acknowledged at once; the answer is private to the person who pressed.
 * A double click is harmless: the ledger keeps one action per member, action and incident.
 */
export async function pressCardButton(
  { ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>>,
  edge: SlackEdge,
): Promise<void> {
  await edge.ackFirst(ack);
  const button = cardActionFrom(action.action_id);
  const payload = cardButtonPayload.safeParse(action);
  if (!button || !payload.success) return await respondPrivately(respond, unknownButtonReply());
  const incidentId = payload.data.value;
  try {
    const actor = await edge.access.actor(body.team?.id, body.user.id, body.user.name);
    if (!actor) return await respondPrivately(respond, notAMemberReply());
    if (button === 'wording')
      return await respondPrivately(respond, await edge.bot.incidents.wording(actor, incidentId));
    if (button === 'resolve') {
      const refusal = await edge.bot.incidents.mayResolve(actor, incidentId);
      if (refusal) return await respondPrivately(respond, refusal);
      await edge.client.views.open({
        trigger_id: body.trigger_id,
        view: buildResolveModal(incidentId, JSON.stringify({ incidentId, responseUrl: body.response_url })),
      });
      return;
    }
    const answer = await edge.bot.incidents.act(actor, incidentId, button);
    await respondPrivately(respond, answer.reply);
    if (answer.cardChanged) await edge.keepCard(incidentId);
  } catch (error) {
    await respondPrivately(respond, unexpectedFailure(edge.log, { action: button }, error));
  }
}
