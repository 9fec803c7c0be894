import type { App, BlockAction } from '@slack/bolt';
import { unknownButtonReply } from '../../../src/core/bot.ts';
import { ackFirst } from '../ack-first.ts';
import { respondPrivately } from '../private-reply.ts';
import { REPLY_ACTION_PATTERN } from '../render-blocks.ts';
import { CARD_ACTION_PATTERN } from '../slack-ids.ts';

/**
 * A button this version does not draw (on a message from an older version, or a forged payload) is acknowledged
 * and answered kindly, instead of Slack's warning sign after three unanswered seconds. Nothing is read or written.
 */
export function registerUnknownButtons(app: App): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ ack, action, respond }) => {
    const actionId = action.action_id;
    // Bolt runs every matching listener: ours for the buttons we draw ack those.
    if (CARD_ACTION_PATTERN.test(actionId) || REPLY_ACTION_PATTERN.test(actionId)) return;
    await ackFirst(ack);
    await respondPrivately(respond, unknownButtonReply());
  });
}
