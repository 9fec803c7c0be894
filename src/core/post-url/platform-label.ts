import type { Platform } from './types.ts';

const LABELS: Record<Platform, string> = {
  x: 'X (Twitter)',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  email: 'Email',
  web: 'the website',
  offline: 'Off-platform',
};

/** The platform's name as people say it, for messages. */
export function platformLabel(platform: Platform): string {
  return LABELS[platform];
}
