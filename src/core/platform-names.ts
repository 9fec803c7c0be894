import { PLATFORMS, type Platform } from './post-url/types.ts';

/** Names people use for a platform, beyond its keyword. */
const PLATFORM_ALIASES: Record<string, Platform> = {
  twitter: 'x',
  'x.com': 'x',
  ig: 'instagram',
  insta: 'instagram',
  fb: 'facebook',
  meta: 'facebook',
  yt: 'youtube',
  bsky: 'bluesky',
  fediverse: 'mastodon',
  mail: 'email',
  tt: 'tiktok',
  name: 'offline',
};

/** The platform a word names (keyword or alias, any case), if any. */
export function platformFromWord(word: string): Platform | undefined {
  const key = word.trim().toLowerCase();
  return (PLATFORMS as readonly string[]).includes(key) ? (key as Platform) : PLATFORM_ALIASES[key];
}

/** Platforms where people have accounts, and so direct messages: all but email, other websites and offline. */
export const ACCOUNT_PLATFORMS: readonly Platform[] = PLATFORMS.filter(
  (platform) => platform !== 'web' && platform !== 'email' && platform !== 'offline',
);

/** Platforms people can be rallied on: those where they have accounts. */
export const RALLY_PLATFORMS = ACCOUNT_PLATFORMS;
