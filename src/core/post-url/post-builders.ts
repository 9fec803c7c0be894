import type { AccountRef, NormalizedPost, Platform } from './types.ts';

export function accountRef(
  platform: Platform,
  handle: string,
  display: string,
  profileUrl?: string,
): AccountRef {
  return profileUrl === undefined ? { platform, handle, display } : { platform, handle, display, profileUrl };
}

export function postOf(platform: Platform, canonicalUrl: string, account: AccountRef | null): NormalizedPost {
  return { platform, kind: 'post', canonicalUrl, account };
}

/**
 * A comment or a reply under a post. Its link names the post's owner, often the very person attacked, and never
 * the commenter, so it carries no account: whoever flags it names the commenter.
 */
export function commentOf(platform: Platform, canonicalUrl: string): NormalizedPost {
  return { platform, kind: 'comment', canonicalUrl, account: null };
}

/** A profile page is keyed by the account's own canonical profile address. */
export function profileOf(account: AccountRef & { profileUrl: string }): NormalizedPost {
  return { platform: account.platform, kind: 'profile', canonicalUrl: account.profileUrl, account };
}
