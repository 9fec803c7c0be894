import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/i18n/language.ts';
import { rememberMemberLanguages } from '../../src/core/i18n/member-language.ts';

/** The ledger's two language calls over a plain map, counting the reads that reach it. */
function store() {
  const rows = new Map<string, Language>();
  const calls = { reads: 0 };
  return {
    rows,
    calls,
    ledger: {
      memberLanguage: async (id: string) => {
        calls.reads += 1;
        return rows.get(id) ?? null;
      },
      setMemberLanguage: async (id: string, language: Language) => void rows.set(id, language),
    },
  };
}

describe('the memory of members’ languages', () => {
  it('reads a member’s language once in a while, not on every request', async () => {
    const { ledger, calls, rows } = store();
    rows.set('slack:T1:U1', 'fr');
    const clock = { now: 0 };
    const languages = rememberMemberLanguages(ledger, 10_000, () => clock.now);
    for (let i = 0; i < 5; i++) expect(await languages.memberLanguage('slack:T1:U1')).toBe('fr');
    expect(await languages.memberLanguage('slack:T1:U2')).toBeNull();
    expect(await languages.memberLanguage('slack:T1:U2')).toBeNull();
    expect(calls.reads).toBe(2);
  });

  it('knows a choice made here at once, and one made on another process once its memory lapses', async () => {
    const { ledger, rows } = store();
    const clock = { now: 0 };
    const here = rememberMemberLanguages(ledger, 10_000, () => clock.now);
    const there = rememberMemberLanguages(ledger, 10_000, () => clock.now);
    expect(await there.memberLanguage('m')).toBeNull();
    await here.setMemberLanguage('m', 'fr');
    expect(rows.get('m')).toBe('fr');
    expect(await here.memberLanguage('m')).toBe('fr');
    expect(await there.memberLanguage('m')).toBeNull();
    clock.now = 10_001;
    expect(await there.memberLanguage('m')).toBe('fr');
  });

  it('never puts back the language a read found before a choice that finished first', async () => {
    const { ledger } = store();
    let release: () => void = () => undefined;
    const slowRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    const languages = rememberMemberLanguages(
      {
        ...ledger,
        memberLanguage: async (id) => {
          const found = await ledger.memberLanguage(id);
          await slowRead;
          return found;
        },
      },
      10_000,
      () => 0,
    );
    const reading = languages.memberLanguage('m');
    await languages.setMemberLanguage('m', 'fr');
    release();
    expect(await reading).toBeNull();
    expect(await languages.memberLanguage('m')).toBe('fr');
  });
});
