import type { Actor } from '../command.ts';
import type { Ledger } from '../ledger-port.ts';
import type { CollectiveSettings } from '../settings.ts';
import { DEFAULT_LANGUAGE, type Language, languageOfLocale } from './language.ts';

/** The collective's language, for what the whole channel or the leads read (the card, the digest). */
export function collectiveLanguage(settings: CollectiveSettings): Language {
  return settings.language ?? DEFAULT_LANGUAGE;
}

/**
 * The language to answer a member in: what they chose with /language, else what their platform says they read,
 * else the collective's. A ledger that cannot answer only costs the choice, never the command.
 */
export async function memberLanguageOf(
  ledger: Pick<Ledger, 'memberLanguage'>,
  member: Pick<Actor, 'id' | 'locale'>,
  settings: CollectiveSettings,
): Promise<Language> {
  const chosen = await ledger.memberLanguage(member.id).catch(() => null);
  return chosen ?? languageOfLocale(member.locale) ?? collectiveLanguage(settings);
}

/**
 * How long a process trusts what it read of a member's language. Every request needs it, and reading it each
 * time cost a third of the flags' throughput (B1); a member's choice made on another process reaches this one
 * within this time (the answer to /language itself is always in the new language).
 */
export const LANGUAGE_MEMORY_MS = 10_000;

type LanguageStore = Pick<Ledger, 'memberLanguage' | 'setMemberLanguage'>;

/** The ledger's member languages with a short memory in front: a choice made here is known here at once. */
export function rememberMemberLanguages(
  ledger: LanguageStore,
  ttlMs = LANGUAGE_MEMORY_MS,
  now: () => number = Date.now,
): LanguageStore {
  const known = new Map<string, { language: Language | null; until: number }>();
  // Bumped by every choice, so a read that started before it can't put the old language back.
  const choices = new Map<string, number>();
  return {
    async memberLanguage(memberId) {
      const remembered = known.get(memberId);
      if (remembered && remembered.until > now()) return remembered.language;
      const before = choices.get(memberId) ?? 0;
      const language = await ledger.memberLanguage(memberId);
      if ((choices.get(memberId) ?? 0) === before) known.set(memberId, { language, until: now() + ttlMs });
      return language;
    },
    async setMemberLanguage(memberId, language) {
      choices.set(memberId, (choices.get(memberId) ?? 0) + 1);
      known.delete(memberId);
      await ledger.setMemberLanguage(memberId, language);
      known.set(memberId, { language, until: now() + ttlMs });
    },
  };
}
