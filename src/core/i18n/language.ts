/** The languages Shieldwall speaks. Each has a full catalogue (see catalogues.ts); English is the fallback. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** The BCP 47 tag `Intl` formats with: Canadian English and French, the collectives these two serve. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

/** Each language's name in itself, as a member choosing one would look for it. */
export const LANGUAGE_NAME: Record<Language, string> = { en: 'English', fr: 'français' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a platform's locale names (Slack's `fr-FR`, Discord's `fr`, `en-GB`), or undefined for one we
 * do not speak, so the member's choice or the collective's default applies instead.
 */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

// What a member may type after /language: the code, a locale, or the language's name in either language.
const LANGUAGE_WORDS: Record<string, Language> = {
  english: 'en',
  anglais: 'en',
  french: 'fr',
  francais: 'fr',
  français: 'fr',
};

/** The language a member typed (`fr`, `fr-CA`, `français`, `English`), or undefined. */
export function languageFromWord(word: string): Language | undefined {
  const typed = word.trim().toLowerCase();
  if (LANGUAGE_WORDS[typed]) return LANGUAGE_WORDS[typed];
  // A code or a locale only (`fr`, `fr-CA`, `en_GB`): `french-fries` is not a language.
  return /^[a-z]{2}(?:[-_][a-z]{2,4})?$/.test(typed) ? languageOfLocale(typed) : undefined;
}
