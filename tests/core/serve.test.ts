import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Conversation } from '../../src/core/serve/conversation.ts';
import {
  capturingLogger,
  countRows,
  createTestBot,
  EVERYONE_IS_A_MEMBER,
  member,
  replyText,
} from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const ledger = useFreshLedger();

/** A conversation that records what happened to it, in order; its answer can be held back or refused. */
function recorded(actor: Actor | undefined, options: { answer?: () => Promise<void>; id?: string } = {}) {
  const events: string[] = [];
  const answers: Reply[] = [];
  let delivery = 0;
  const conversation: Conversation = {
    delivery: { platform: 'test', id: options.id ?? `serve-${++delivery}-${Math.random()}` },
    acknowledge: async () => {
      events.push('ack');
    },
    actor: async () => {
      events.push('actor');
      return actor;
    },
    answer: async (reply) => {
      events.push('answer');
      await options.answer?.();
      answers.push(reply);
    },
  };
  return { conversation, events, answers, text: () => answers.map(replyText).join('\n') };
}

const flag = (text: string) => ({ kind: 'command' as const, name: 'flag', input: { text } });

describe('serve, the one way into the core', () => {
  it('acknowledges once, before who is asking, then answers', async () => {
    const bot = createTestBot(ledger.db);
    const talk = recorded(member('ana'));
    await bot.serve(flag('https://x.com/SomeTroll/status/1 hate'), talk.conversation);
    expect(talk.events).toEqual(['ack', 'actor', 'answer']);
    expect(talk.text()).toContain('Recorded as SW-1');
  });

  it('refuses someone outside the collective, and stores nothing', async () => {
    const bot = createTestBot(ledger.db);
    const talk = recorded(undefined);
    await bot.serve(flag('https://x.com/SomeTroll/status/1 hate'), talk.conversation);
    expect(talk.text()).toContain("only for members of the collective's private incident channel");
    expect(await countRows(ledger.db, 'incidents')).toBe(0);
  });

  it('a failure before the ledger commits says plainly that nothing was saved', async () => {
    const bot = createTestBot(ledger.db);
    const talk = recorded(member('ana'));
    talk.conversation.prepare = async () => {
      throw new Error('the file host did not answer');
    };
    await bot.serve(
      { kind: 'form', name: 'flag', options: { url: 'https://x.com/SomeTroll/status/2' } },
      talk.conversation,
    );
    expect(talk.text()).toMatch(/NOT saved/);
    expect(await countRows(ledger.db, 'incidents')).toBe(0);
  });

  it('an answer refused after the ledger committed goes by direct message, unchanged', async () => {
    const log = capturingLogger('info');
    const bot = createTestBot(ledger.db, { log: log.log });
    const direct: { to: string; reply: Reply }[] = [];
    bot.attach('test', {
      directMessages: async (to, reply) => {
        direct.push({ to, reply });
      },
      fileDelivery: false,
      membership: EVERYONE_IS_A_MEMBER,
    });
    const talk = recorded(member('ana'), {
      answer: async () => {
        throw new Error('token expired');
      },
    });
    await bot.serve(flag('https://x.com/SomeTroll/status/3 hate'), talk.conversation);
    expect(direct.map((d) => d.to)).toEqual(['test:local:ana']);
    expect(replyText(direct[0]?.reply as Reply)).toContain('Recorded as SW-1');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
    expect(log.written()).toContain('answer not delivered; sending it by direct message');
  });

  it('stop waits for a request under way, and a request after it changes nothing', async () => {
    const bot = createTestBot(ledger.db);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = recorded(member('ana'), { answer: () => held });
    const underWay = bot.serve(flag('https://x.com/SomeTroll/status/4 hate'), slow.conversation);
    while (!slow.events.includes('answer')) await new Promise((resolve) => setImmediate(resolve));
    let stopped = false;
    const stopping = bot.stop().then(() => {
      stopped = true;
    });
    const late = recorded(member('ben'));
    await bot.serve(flag('https://x.com/SomeTroll/status/5 hate'), late.conversation);
    expect(late.text()).toContain('Shieldwall is restarting right now, so nothing was recorded or changed.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await underWay;
    await stopping;
    expect(stopped).toBe(true);
    expect(slow.text()).toContain('Recorded as SW-1');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });

  it("a platform that can't deliver files says so instead of dropping the pack silently", async () => {
    const bot = createTestBot(ledger.db);
    bot.attach('test', { fileDelivery: false, membership: EVERYONE_IS_A_MEMBER });
    await bot.serve(flag('https://x.com/SomeTroll/status/6 threat'), recorded(member('ana')).conversation);
    const talk = recorded({ id: 'test:local:lee', name: 'lee', isLead: true });
    await bot.serve(
      { kind: 'command', name: 'export', input: { text: 'x:sometroll json' } },
      talk.conversation,
    );
    expect(talk.answers[0]?.file).toBeUndefined();
    expect(talk.text()).toContain("I can't send files here");
  });
});
