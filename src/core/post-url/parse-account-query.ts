import { platformFromWord } from '../platform-names.ts';
import { ok, type Result } from '../result.ts';
import { failSaying } from '../spoken-error.ts';
import { looksLikeEmailAddress, parseEmailAddress } from './email-address.ts';
import { normalizePostUrl } from './normalize-post-url.ts';
import { readPastedText } from './pasted-text.ts';
import { personName } from './person-name.ts';
import { refuse } from './refusals.ts';
import type { Platform } from './types.ts';

/** Whose record to look up. `platform: null` searches every platform for the handle. */
export type AccountQuery = { platform: Platform | null; handle: string };

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const PREFIXED = /^([A-Za-z]+):(.+)$/;
// An optional namespace (`id:`, `c:`, `company:`) as the link parser writes them, then the name itself.
const HANDLE = /^(?:([A-Za-z]+):)?([\p{L}\p{N}._-]{1,100})$/u;
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/i;
const FEDIVERSE = /^@?([A-Za-z0-9_.-]{1,64})@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/;
const REDDIT_USER = /^\/?u\/([A-Za-z0-9_-]{1,20})$/i;

// Said in the reader's language by whoever answers (sayError); `message` stays the English text.
const noQuery = (): Result<never> => failSaying('account.empty', 'account.empty');
const tooLong = (): Result<never> => failSaying('account.too_long', 'account.too_long');
const notAHandle = (): Result<never> => failSaying('account.invalid', 'account.invalid');
const unknownPlatform = (): Result<never> => failSaying('account.platform', 'account.platform');
const noAccountInLink = (): Result<never> => failSaying('account.not_in_link', 'account.not_in_link');

const PASTE_REFUSALS = { empty: noQuery, too_long: tooLong, control_chars: notAHandle } as const;

/**
 * Reads what someone typed to look an offender up: `SomeTroll`, `@SomeTroll`, `x:sometroll`, a profile or post
 * link, an email address, or `@user@server` for Mastodon.
 */
export function parseAccountQuery(input: string): Result<AccountQuery> {
  const pasted = readPastedText(input);
  if (!pasted.ok) return PASTE_REFUSALS[pasted.problem]();
  const { text } = pasted;
  if (text.startsWith('@') && text.indexOf('@', 1) !== -1) return fediverseQuery(text);
  if (looksLikeEmailAddress(text)) return emailQuery(text);
  const redditUser = REDDIT_USER.exec(text);
  if (redditUser) return ok({ platform: 'reddit', handle: (redditUser[1] ?? '').toLowerCase() });
  const prefixed = PREFIXED.exec(text);
  const prefix = prefixed?.[1]?.toLowerCase();
  if (prefixed && prefix !== undefined && !LINK_SCHEMES.has(prefix)) {
    const named = platformFromWord(prefix);
    // `web` is the catch-all for sites without accounts; it can't prefix a handle.
    const platform = named === 'web' ? undefined : named;
    return platform === undefined ? unknownPlatform() : handleOn(platform, prefixed[2] ?? '');
  }
  if (text.includes('/') || prefix !== undefined) return accountInLink(text);
  // Words with spaces are a person's name, as a member names a caller or a letter's signatory.
  if (/\s/.test(text)) return nameQuery(text);
  return bareHandle(text.replace(/^@/, ''), null);
}

function handleOn(platform: Platform, text: string): Result<AccountQuery> {
  if (platform === 'email') return emailQuery(text);
  if (platform === 'offline') return nameQuery(text);
  if (platform === 'mastodon') return fediverseQuery(text);
  if (platform === 'reddit') return bareHandle(text.replace(/^\/?u\//i, ''), platform);
  if (platform === 'bluesky' && DID.test(text)) return ok({ platform, handle: text.toLowerCase() });
  return bareHandle(text.replace(/^@/, ''), platform);
}

function bareHandle(text: string, platform: Platform | null): Result<AccountQuery> {
  const match = HANDLE.exec(text);
  if (!match) return notAHandle();
  const [, namespace, name = ''] = match;
  if (namespace === undefined) return ok({ platform, handle: name.toLowerCase() });
  // Numeric and channel ids are case-sensitive (YouTube's UC… ids); the other namespaces are names.
  const space = namespace.toLowerCase();
  return ok({ platform, handle: `${space}:${space === 'id' ? name : name.toLowerCase()}` });
}

function nameQuery(text: string): Result<AccountQuery> {
  const name = personName(text);
  return name === null ? notAHandle() : ok({ platform: 'offline', handle: name.handle });
}

function fediverseQuery(text: string): Result<AccountQuery> {
  const match = FEDIVERSE.exec(text);
  if (!match) return notAHandle();
  return ok({ platform: 'mastodon', handle: `${match[1]}@${match[2]}`.toLowerCase() });
}

function emailQuery(text: string): Result<AccountQuery> {
  const address = parseEmailAddress(text);
  return address === null ? refuse.email() : ok({ platform: 'email', handle: address.key });
}

function accountInLink(text: string): Result<AccountQuery> {
  const post = normalizePostUrl(text);
  if (!post.ok) return post;
  const { account } = post.value;
  return account === null ? noAccountInLink() : ok({ platform: account.platform, handle: account.handle });
}
