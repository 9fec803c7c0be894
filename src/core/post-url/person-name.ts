import type { AccountRef } from './types.ts';

// A person's name as someone would write it on a complaint or a letter: letters in any script, spaces, and the
// punctuation names carry (Dr. Jean-Luc O'Neil). Digits are allowed for names like "caller 2".
const NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'’-]{0,99}$/u;

/** A name typed for an attacker who has no account we can key (a caller, a letter's signatory), or null. */
export function personName(text: string): AccountRef | null {
  const display = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!NAME.test(display) || !/\p{L}/u.test(display)) return null;
  // One key for every spelling of the same name: case, spacing and the curly apostrophe.
  const handle = display.toLowerCase().replace(/’/g, "'");
  return { platform: 'offline', handle, display };
}
