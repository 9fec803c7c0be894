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

/** Escapes text that must stay text: no links, no mentions, no broadcast words. */
export function escapeMrkdwn(text: string): string {
  return escapeEntities(text).replace(/@(channel|here|everyone)\b/gi, '＠$1');
}

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
