import type { Actor } from '../command.ts';
import type { Reply } from '../reply.ts';
import { describeError } from '../run-command.ts';
import type { Conversation } from './conversation.ts';
import type { ServeDependencies } from './serve-dependencies.ts';

/**
 * The answer goes where the person asked. If that fails (a platform error, an expired token), it is not
 * rewritten into a failure: what the ledger holds stands, and the same answer goes by direct message.
 */
export async function answerTruthfully(
  deps: ServeDependencies,
  conversation: Conversation,
  actor: Actor | undefined,
  reply: Reply,
): Promise<void> {
  try {
    await conversation.answer(reply);
    return;
  } catch (error) {
    const errorId = globalThis.crypto.randomUUID().slice(0, 8);
    deps.log.error(
      { errorId, platform: conversation.delivery.platform, err: describeError(error) },
      'answer not delivered; sending it by direct message',
    );
    if (!actor) return;
    await deps
      .sendPrivately(actor.id, reply)
      .catch((again: unknown) =>
        deps.log.error({ errorId, err: describeError(again) }, 'answer lost: the direct message failed too'),
      );
  }
}
