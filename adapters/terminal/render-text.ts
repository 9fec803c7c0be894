import type { Reply } from '../../src/core/reply.ts';
import { replaceUnsafeCharacters } from '../../src/core/safe-text.ts';

const TONE_MARK: Record<Reply['tone'], string> = { info: '•', success: '✓', warning: '!', error: '✗' };

/** Escape sequences and carriage returns in text someone typed could rewrite the terminal: show them as '?'. */
export function sanitizeForTerminal(text: string): string {
  return replaceUnsafeCharacters(text, '?').replace(/\r/g, '?');
}

/** A reply as plain text: a marked title, then each section with its heading and indented lines. */
export function renderText(reply: Reply): string {
  const out = [`${TONE_MARK[reply.tone]} ${reply.title}`];
  for (const section of reply.sections) {
    if (section.heading) out.push('', `  ${section.heading}`);
    for (const line of section.lines) out.push(`    ${line}`);
  }
  // Buttons become commands to type.
  const actions = reply.actions ?? [];
  if (actions.length > 0)
    out.push('', `  ${actions.map((a) => `/press ${a.id} (${a.label})`).join('  ·  ')}`);
  return `${sanitizeForTerminal(out.join('\n'))}\n`;
}
