import { plainWord } from '../text-words.ts';

/**
 * French words a member may type for a command's English keywords (`/responder activer`, `/review x:troll
 * confirmer …`, `/export SW-12 révéler`): accepted as aliases, in any case and with or without accents. The
 * keywords stay English in the ledger, the help and the usage lines; the categories' own French words live with
 * the categories.
 */
const FRENCH_KEYWORDS = {
  responder: {
    etat: 'status',
    statut: 'status',
    activer: 'on',
    oui: 'on',
    desactiver: 'off',
    non: 'off',
    retour: 'back',
    reprendre: 'back',
    silence: 'quiet',
    plafond: 'cap',
    limite: 'cap',
  },
  review: { confirmer: 'confirm', contester: 'dispute', effacer: 'clear', lier: 'link' },
  export: { reveler: 'reveal' },
} as const;

type Keywords = typeof FRENCH_KEYWORDS;

/** The English keyword a typed word stands for in `command`, or the word itself (lower-cased) when it is none. */
export function keywordOf(command: keyof Keywords, word: string): string {
  const aliases: Readonly<Record<string, string>> = FRENCH_KEYWORDS[command];
  const typed = plainWord(word);
  return Object.hasOwn(aliases, typed) ? (aliases[typed] as string) : word.toLowerCase();
}
