import type { PlatformRule } from './platform-rule.ts';
import { blueskyRule } from './platforms/bluesky.ts';
import { facebookRule } from './platforms/facebook.ts';
import { instagramRule } from './platforms/instagram.ts';
import { linkedinRule } from './platforms/linkedin.ts';
import { redditRule } from './platforms/reddit.ts';
import { threadsRule } from './platforms/threads.ts';
import { tiktokRule } from './platforms/tiktok.ts';
import { xRule } from './platforms/x.ts';
import { youtubeRule } from './platforms/youtube.ts';

export const PLATFORM_RULES: readonly PlatformRule[] = [
  xRule,
  instagramRule,
  facebookRule,
  tiktokRule,
  youtubeRule,
  linkedinRule,
  redditRule,
  blueskyRule,
  threadsRule,
];

const BY_HOST = new Map(PLATFORM_RULES.flatMap((rule) => rule.hosts.map((host) => [host, rule] as const)));

/** The platform a host belongs to; undefined for every other site (fediverse servers included). */
export function platformRuleFor(host: string): PlatformRule | undefined {
  return (
    BY_HOST.get(host) ??
    PLATFORM_RULES.find((rule) => rule.hostSuffixes?.some((suffix) => host.endsWith(suffix)) ?? false)
  );
}
