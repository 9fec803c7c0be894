/**
 * A section of a reply as pieces that each fit a platform's limit once rendered (escaped), so long text is
 * shown in several pieces rather than cut. Whole lines stay together where they fit; a longer line is cut
 * between words, and a word longer than a piece between characters. The heading starts the first piece and
 * `continued` each later one, so a reader knows where a piece belongs.
 */
export function splitSection(
  lines: string[],
  render: (text: string) => string,
  max: number,
  headings: { first?: string; continued?: string },
): string[] {
  const pieces: string[] = [];
  let current = headings.first ?? '';
  let hasLines = false;
  const room = max - (headings.continued ? headings.continued.length + 1 : 0);
  for (const line of lines) {
    for (const part of splitLine(line, render, room)) {
      const joined = current === '' ? part : `${current}\n${part}`;
      if (joined.length <= max) {
        current = joined;
      } else {
        if (hasLines || current !== '') pieces.push(current);
        current = headings.continued ? `${headings.continued}\n${part}` : part;
      }
      hasLines = true;
    }
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** One line, rendered, in parts of at most `max` characters. */
function splitLine(line: string, render: (text: string) => string, max: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (render(rest).length > max) {
    const cut = longestPrefix(rest, render, max);
    parts.push(render(rest.slice(0, cut).trimEnd()));
    rest = rest.slice(cut).trimStart();
  }
  parts.push(render(rest));
  return parts;
}

/** Where to cut `text` so its rendered start fits `max`: after a word if one fits, else between characters. */
function longestPrefix(text: string, render: (text: string) => string, max: number): number {
  const fits = (end: number) => render(text.slice(0, end)).length <= max;
  const wordEnds = [...text.matchAll(/\s+/g)].map((match) => match.index).filter((end) => end > 0);
  const word = largest(wordEnds, fits);
  if (word !== undefined) return word;
  const characters: number[] = [];
  let end = 0;
  for (const character of text) {
    end += character.length;
    characters.push(end);
  }
  // At least one character per piece, so the loop always moves on.
  return largest(characters, fits) ?? characters[0] ?? text.length;
}

/** The largest of the sorted `ends` for which `fits` holds (it holds for a prefix of them), by bisection. */
function largest(ends: number[], fits: (end: number) => boolean): number | undefined {
  let low = 0;
  let high = ends.length - 1;
  let found: number | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const end = ends[middle] as number;
    if (fits(end)) {
      found = end;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
