import type { Actor } from '../../src/core/command.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
import type { MemberRef } from '../../src/core/ledger-port.ts';
import { fail, ok, type Result } from '../../src/core/result.ts';
import { splitWords } from '../../src/core/text-words.ts';

/**
 * Who is at the keyboard until `/as` says otherwise. A name, not "you": messages name the person attacked to
 * colleagues ("guest wants: …"), and a member called "you" read as "you wants" to everyone else.
 */
export const DEFAULT_TERMINAL_MEMBER = 'guest';

/** Words that mean the person typing, never a member of that name (in English and in French). */
const SELF_WORDS = new Set(['me', 'myself', 'you', 'yourself', 'i', 'moi', 'vous', 'toi', 'je']);

/** Terminal ids carry their platform like every other: `terminal:local:alice`. */
export function terminalActor(name: string, isLead: boolean): Actor {
  return { id: `terminal:local:${name.toLowerCase()}`, name, isLead };
}

/** `/as <name>` acts as a member, `/as <name> lead` as a lead. */
export function parseAsCommand(text: string, t: Translator): Result<Actor> {
  const [name, role, ...extra] = splitWords(text);
  if (!name || extra.length > 0 || (role !== undefined && role.toLowerCase() !== 'lead')) {
    return fail('as.usage', t('terminal.as_usage'));
  }
  const valid = checkName(name, t);
  return valid.ok ? ok(terminalActor(name, role !== undefined)) : valid;
}

/** A colleague named in a form: the same one-word names `/as` accepts; "me" is whoever is typing. */
export function memberFromName(text: string, self: MemberRef, t: Translator): Result<MemberRef> {
  const name = text.trim();
  if (SELF_WORDS.has(name.toLowerCase())) return ok({ id: self.id, name: self.name });
  const valid = checkName(name, t);
  if (!valid.ok) return valid;
  const { id } = terminalActor(name, false);
  return ok({ id, name });
}

function checkName(name: string, t: Translator): Result<string> {
  if (SELF_WORDS.has(name.toLowerCase())) return fail('as.pronoun', t('terminal.as_pronoun'));
  return /^[\p{L}\p{N}._-]{1,32}$/u.test(name) ? ok(name) : fail('as.name', t('terminal.as_name'));
}
