import { categoryFromWord, categoryList, closestCategory } from '../categories.ts';
import type { Translator } from '../i18n/translator.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstWord } from '../text-words.ts';

// `by:` and `on:` take one word, or a quoted value with spaces: by:"Jo Bloggs", on:"2026-11-30 14:05".
const OPTION = /^(by|on|when):(?:"([^"]*)"|(\S*))(?=\s|$)\s*([\s\S]*)$/i;

/**
 * `/flag <post-url | where> [category] [!high|!critical] [by:<account>] [on:<date>] [note…]`. The first word is
 * the link, or where an attack with no link happened (`phone`, `complaint`, `dm:instagram`…). Then, in any
 * order: a category when a word names one (a near miss like `thraet`, or an explicit `category:xyz`, is an
 * error, so a typo never files the wrong category), a severity, the attacker and the day. The rest is the note.
 */
export function parseFlagText(text: string, t: Translator): Result<Record<string, unknown>> {
  const { word: first, rest } = firstWord(text);
  if (!first) return fail('flag.url_missing', t('flag.usage_missing'));
  // Where a link-less attack happened takes the link's place: the link field reads it as such.
  const place = { url: first };
  const fields: Record<string, string | undefined> = {};
  let remainder = rest;
  for (;;) {
    const option = OPTION.exec(remainder.trimStart());
    if (option) {
      const [, name = '', quoted, bare, after = ''] = option;
      const key = name.toLowerCase() === 'by' ? 'by' : 'when';
      if (fields[key] !== undefined)
        return fail('flag.option_twice', t('flag.option_twice', { option: name }));
      fields[key] = quoted ?? bare ?? '';
      remainder = after;
      continue;
    }
    const { word, rest: after } = firstWord(remainder);
    if (!word) break;
    if (fields.severity === undefined && word.startsWith('!')) {
      fields.severity = word.slice(1).toLowerCase();
      remainder = after;
      continue;
    }
    if (fields.category !== undefined) break;
    const explicit = /^category:(.*)$/i.exec(word);
    const named = categoryFromWord(explicit ? (explicit[1] ?? '') : word);
    if (named) {
      fields.category = named;
      remainder = after;
      continue;
    }
    if (explicit || closestCategory(word)) {
      const guess = closestCategory(explicit ? (explicit[1] ?? '') : word);
      const categories = categoryList();
      return fail(
        'flag.category_unknown',
        guess
          ? t('flag.category_unknown_guess', { guess, categories })
          : t('flag.category_unknown', { categories }),
      );
    }
    break;
  }
  const { category, severity, by, when } = fields;
  return ok({ ...place, category, severity, by, when, note: remainder });
}
