import { platformFromWord } from '../platform-names.ts';
import { ok, type Result } from '../result.ts';
import { failSaying } from '../spoken-error.ts';
import { looksLikeEmailAddress, parseEmailAddress } from './email-address.ts';
import { normalizePostUrl } from './normalize-post-url.ts';
import { readPastedText } from './pasted-text.ts';
import { personName } from './person-name.ts';
import { platformLabel } from './platform-label.ts';
import { accountRef } from './post-builders.ts';
import type { AccountRef, Platform } from './types.ts';

/**
 * The attacker as a member named them, before we know where the attack happened: an account on a named
 * platform, a handle whose platform the post will say, a person's name, or explicitly unknown.
 */
export type AttackerSpec =
  | { kind: 'unknown' }
  | { kind: 'account'; account: AccountRef }
  | { kind: 'handle'; handle: string }
  | { kind: 'name'; account: AccountRef };

const UNKNOWN_WORDS = new Set(['unknown', 'none', 'anonymous', 'anon', '?', 'nobody', '-']);
const BARE_HANDLE = /^@?([\p{L}\p{N}._-]{1,100})$/u;
const FEDIVERSE = /^@?([A-Za-z0-9_.-]{1,64})@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/;
const PREFIXED = /^([A-Za-z]+):(.+)$/s;

const invalid = (): Result<never> => failSaying('attacker.invalid', 'attacker.invalid');
const incompleteEmail = (): Result<never> => failSaying('attacker.email', 'attacker.email');

/** A platform's name for a message, and which kind it is (email is said as such in French). */
const placeValues = (platform: Platform) => ({
  platform: platformLabel(platform),
  platformKind: platform === 'email' ? 'email' : 'account',
});

/** Reads what a member typed for the attacker's account (the `by:` option, the form's field). */
export function parseAttacker(input: string): Result<AttackerSpec> {
  const pasted = readPastedText(input);
  if (!pasted.ok) {
    return pasted.problem === 'too_long' ? failSaying('attacker.too_long', 'attacker.too_long') : invalid();
  }
  const text = pasted.text.replace(/^"(.*)"$/s, '$1').trim();
  if (UNKNOWN_WORDS.has(text.toLowerCase())) return ok({ kind: 'unknown' });
  if (/^https?:\/\//i.test(text) || /^[^\s/@]+\.[a-z]{2,}\//i.test(text)) return accountInLink(text);
  const fediverse = FEDIVERSE.exec(text);
  if (text.startsWith('@') && fediverse) return ok({ kind: 'account', account: mastodon(fediverse) });
  if (looksLikeEmailAddress(text)) {
    const address = parseEmailAddress(text);
    if (address === null) return incompleteEmail();
    return ok({ kind: 'account', account: accountRef('email', address.key, address.display) });
  }
  const prefixed = PREFIXED.exec(text);
  if (prefixed && !/\s/.test(prefixed[1] ?? '')) {
    const platform = platformFromWord(prefixed[1] ?? '');
    if (platform === undefined || platform === 'web') {
      return failSaying('attacker.platform', 'attacker.platform');
    }
    const account = accountOn(platform, (prefixed[2] ?? '').trim());
    return account.ok ? ok({ kind: 'account', account: account.value }) : account;
  }
  const bare = BARE_HANDLE.exec(text);
  if (bare) return ok({ kind: 'handle', handle: bare[1] ?? '' });
  const name = personName(text);
  return name ? ok({ kind: 'name', account: name }) : invalid();
}

/**
 * The attacker's account once the place is known: a bare handle takes the post's (or direct message's)
 * platform, and an account on another platform than the post's is refused, since it can't have posted it.
 * `platform` is null for an attack with no platform at all (a call, a letter).
 */
export function resolveAttacker(spec: AttackerSpec, platform: Platform | null): Result<AccountRef | null> {
  if (spec.kind === 'unknown') return ok(null);
  const hasAccounts = platform !== null && platform !== 'web' && platform !== 'offline';
  if (spec.kind === 'handle') {
    if (!hasAccounts || platform === 'email') {
      return failSaying('attacker.platform_missing', 'attacker.platform_missing');
    }
    return accountOn(platform, spec.handle);
  }
  if (spec.kind === 'name') {
    if (!hasAccounts) return ok(spec.account);
    return failSaying('attacker.name_on_platform', 'attacker.name_on_platform', placeValues(platform));
  }
  if (hasAccounts && spec.account.platform !== platform) {
    return failSaying('attacker.other_platform', 'attacker.other_platform', {
      accountPlatform: platformLabel(spec.account.platform),
      accountPlatformKind: spec.account.platform === 'email' ? 'email' : 'account',
      ...placeValues(platform),
    });
  }
  return ok(spec.account);
}

function accountInLink(text: string): Result<AttackerSpec> {
  const post = normalizePostUrl(text);
  if (!post.ok) return post;
  if (post.value.account === null) {
    return failSaying('attacker.not_in_link', 'attacker.not_in_link');
  }
  return ok({ kind: 'account', account: post.value.account });
}

function mastodon(match: RegExpExecArray): AccountRef {
  const [, user = '', host = ''] = match;
  const key = `${user}@${host}`.toLowerCase();
  return {
    ...accountRef('mastodon', key, `@${user}@${host}`),
    profileUrl: `https://${host.toLowerCase()}/@${user}`,
  };
}

/**
 * A handle on a named platform, checked and keyed by that platform's own link rules: the handle is written into
 * the platform's profile address and read back as the account it names, exactly as a pasted profile link is.
 */
function accountOn(platform: Platform, typed: string): Result<AccountRef> {
  if (platform === 'email') {
    const address = parseEmailAddress(typed);
    return address === null ? incompleteEmail() : ok(accountRef('email', address.key, address.display));
  }
  if (platform === 'offline') {
    const name = personName(typed);
    return name ? ok(name) : invalid();
  }
  if (platform === 'mastodon') {
    const match = FEDIVERSE.exec(typed);
    return match ? ok(mastodon(match)) : failSaying('attacker.invalid', 'attacker.mastodon');
  }
  const handle = typed.replace(platform === 'reddit' ? /^\/?u\//i : /^@/, '');
  const link = profileLink(platform, handle);
  const post = link === null ? null : normalizePostUrl(link);
  if (post?.ok && post.value.kind === 'profile' && post.value.account) {
    return ok(post.value.account);
  }
  return failSaying('attacker.invalid', 'attacker.not_a_handle', { platform: platformLabel(platform) });
}

function profileLink(platform: Platform, handle: string): string | null {
  // Bluesky names accounts by domain-like handles or by did:plc:… identifiers, colons and all.
  if (platform === 'bluesky')
    return /^[A-Za-z0-9._:%-]{1,2048}$/.test(handle) ? `https://bsky.app/profile/${handle}` : null;
  if (!/^[\p{L}\p{N}._:-]{1,100}$/u.test(handle)) return null;
  const [space, name] = handle.includes(':') ? handle.split(':', 2) : [undefined, handle];
  const path = encodeURIComponent(name ?? '');
  switch (platform) {
    case 'x':
      return space ? null : `https://x.com/${path}`;
    case 'instagram':
      return space ? null : `https://instagram.com/${path}`;
    case 'threads':
      return space ? null : `https://threads.net/@${path}`;
    case 'tiktok':
      return space ? null : `https://tiktok.com/@${path}`;
    case 'reddit':
      return space ? null : `https://reddit.com/user/${path}`;
    case 'facebook':
      if (space === 'id') return `https://facebook.com/profile.php?id=${path}`;
      return space ? null : `https://facebook.com/${path}`;
    case 'youtube':
      if (space === 'id') return `https://youtube.com/channel/${path}`;
      if (space === 'c' || space === 'user') return `https://youtube.com/${space}/${path}`;
      return space ? null : `https://youtube.com/@${path}`;
    case 'linkedin':
      if (space === 'company') return `https://linkedin.com/company/${path}`;
      return space ? null : `https://linkedin.com/in/${path}`;
    default:
      return null;
  }
}
