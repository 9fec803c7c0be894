import { describe, expect, it } from 'vitest';
import { createHarness, member } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const ledger = useFreshLedger();

/** The title and the first section: the flag's own lines (the guidance after them has its own tests). */
const ownLines = (reply: { title: string; sections: { lines: string[] }[] }) =>
  [reply.title, ...(reply.sections[0]?.lines ?? [])].join('\n');

describe('/flag in French', () => {
  it('confirms a new flag, a co-report, a second flag and a repeat in French', async () => {
    const { run } = createHarness(ledger.db);
    const amelie = member('amelie');
    const bob = member('bob');
    await run(amelie, 'language', 'fr');
    await run(bob, 'language', 'fr');
    const url = 'https://x.com/SomeTroll/status/123';

    const created = await run(amelie, 'flag', `${url} threat il a dit qu’il me trouverait`);
    expect(created.title).toMatch(/^Enregistré sous SW-\d+ : Menace violente, gravité critique\.$/);
    expect(ownLines(created)).toContain('Catégorie : Menace violente · Gravité : critique');
    expect(strayWords(ownLines(created), ENGLISH_WORDS)).toEqual([]);

    const coReported = await run(bob, 'flag', url);
    expect(coReported.title).toMatch(
      /^Vous êtes ajouté à SW-\d+ : 2 membres ont signalé cette publication\.$/,
    );
    expect(strayWords(ownLines(coReported), ENGLISH_WORDS)).toEqual([]);

    const again = await run(bob, 'flag', url);
    expect(again.title).toMatch(
      /^Vous aviez déjà signalé cette publication : c’est SW-\d+, et 2 membres l’ont signalé\.$/,
    );
    expect(strayWords(ownLines(again), ENGLISH_WORDS)).toEqual([]);
  });

  it('refuses a bad link and a mistyped category in French', async () => {
    const { run } = createHarness(ledger.db);
    const claire = member('claire');
    await run(claire, 'language', 'fr');

    const notALink = await run(claire, 'flag', 'ftp://example.com/file');
    expect(notALink.tone).toBe('error');
    expect(notALink.title).toContain('Seuls les liens Web');
    expect(strayWords(notALink.title.split(' Syntaxe :')[0] ?? '', ENGLISH_WORDS)).toEqual([]);

    const typo = await run(claire, 'flag', 'https://x.com/SomeTroll/status/123 thraet');
    expect(typo.title).toMatch(/^Je ne connais pas cette catégorie\. Vouliez-vous dire threat \?/);
    expect(strayWords(typo.title, ENGLISH_WORDS)).toEqual([]);

    const badDate = await run(claire, 'flag', 'phone on:2999-01-01 appel');
    expect(badDate.title).toMatch(/^Cette date est dans le futur/);
  });
});
