import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { DiscordRig } from './discord-rig.ts';

const ledger = useFreshLedger();
let discord: DiscordRig;
beforeEach(async () => {
  discord = await DiscordRig.start(ledger.db);
});
afterEach(async () => {
  await discord.stop();
});

describe('Discord: flagging', () => {
  it('flags at once with options: a private answer, and an embed card without the wording', async () => {
    const id = await discord.command('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/123',
      category: 'threat',
      note: 'I know where you work',
    });
    const reply = await discord.answer(id);
    expect(reply).toContain('Recorded as SW-1: Violent threat, critical severity.');
    const card = await discord.firstCard();
    console.log(reply, '\n----\n', JSON.stringify(card.body, null, 1));
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });
});
