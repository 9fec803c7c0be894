import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { unknownButtonReply } from '../../../src/core/bot.ts';
import { respondPrivately } from '../private-reply.ts';
import { REPLY_ACTION_PATTERN } from '../render-blocks.ts';
import type { SlackEdge } from '../slack-edge.ts';
import { CARD_ACTION_PATTERN } from '../slack-ids.ts';
import { pressCardButton } from './card-buttons.ts';
import { pressReplyButton } from './reply-buttons.ts';

/**
 * Every button press, in one listener (Bolt passes each request through every listener's matchers, see
 * registerSlashCommands): the card's buttons, the buttons on private messages, and any other. A button this
 * version does not draw (on a message from an older version, or a forged payload) is acknowledged and answered
 * kindly, instead of Slack's warning sign after three unanswered seconds; nothing is read or written.
 */
export function registerButtons(app: App, edge: SlackEdge): void {
  app.action<BlockAction>({ type: 'block_actions' }, async (args) => {
    const actionId = args.action.action_id;
    // Only buttons carry these ids; the handlers check the value before anything else.
    const asButton = args as unknown as SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
    if (CARD_ACTION_PATTERN.test(actionId)) return await pressCardButton(asButton, edge);
    if (REPLY_ACTION_PATTERN.test(actionId)) return await pressReplyButton(asButton, edge);
    await edge.ackFirst(args.ack);
    await respondPrivately(args.respond, unknownButtonReply());
  });
}
