/**
 * The PDF uses the standard Helvetica fonts every reader has, so packs stay small and print anywhere. They draw
 * Windows-1252 (Latin-1 plus a few typographic marks) and nothing else: pdfkit would print garbage for anything
 * outside it, so text is folded into that set first (ř becomes r) and what cannot be folded becomes "?". Every
 * change is counted, so the PDF can say so next to the text; the JSON and CSV exports keep every character.
 */

// The characters Windows-1252 adds to Latin-1 in 0x80–0x9F (the same list pdfkit maps).
const WIN_ANSI_EXTRAS = new Set(
  [
    0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
    0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
  ].map((code) => String.fromCodePoint(code)),
);

// Look-alikes people paste from phones and word processors, drawn as their plain equivalent.
const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2043': '-',
  '\u201b': "'",
  '\u201f': '"',
  '\u2027': '\u00b7',
  '\u2219': '\u00b7',
  '\u2044': '/',
  '\t': '    ',
};
// Latin letters whose stroke is part of the letter, so Unicode does not decompose them: "Łódź" reads "Lódz".
const LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ŀ: 'L',
  ŀ: 'l',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
};
// Zero-width and direction marks, emoji variation selectors and skin tones carry nothing paper can show; without
// them an emoji becomes one "?", not three.
const INVISIBLE =
  /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\r]|\p{Variation_Selector}|\p{Emoji_Modifier}/gu;
const SPACES = /[\u2000-\u200a\u202f\u205f\u3000]/gu;
const COMBINING = /\p{M}/gu;

export const REPLACEMENT = '?';

export function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRAS.has(char)
  );
}

/** Text the standard fonts can draw, and how many characters had to be changed to get there. */
export function toWinAnsi(text: string): { text: string; changed: number } {
  let changed = 0;
  let out = '';
  const cleaned = text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ');
  for (const char of cleaned) {
    if (drawable(char)) {
      out += char;
      continue;
    }
    const lookAlike = LOOK_ALIKES[char];
    if (lookAlike !== undefined) {
      out += lookAlike;
      continue;
    }
    changed++;
    // Latin letters with marks Latin-1 lacks (ő, ą, ș…) keep their base letter: "Dvořák" reads "Dvorák".
    const base = LETTERS[char] ?? char.normalize('NFKD').replace(COMBINING, '');
    if ([...base].every(drawable)) {
      // A stray combining mark folds to nothing, which is better than a "?" after the letter it sits on.
      out += base;
      continue;
    }
    out += REPLACEMENT;
  }
  return { text: out, changed };
}
