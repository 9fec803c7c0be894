const URL_PATTERN = /https?:\/\/[^\s<>|"]+/g;

/**
 * Text for an embed or message. Every markdown character people typed is escaped, so a name or a reason can't
 * become a heading, a quote, a list, formatting or a masked link (`[label](url)`, which hides where a link goes);
 * `<@…>`, `<#…>` and `<@&…>` show as text, and `@everyone`/`@here` get a full-width at sign; every message is also
 * sent with no mentions allowed. Links are wrapped in `<…>`, which Discord shows as the link itself without a
 * preview, so an abusive post is never previewed and a link always shows where it goes.
 */
export function discordText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]']+$/, '');
    out += `${escapeText(text.slice(last, match.index))}<${url}>`;
    last = match.index + url.length;
  }
  return out + escapeText(text.slice(last));
}

function escapeText(text: string): string {
  return (
    text
      // Anywhere in a line: formatting, spoilers, code, masked links (`[`), mentions and timestamps (`<`).
      .replace(/[\\*_~|`[\]<]/g, '\\$&')
      // At the start of a line: headings, `-#` small text, quotes and list markers.
      .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
      .replace(/@(everyone|here)\b/gi, '＠$1')
  );
}

/**
 * Someone's wording, one line of it, for a code block: Discord formats and links nothing inside one. A backtick
 * is followed by a zero-width space so no run of them can close the block early.
 */
export function discordCodeLine(text: string): string {
  return text.replace(/`/g, '`\u200b').replace(/@(everyone|here)\b/gi, '＠$1');
}

/** Lines made by `discordCodeLine` as a code block (the empty first line keeps Discord from reading a language). */
export function discordCodeBlock(lines: string): string {
  return `\`\`\`\n${lines}\n\`\`\``;
}

/** Room a code block's fences take. */
export const CODE_BLOCK_FENCES = discordCodeBlock('').length;

/** Discord's hard limits: an embed title 256, description 4,096, a field value 1,024 characters. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The mentions every message allows: none at all. */
export const NO_MENTIONS = { parse: [] as never[] };
