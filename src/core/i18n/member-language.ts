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
