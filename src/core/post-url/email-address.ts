export interface EmailAddress {
  /** Lower-cased, without a `+tag`: the same inbox whatever alias the sender used. */
  key: string;
  /** As the person wrote it. */
  display: string;
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
// `Jane Troll <troll@example.com>` as mail clients copy a sender.
const NAMED_ADDRESS = /^[^<>]*<([^<>\s/@]+@[^<>\s/@]+)>$/;
const BARE_ADDRESS = /^[^\s<>@/:]+@[^\s<>@/:]*$/;

/** Whether the text is shaped like an email address at all, so a bad one gets an email-specific answer. */
export function looksLikeEmailAddress(text: string): boolean {
  if (text.startsWith('@')) return false;
  return BARE_ADDRESS.test(text) || NAMED_ADDRESS.test(text);
}

export function parseEmailAddress(text: string): EmailAddress | null {
  const address = NAMED_ADDRESS.exec(text)?.[1] ?? text;
  if (address.length > 254) return null;
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).replace(/\.$/, '');
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return null;
  const plus = local.indexOf('+');
  const inbox = plus > 0 ? local.slice(0, plus) : local;
  return { key: `${inbox}@${domain}`.toLowerCase(), display: address };
}
