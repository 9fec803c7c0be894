import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { notAMemberReply } from '../../../src/core/access.ts';
import { unknownButtonReply } from '../../../src/core/bot.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { respondPrivately } from '../private-reply.ts';
import type { SlackEdge } from '../slack-edge.ts';

// The value is the core's action id (`rally:on-it:12`); the core checks it again before acting.
const actionValue = z.string().regex(/^[a-z-]+:[a-z-]+:\d{1,15}$/);

/** Buttons on private messages (rally alerts, the consent question): handed to the core as they are. */
export async function pressReplyButton(
  { ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>>,
  edge: SlackEdge,
): Promise<void> {
  await edge.ackFirst(ack);
  const value = actionValue.safeParse(action.value);
  if (!value.success) return await respondPrivately(respond, unknownButtonReply());
  try {
    const actor = await edge.access.actor(body.team?.id, body.user.id, body.user.name);
    if (!actor) return await respondPrivately(respond, notAMemberReply());
    const answer = await edge.bot.press(actor, value.data);
    await respondPrivately(respond, answer.reply);
    if (answer.cardChanged && answer.incidentId !== undefined) await edge.keepCard(answer.incidentId);
  } catch (error) {
    await respondPrivately(respond, unexpectedFailure(edge.log, { action: 'button' }, error));
  }
}
