import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/en/index.ts';
import { fr } from '../../src/core/i18n/fr/index.ts';
import { LANGUAGES } from '../../src/core/i18n/language.ts';
import { messageKeys, rawMessage, translator } from '../../src/core/i18n/translator.ts';
import { ENGLISH_WORDS, FRENCH_WORDS, strayWords } from './stop-words.ts';

/** Every placeholder a message uses, with its kind (`count:plural`), sorted: both languages must agree. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(`${element.value}:text`);
      if (element.type === TYPE.number) found.add(`${element.value}:number`);
      if (element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:date`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

/** Sample values that carry no words of either language, so the stop-word check reads only the catalogue. */
function sampleValues(message: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const entry of placeholders(message)) {
    const [name, kind] = entry.split(':') as [string, string];
    values[name] = kind === 'plural' || kind === 'number' ? 2 : kind === 'select' ? 'other' : `«${name}»`;
  }
  return values;
}

describe('the message catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('give every message the same placeholders in both languages, and each one parses', () => {
    for (const key of messageKeys()) {
      const english = rawMessage('en', key) ?? '';
      const french = rawMessage('fr', key) ?? '';
      expect(french, key).not.toBe('');
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });

  it('renders every message in French without an English sentence, and in English without a French one', () => {
    const problems: string[] = [];
    for (const key of messageKeys()) {
      const values = sampleValues(rawMessage('en', key) ?? '');
      const french = translator('fr')(key, values);
      const english = translator('en')(key, values);
      for (const word of strayWords(french, ENGLISH_WORDS))
        problems.push(`fr ${key}: "${word}" in ${french}`);
      for (const word of strayWords(english, FRENCH_WORDS))
        problems.push(`en ${key}: "${word}" in ${english}`);
    }
    expect(problems).toEqual([]);
  });

  it('renders every plural form of every language', () => {
    for (const language of LANGUAGES) {
      for (const key of messageKeys()) {
        const message = rawMessage(language, key) ?? '';
        if (!placeholders(message).some((entry) => entry.endsWith(':plural'))) continue;
        for (const count of [0, 1, 2, 21]) {
          const values = { ...sampleValues(message) };
          for (const name of Object.keys(values)) if (typeof values[name] === 'number') values[name] = count;
          expect(translator(language)(key, values), `${language} ${key} ${count}`).not.toMatch(/[{}]/);
        }
      }
    }
  });
});
