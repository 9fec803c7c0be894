import type { Actor } from '../../src/core/command.ts';
import { fail, ok, type Result } from '../../src/core/result.ts';
import { splitWords } from '../../src/core/text-words.ts';

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
  if (!/^[\p{L}\p{N}._-]{1,32}$/u.test(name)) {
    return fail('as.name', 'A name is one word of up to 32 letters or digits, like alice or dr.chen.');
  }
  return ok(terminalActor(name, role !== undefined));
}
