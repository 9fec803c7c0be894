import { categoryFromWord, categoryList, closestCategory } from '../categories.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstWord } from '../text-words.ts';

/**
 * `/flag <post-url> [category] [!high|!critical] [note…]`. The word after the link is a category when it names
 * one; a near miss (`thraet`) or an explicit `category:xyz` is an error, so a typo never files the wrong category.
 * Anything else starts the note.
 */
export function parseFlagText(text: string): Result<Record<string, unknown>> {
  const { word: url, rest } = firstWord(text);
  if (!url) {
    return fail(
      'flag.url_missing',
      'Paste the link to the post after /flag, like: /flag https://x.com/name/status/123 threat what they said',
    );
  }
  let remainder = rest;
  let category: string | undefined;
  const next = firstWord(remainder);
  if (next.word) {
    const explicit = /^category:(.*)$/i.exec(next.word);
    const named = categoryFromWord(explicit ? (explicit[1] ?? '') : next.word);
    if (named) {
      category = named;
      remainder = next.rest;
    } else if (explicit || closestCategory(next.word)) {
      const guess = closestCategory(explicit ? (explicit[1] ?? '') : next.word);
      return fail(
        'flag.category_unknown',
        `That category isn't one I know.${guess ? ` Did you mean ${guess}?` : ''} Categories: ${categoryList()}.`,
      );
    }
  }
  let severity: string | undefined;
  const raise = firstWord(remainder);
  if (raise.word?.startsWith('!')) {
    severity = raise.word.slice(1).toLowerCase();
    remainder = raise.rest;
  }
  return ok({ url, category, severity, note: remainder });
}
