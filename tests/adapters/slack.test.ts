import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { SlackRig } from './slack-rig.ts';

const ledger = useFreshLedger();
let slack: SlackRig;
beforeEach(async () => {
  slack = await SlackRig.start(ledger.db);
});
afterEach(async () => {
  await slack.stop();
});

describe('Slack: flagging', () => {
  it('flags at once from /flag <url> <category> <note>, answers privately and posts a card without the wording', async () => {
    const { status, body, responseId } = await slack.slash('ana', 'flag', 'https://x.com/SomeTroll/status/123 threat I will find you');
    expect(status).toBe(200);
    expect(body).toBe('');
    const reply = await slack.privateReply(responseId);
    expect(reply).toContain('Recorded as SW-1: Violent threat, critical severity.');
    await slack.fake.waitForCalls('chat.postMessage');
    const [card] = slack.cardPosts();
    expect(card).toContain('SW-1 · Violent threat · critical severity');
    expect(card).not.toContain('I will find you');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });
});
