import { describe, expect, it } from 'vitest';
import { createHarness, member, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const ledger = useFreshLedger();

describe('/language', () => {
  it('keeps the member’s choice and answers in it from then on', async () => {
    const { run } = createHarness(ledger.db);
    const amelie = member('amelie');
    expect((await run(amelie, 'language')).title).toBe('I speak to you in English.');

    const set = await run(amelie, 'language', 'fr');
    expect(set.tone).toBe('success');
    expect(set.title).toBe('Désormais, je vous parle en français.');
    expect((await run(amelie, 'language')).title).toBe('Je vous parle en français.');
    expect((await run(amelie, 'nosuchcommand')).title).toMatch(/^Je ne connais pas cette commande/);

    // Another member is not affected by her choice.
    expect((await run(member('bob'), 'language')).title).toBe('I speak to you in English.');

    expect((await run(amelie, 'language', 'English')).title).toBe(
      'From now on I will speak to you in English.',
    );
  });

  it('refuses a language it does not speak, in the member’s current language, and changes nothing', async () => {
    const { run } = createHarness(ledger.db);
    const amelie = member('amelie');
    await run(amelie, 'language', 'français');

    const refused = await run(amelie, 'language', 'klingon');
    expect(refused.tone).toBe('error');
    expect(refused.title).toBe(
      '« klingon » n’est pas une langue que je parle. Tapez /language fr pour le français ou /language en pour l’anglais.',
    );
    const rows = await ledger.db.pool.query('SELECT member_id, language FROM member_languages');
    expect(rows.rows).toEqual([{ member_id: amelie.id, language: 'fr' }]);

    const english = await run(member('bob'), 'language', 'de');
    expect(english.title).toMatch(/^"de" is not a language I speak/);
  });

  it('follows the platform’s locale, then the collective’s language, until the member chooses', async () => {
    const { run } = createHarness(ledger.db, { settings: { ...testSettings, language: 'fr' } });
    expect(replyText(await run(member('claire'), 'language'))).toContain('Je vous parle en français.');
    const withLocale = { ...member('dev'), locale: 'en-GB' };
    expect((await run(withLocale, 'language')).title).toBe('I speak to you in English.');
    await run(withLocale, 'language', 'fr');
    expect((await run(withLocale, 'language')).title).toBe('Je vous parle en français.');
  });
});
