const URL_PATTERN = /https?:\/\/[^\s<>|"]+/g;

/**
 * Text for a Slack mrkdwn field. `&`, `<` and `>` are escaped, so typed `<!channel>`, `<@U1>` or `<#C1>` show as
 * text and never ping; bare `@channel`/`@here`/`@everyone` get a full-width at sign, which Slack never parses.
 * Web links are made clickable here, because escaped text is never linked by Slack itself.
 */
export function mrkdwnText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimTrailingPunctuation(match[0]);
    out += `${escapeMrkdwn(text.slice(last, match.index))}<${escapeEntities(url)}>`;
    last = match.index + url.length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/**
 * Escapes text that must stay text: no links, no mentions, no broadcast words, no formatting. Slack's mrkdwn has no
 * escape character, so a `*`, `_`, `~` or `` ` `` that could open or close formatting becomes a look-alike that
 * Slack never parses, and a quote mark at the start of a line gets an invisible soft hyphen before it.
 */
export function escapeMrkdwn(text: string): string {
  return escapeEntities(text.replace(/[*_~`]/g, lookAlike))
    .replace(/^(\s*)(&gt;|＞)/gm, '$1\u00ad$2')
    .replace(/@(channel|here|everyone)\b/gi, '＠$1');
}

const LOOK_ALIKES: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };
const WORD = /[\p{L}\p{N}]/u;

/** Inside a word (`some_troll`) a mark can't format anything, so it stays as typed; elsewhere it is swapped. */
function lookAlike(mark: string, offset: number, text: string): string {
  const inWord = mark !== '`' && WORD.test(text[offset - 1] ?? '') && WORD.test(text[offset + 1] ?? '');
  return inWord ? mark : (LOOK_ALIKES[mark] ?? mark);
}

/**
 * Someone's wording, one line of it, for a code block, where Slack formats nothing (the section is sent verbatim,
 * so Slack links no URL either): entities and broadcast words escaped as everywhere, and a zero-width space after
 * each backtick so no run of them can close the block early.
 */
export function mrkdwnCodeLine(text: string): string {
  return escapeEntities(text)
    .replace(/`/g, '`\u200b')
    .replace(/@(channel|here|everyone)\b/gi, '＠$1');
}

/** Lines made by `mrkdwnCodeLine` as a code block. */
export function mrkdwnCodeBlock(lines: string): string {
  return `\`\`\`\n${lines}\n\`\`\``;
}

/** Room a code block's fences take. */
export const CODE_BLOCK_FENCES = mrkdwnCodeBlock('').length;

function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A sentence ending in a link keeps its full stop out of the link. */
function trimTrailingPunctuation(url: string): string {
  return url.replace(/[.,;:!?)\]']+$/, '');
}

/** Plain-text fields (buttons, titles, options) are never parsed by Slack, but have hard length limits. */
export function plainText(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: text.length > max ? `${text.slice(0, max - 1)}…` : text, emoji: true };
}
