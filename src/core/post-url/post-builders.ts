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

/** A profile page is keyed by the account's own canonical profile address. */
export function profileOf(account: AccountRef & { profileUrl: string }): NormalizedPost {
  return { platform: account.platform, kind: 'profile', canonicalUrl: account.profileUrl, account };
}
