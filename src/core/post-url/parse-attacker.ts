import { platformFromWord } from '../platform-names.ts';
import { fail, ok, type Result } from '../result.ts';
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

const EXAMPLES = 'a handle like @name, instagram:name, a profile link, an email address, or a name';
const invalid = (): Result<never> =>
  fail('attacker.invalid', `That doesn't look like an account. Give ${EXAMPLES}.`);

/** Reads what a member typed for the attacker's account (the `by:` option, the form's field). */
export function parseAttacker(input: string): Result<AttackerSpec> {
  const pasted = readPastedText(input);
  if (!pasted.ok) {
    return pasted.problem === 'too_long'
      ? fail('attacker.too_long', `That's too long for an account. Give ${EXAMPLES}.`)
      : invalid();
  }
  const text = pasted.text.replace(/^"(.*)"$/s, '$1').trim();
  if (UNKNOWN_WORDS.has(text.toLowerCase())) return ok({ kind: 'unknown' });
  if (/^https?:\/\//i.test(text) || /^[^\s/@]+\.[a-z]{2,}\//i.test(text)) return accountInLink(text);
  const fediverse = FEDIVERSE.exec(text);
  if (text.startsWith('@') && fediverse) return ok({ kind: 'account', account: mastodon(fediverse) });
  if (looksLikeEmailAddress(text)) {
    const address = parseEmailAddress(text);
    if (address === null) {
      return fail('attacker.email', "That email address isn't complete. Give it like name@example.com.");
    }
    return ok({ kind: 'account', account: accountRef('email', address.key, address.display) });
  }
  const prefixed = PREFIXED.exec(text);
  if (prefixed && !/\s/.test(prefixed[1] ?? '')) {
    const platform = platformFromWord(prefixed[1] ?? '');
    if (platform === undefined || platform === 'web') {
      return fail(
        'attacker.platform',
        "I don't know that platform. Start with one of x, instagram, facebook, tiktok, youtube, linkedin, " +
          'reddit, bluesky, threads, mastodon or email, like instagram:name, or paste a profile link.',
      );
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
      return fail(
        'attacker.platform_missing',
        'Say which platform that account is on, like instagram:name or x:name, or paste their profile link.',
      );
    }
    return accountOn(platform, spec.handle);
  }
  if (spec.kind === 'name') {
    if (!hasAccounts) return ok(spec.account);
    return fail(
      'attacker.name_on_platform',
      `That looks like a name, not an account on ${platformLabel(platform)}. Give their handle, like @name, or ` +
        'paste their profile link.',
    );
  }
  if (hasAccounts && spec.account.platform !== platform) {
    return fail(
      'attacker.other_platform',
      `That's an account on ${platformLabel(spec.account.platform)}, but this happened on ` +
        `${platformLabel(platform)}. Give the ${platformLabel(platform)} account, like @name.`,
    );
  }
  return ok(spec.account);
}

function accountInLink(text: string): Result<AttackerSpec> {
  const post = normalizePostUrl(text);
  if (!post.ok) return post;
  if (post.value.account === null) {
    return fail(
      'attacker.not_in_link',
      "That link doesn't say whose account it is. Paste their profile link (open their name, copy the " +
        'address), or give their handle like @name.',
    );
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
    return address === null
      ? fail('attacker.email', "That email address isn't complete. Give it like name@example.com.")
      : ok(accountRef('email', address.key, address.display));
  }
  if (platform === 'offline') {
    const name = personName(typed);
    return name ? ok(name) : invalid();
  }
  if (platform === 'mastodon') {
    const match = FEDIVERSE.exec(typed);
    return match
      ? ok(mastodon(match))
      : fail('attacker.invalid', 'Give a Mastodon account with its server, like @name@mastodon.social.');
  }
  const handle = typed.replace(platform === 'reddit' ? /^\/?u\//i : /^@/, '');
  const link = profileLink(platform, handle);
  const post = link === null ? null : normalizePostUrl(link);
  if (post?.ok && post.value.kind === 'profile' && post.value.account) {
    return ok(post.value.account);
  }
  return fail(
    'attacker.invalid',
    `That isn't a handle I can read on ${platformLabel(platform)}. Paste their profile link instead, or check the spelling.`,
  );
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
