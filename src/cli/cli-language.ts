import { DEFAULT_LANGUAGE, type Language, languageFromWord } from '../core/i18n/language.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';

/**
 * The language the command line speaks: SHIELDWALL_LANGUAGE, the collective's, read on its own so that a typo
 * in a command is answered before (and without) the rest of the configuration. loadConfig refuses a bad value.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const configured = env.SHIELDWALL_LANGUAGE?.trim();
  return (configured ? languageFromWord(configured) : undefined) ?? DEFAULT_LANGUAGE;
}

export function cliTranslator(env: NodeJS.ProcessEnv = process.env): Translator {
  return translator(cliLanguage(env));
}
