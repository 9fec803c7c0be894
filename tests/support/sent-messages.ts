import type { Bot } from '../../src/core/chat-adapter.ts';
import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { EVERYONE_IS_A_MEMBER } from './core-harness.ts';

export interface Sent {
  to: string;
  reply: Reply;
}

/**
 * Attaches the `test` platform to a bot, with a messenger that keeps every direct message it is asked to send
 * (and lead alerts, sent to `test:local:leads`); `run` sends a command as a delivery of its own.
 */
export function keepSentMessages(bot: Bot) {
  const sent: Sent[] = [];
  bot.attach('test', {
    directMessages: async (to, reply) => {
      sent.push({ to, reply });
    },
    leadChannel: { alerts: () => ['test:local:leads'], digests: () => [] },
    fileDelivery: false,
    membership: EVERYONE_IS_A_MEMBER,
  });
  let delivery = 0;
  const run = (actor: Actor, name: string, input: { text: string } | { options: Record<string, unknown> }) =>
    bot.handle({ actor, delivery: { platform: 'test', id: `d${++delivery}` }, request: { name, input } });
  return { sent, run };
}
