import type { Actor } from '../../src/core/command.ts';
import type { MemberRef } from '../../src/core/ledger-port.ts';
import { fail, ok, type Result } from '../../src/core/result.ts';
import { splitWords } from '../../src/core/text-words.ts';

/**
 * Who is at the keyboard until `/as` says otherwise. A name, not "you": messages name the person attacked to
 * colleagues ("guest wants: …"), and a member called "you" read as "you wants" to everyone else.
 */
export const DEFAULT_TERMINAL_MEMBER = 'guest';

/** Words that mean the person typing, never a member of that name. */
const SELF_WORDS = new Set(['me', 'myself', 'you', 'yourself', 'i']);

/** Terminal ids carry their platform like every other: `terminal:local:alice`. */
export function terminalActor(name: string, isLead: boolean): Actor {
  return { id: `terminal:local:${name.toLowerCase()}`, name, isLead };
}

/** `/as <name>` acts as a member, `/as <name> lead` as a lead. */
export function parseAsCommand(text: string): Result<Actor> {
  const [name, role, ...extra] = splitWords(text);
  if (!name || extra.length > 0 || (role !== undefined && role.toLowerCase() !== 'lead')) {
    return fail('as.usage', 'Say /as <name> to act as a member, or /as <name> lead to act as a lead.');
  }
  const valid = checkName(name);
  return valid.ok ? ok(terminalActor(name, role !== undefined)) : valid;
}

/** A colleague named in a form: the same one-word names `/as` accepts; "me" is whoever is typing. */
export function memberFromName(text: string, self: MemberRef): Result<MemberRef> {
  const name = text.trim();
  if (SELF_WORDS.has(name.toLowerCase())) return ok({ id: self.id, name: self.name });
  const valid = checkName(name);
  if (!valid.ok) return valid;
  const { id } = terminalActor(name, false);
  return ok({ id, name });
}

function checkName(name: string): Result<string> {
  if (SELF_WORDS.has(name.toLowerCase())) {
    return fail(
      'as.pronoun',
      'Pick a name rather than "me" or "you": colleagues read it, like alice or dr.chen.',
    );
  }
  return /^[\p{L}\p{N}._-]{1,32}$/u.test(name)
    ? ok(name)
    : fail('as.name', 'A name is one word of up to 32 letters or digits, like alice or dr.chen.');
}
