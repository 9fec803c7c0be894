import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { notAMemberReply } from '../../../src/core/access.ts';
import { unknownButtonReply } from '../../../src/core/bot.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { ackFirst } from '../ack-first.ts';
import { respondPrivately } from '../private-reply.ts';
import { REPLY_ACTION_PATTERN } from '../render-blocks.ts';
import type { SlackEdge } from '../slack-edge.ts';

// The value is the core's action id (`rally:on-it:12`); the core checks it again before acting.
const actionValue = z.string().regex(/^[a-z-]+:[a-z-]+:\d{1,15}$/);

/** Buttons on private messages (rally alerts, the consent question): handed to the core as they are. */
export function registerReplyButtons(app: App, edge: SlackEdge): void {
  app.action<BlockAction<ButtonAction>>(REPLY_ACTION_PATTERN, async ({ ack, body, action, respond }) => {
    await ackFirst(ack);
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
  });
}
