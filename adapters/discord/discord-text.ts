import { escapeMarkdown } from 'discord.js';

const URL_PATTERN = /https?:\/\/[^\s<>|"]+/g;

/**
 * Text for an embed or message. Markdown people typed is escaped, `<@…>`, `<#…>` and `<@&…>` show as text, and
 * `@everyone`/`@here` get a full-width at sign; every message is also sent with no mentions allowed. Links are
 * wrapped in `<…>`, which Discord shows as a link without a preview, so an abusive post is never previewed.
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
  return escapeMarkdown(text)
    .replace(/</g, '\\<')
    .replace(/@(everyone|here)\b/gi, '＠$1');
}

/** Discord's hard limits: an embed title 256, description 4,096, a field value 1,024 characters. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The mentions every message allows: none at all. */
export const NO_MENTIONS = { parse: [] as never[] };
