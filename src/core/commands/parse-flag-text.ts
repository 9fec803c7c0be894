import { categoryFromWord, categoryList, closestCategory } from '../categories.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstWord } from '../text-words.ts';

const USAGE =
  'Paste the link to the post after /flag, like: /flag https://x.com/name/status/123 threat what they said. ' +
  'No link? Say where it happened instead: /flag phone, /flag complaint, /flag dm:instagram, /flag letter.';

// `by:` and `on:` take one word, or a quoted value with spaces: by:"Jo Bloggs", on:"2026-11-30 14:05".
const OPTION = /^(by|on|when):(?:"([^"]*)"|(\S*))(?=\s|$)\s*([\s\S]*)$/i;

/**
 * `/flag <post-url | where> [category] [!high|!critical] [by:<account>] [on:<date>] [note…]`. The first word is
 * the link, or where an attack with no link happened (`phone`, `complaint`, `dm:instagram`…). Then, in any
 * order: a category when a word names one (a near miss like `thraet`, or an explicit `category:xyz`, is an
 * error, so a typo never files the wrong category), a severity, the attacker and the day. The rest is the note.
 */
export function parseFlagText(text: string): Result<Record<string, unknown>> {
  const { word: first, rest } = firstWord(text);
  if (!first) return fail('flag.url_missing', USAGE);
  // Where a link-less attack happened takes the link's place: the link field reads it as such.
  const place = { url: first };
  const fields: Record<string, string | undefined> = {};
  let remainder = rest;
  for (;;) {
    const option = OPTION.exec(remainder.trimStart());
    if (option) {
      const [, name = '', quoted, bare, after = ''] = option;
      const key = name.toLowerCase() === 'by' ? 'by' : 'when';
      if (fields[key] !== undefined) return fail('flag.option_twice', `Give ${name}: only once.`);
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
      return fail(
        'flag.category_unknown',
        `That category isn't one I know.${guess ? ` Did you mean ${guess}?` : ''} Categories: ${categoryList()}.`,
      );
    }
    break;
  }
  const { category, severity, by, when } = fields;
  return ok({ ...place, category, severity, by, when, note: remainder });
}
