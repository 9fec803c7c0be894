import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './catalogue-types.ts';
import { en } from './en/index.ts';
import { fr } from './fr/index.ts';
import { INTL_LOCALE, type Language } from './language.ts';

export type { MessageKey } from './catalogue-types.ts';

const CATALOGUES: Record<Language, Readonly<Record<MessageKey, string>>> = { en, fr };

/** What a message's placeholders are filled with; numbers pick the plural form (`{count, plural, …}`). */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/**
 * Speaks one language: `t('flag.recorded', { reference })` renders that key's ICU message. Lists, numbers and
 * dates go through `Intl` in the same locale, so nothing is stitched together by hand.
 */
export interface Translator {
  (key: MessageKey, values?: MessageValues): string;
  readonly language: Language;
  /** The BCP 47 locale `Intl` formats with. */
  readonly locale: string;
  /** `a, b and c` / `a, b et c` (or `or` / `ou`). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  number(value: number): string;
}

// Compiled messages, by language and key: a message is parsed once per process, not once per reply.
const compiled = new Map<string, IntlMessageFormat>();

function compile(language: Language, key: MessageKey): IntlMessageFormat {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // Tags are off: messages show `/correct R-12 by:<their account>`, and `<…>` there is text, not markup.
    format = new IntlMessageFormat(CATALOGUES[language][key], INTL_LOCALE[language], undefined, {
      ignoreTag: true,
    });
    compiled.set(id, format);
  }
  return format;
}

const translators = new Map<Language, Translator>();

/** The translator for a language; one per language, shared. */
export function translator(language: Language): Translator {
  const known = translators.get(language);
  if (known) return known;
  const locale = INTL_LOCALE[language];
  const lists = {
    conjunction: new Intl.ListFormat(locale, { type: 'conjunction' }),
    disjunction: new Intl.ListFormat(locale, { type: 'disjunction' }),
  };
  const numbers = new Intl.NumberFormat(locale);
  const t = ((key: MessageKey, values?: MessageValues) =>
    String(
      compile(language, key).format(values as Record<string, string | number | Date> | undefined),
    )) as Translator;
  Object.assign(t, {
    language,
    locale,
    list: (items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction') =>
      lists[type].format(items),
    number: (value: number) => numbers.format(value),
  });
  translators.set(language, t);
  return t;
}

/** Whether a string is a catalogue key: zod schemas name their errors by key, and the runner translates them. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}

/** Every key, in catalogue order: for tests that walk the whole catalogue. */
export function messageKeys(): MessageKey[] {
  return Object.keys(en) as MessageKey[];
}

/** A language's raw message for a key, for tests that compare catalogues. */
export function rawMessage(language: Language, key: string): string | undefined {
  return (CATALOGUES[language] as Record<string, string>)[key];
}
