import type { Json } from './discord-world.ts';

// Discord's rules for application commands (bulk overwrite), as documented: a payload breaking one is refused
// with 400 (code 50035). Localized names and descriptions follow the same rules as the defaults, per locale.
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const DESCRIPTION_MAX = 100;
const CHOICE_NAME_MAX = 100;
const CHOICES_MAX = 25;
const OPTIONS_MAX = 25;

/** The locales Discord accepts as keys of `name_localizations` / `description_localizations`. */
export const DISCORD_LOCALES = new Set([
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
]);

/** Why Discord would refuse these commands, or undefined when it would take them. */
export function commandsProblem(payload: unknown): string | undefined {
  if (!Array.isArray(payload)) return 'the body must be a list of commands';
  const names = new Set<string>();
  for (const command of payload as Json[]) {
    const where = `command ${String(command.name)}`;
    const problem =
      nameProblem(command.name, command.name_localizations) ??
      descriptionProblem(command.description, command.description_localizations) ??
      optionsProblem(command.options);
    if (problem) return `${where}: ${problem}`;
    if (names.has(String(command.name))) return `${where}: two commands with one name`;
    names.add(String(command.name));
  }
  return undefined;
}

function nameProblem(name: unknown, localizations: unknown): string | undefined {
  const all = [['default', name], ...Object.entries(asMap(localizations) ?? {})] as [string, unknown][];
  if (localizations !== undefined && localizations !== null && !asMap(localizations))
    return 'name_localizations must be an object';
  for (const [locale, value] of all) {
    if (locale !== 'default' && !DISCORD_LOCALES.has(locale)) return `unknown locale ${locale}`;
    // Names are lower-case where the letter has a lower case.
    if (typeof value !== 'string' || !NAME.test(value) || value !== value.toLowerCase())
      return `invalid name ${JSON.stringify(value)} (${locale})`;
  }
  return undefined;
}

function descriptionProblem(description: unknown, localizations: unknown): string | undefined {
  const all = [['default', description], ...Object.entries(asMap(localizations) ?? {})] as [
    string,
    unknown,
  ][];
  for (const [locale, value] of all) {
    if (locale !== 'default' && !DISCORD_LOCALES.has(locale)) return `unknown locale ${locale}`;
    if (typeof value !== 'string' || value.length < 1 || value.length > DESCRIPTION_MAX)
      return `description must be 1 to ${DESCRIPTION_MAX} characters (${locale})`;
  }
  return undefined;
}

function optionsProblem(options: unknown): string | undefined {
  if (options === undefined) return undefined;
  if (!Array.isArray(options) || options.length > OPTIONS_MAX) return 'options must be a list of at most 25';
  const names = new Map<string, Set<string>>();
  let optionalSeen = false;
  for (const option of options as Json[]) {
    const where = `option ${String(option.name)}`;
    const problem =
      nameProblem(option.name, option.name_localizations) ??
      descriptionProblem(option.description, option.description_localizations) ??
      choicesProblem(option.choices);
    if (problem) return `${where}: ${problem}`;
    // Names are unique within the command, in each locale (a missing localization falls back to the default).
    const localized = { default: option.name, ...(asMap(option.name_localizations) ?? {}) };
    for (const locale of new Set(['default', ...Object.keys(localized)])) {
      const seen = names.get(locale) ?? new Set<string>();
      const value = String((localized as Record<string, unknown>)[locale] ?? option.name);
      if (seen.has(value)) return `${where}: two options named ${value} (${locale})`;
      seen.add(value);
      names.set(locale, seen);
    }
    if (option.required) {
      if (optionalSeen) return `${where}: required options must come before optional ones`;
    } else optionalSeen = true;
  }
  return undefined;
}

function choicesProblem(choices: unknown): string | undefined {
  if (choices === undefined) return undefined;
  if (!Array.isArray(choices) || choices.length > CHOICES_MAX) return 'choices must be a list of at most 25';
  for (const choice of choices as Json[]) {
    const all = [['default', choice.name], ...Object.entries(asMap(choice.name_localizations) ?? {})];
    for (const [locale, value] of all as [string, unknown][]) {
      if (locale !== 'default' && !DISCORD_LOCALES.has(locale)) return `unknown locale ${locale}`;
      if (typeof value !== 'string' || value.length < 1 || value.length > CHOICE_NAME_MAX)
        return `choice name must be 1 to ${CHOICE_NAME_MAX} characters (${locale})`;
    }
  }
  return undefined;
}

function asMap(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
