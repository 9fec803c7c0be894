/** Splits what someone typed after a command into words; runs of spaces, tabs and line breaks separate them. */
export function splitWords(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** The first word and the untouched rest, so a note keeps its own spacing and line breaks. */
export function firstWord(text: string): { word: string | undefined; rest: string } {
  const trimmed = text.trimStart();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? { word: match[1], rest: match[2] ?? '' } : { word: undefined, rest: '' };
}

/** Like firstWord, but a value in double quotes may hold spaces: `"name:Jo Bloggs" confirm …`. */
export function firstArgument(text: string): { word: string | undefined; rest: string } {
  const quoted = /^\s*"([^"]+)"\s*([\s\S]*)$/.exec(text);
  return quoted ? { word: quoted[1], rest: quoted[2] ?? '' } : firstWord(text);
}

/** A word as keywords are compared: lower case, accents dropped (`Téléphone` → `telephone`), so either is typed. */
export function plainWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}
