export type PastedTextProblem = 'empty' | 'too_long' | 'control_chars';

export const MAX_PASTE_LENGTH = 2048;

// Zero-width characters ride along when people copy from apps; at the edges they are noise, inside a link they
// can disguise one, so only the edges are forgiven.
const EDGE_INVISIBLES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
// Tabs and line breaks are left for the caller: they mean "more than one thing was pasted", not a disguise.
const HIDDEN_CHARACTER = /(?![\t\n\r])[\p{Cc}\p{Cf}]/u;
// Slack sends links as <https://…> or <https://…|label>, and email addresses as <mailto:…|…>.
const CHAT_WRAPPED = /^<([^<>]*)>$/;

/** What a person pasted, trimmed and unwrapped, or why it can't be read at all. */
export function readPastedText(
  input: string,
): { ok: true; text: string } | { ok: false; problem: PastedTextProblem } {
  let text = input.replace(EDGE_INVISIBLES, '');
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > MAX_PASTE_LENGTH) return { ok: false, problem: 'too_long' };
  if (HIDDEN_CHARACTER.test(text)) return { ok: false, problem: 'control_chars' };
  const wrapped = CHAT_WRAPPED.exec(text);
  if (wrapped) {
    const inner = wrapped[1] ?? '';
    const bar = inner.indexOf('|');
    text = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    if (text === '') return { ok: false, problem: 'empty' };
  }
  return { ok: true, text };
}
