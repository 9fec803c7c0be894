import { describe, expect, it } from 'vitest';
import { createHarness, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const ledger = useFreshLedger();

describe('/flag after /language fr', () => {
  it('gives the guidance in French, with a French category word, and in English to everyone else', async () => {
    const { run } = createHarness(ledger.db);
    const amelie = member('amelie');
    await run(amelie, 'language', 'fr');
    const french = await run(amelie, 'flag', 'https://x.com/troll/status/1 menace il a écrit où j’habite');
    const text = replyText(french);
    expect(text).toContain('Votre sécurité d’abord');
    expect(text).toContain('appelez le 911 sans attendre');
    expect(text).toContain('Association canadienne de protection médicale (ACPM)');
    expect(text).toContain('https://help.x.com/fr/rules-and-policies/abusive-behavior');
    expect(text).toContain('Programme d’aide aux médecins du Québec (PAMQ)');

    const english = replyText(await run(member('bob'), 'flag', 'https://x.com/troll/status/2 threat'));
    expect(english).toContain('Your safety first');
    expect(english).toContain('https://help.x.com/en/rules-and-policies/abusive-behavior');
  });
});
