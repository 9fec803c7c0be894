import type { Reply } from '../../src/core/reply.ts';

const TONE_MARK: Record<Reply['tone'], string> = { info: '•', success: '✓', warning: '!', error: '✗' };

// Escape sequences and other controls in text someone typed could rewrite the terminal; show them as '?'.
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '?');
}

/** A reply as plain text: a marked title, then each section with its heading and indented lines. */
export function renderText(reply: Reply): string {
  const out = [`${TONE_MARK[reply.tone]} ${reply.title}`];
  for (const section of reply.sections) {
    if (section.heading) out.push('', `  ${section.heading}`);
    for (const line of section.lines) out.push(`    ${line}`);
  }
  return `${sanitizeForTerminal(out.join('\n'))}\n`;
}
