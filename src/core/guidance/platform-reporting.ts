import type { Platform } from '../post-url/types.ts';

interface ReportingRoute {
  /** Where the platform states its harassment rules or takes reports. */
  policyUrl?: string;
  /** How to report there, in a line. */
  how: string;
}

// Policy pages of each platform's own help centre; a collective can point people elsewhere in its own channel.
const ROUTES: Partial<Record<Platform, ReportingRoute>> = {
  x: {
    policyUrl: 'https://help.x.com/en/rules-and-policies/abusive-behavior',
    how: 'On the post, open the ⋯ menu, choose "Report post" and pick abuse or harassment.',
  },
  instagram: {
    policyUrl: 'https://help.instagram.com/527320407282978',
    how: 'On the post, tap ⋯, then "Report", and choose bullying or harassment.',
  },
  facebook: {
    policyUrl: 'https://transparency.meta.com/policies/community-standards/bullying-harassment/',
    how: 'On the post, open the ⋯ menu, choose "Report post" and pick harassment.',
  },
  threads: {
    policyUrl: 'https://transparency.meta.com/policies/community-standards/bullying-harassment/',
    how: 'On the post, tap ⋯, then "Report", and choose bullying or harassment.',
  },
  tiktok: {
    policyUrl: 'https://www.tiktok.com/community-guidelines/en/',
    how: 'Press and hold the video or comment, choose "Report" and pick harassment and bullying.',
  },
  youtube: {
    policyUrl: 'https://support.google.com/youtube/answer/2802268',
    how: 'Under the video (or on the comment) open the ⋯ menu, choose "Report" and pick harassment.',
  },
  linkedin: {
    policyUrl: 'https://www.linkedin.com/help/linkedin/answer/a1337839',
    how: 'On the post, open the ⋯ menu, choose "Report post" and pick harassment.',
  },
  reddit: {
    policyUrl: 'https://www.reddit.com/report',
    how: 'Under the post or comment choose "Report" and pick harassment; the report form also takes links.',
  },
  bluesky: {
    policyUrl: 'https://bsky.social/about/support/community-guidelines',
    how: 'On the post, open the ⋯ menu, choose "Report post" and pick harassment.',
  },
};

/** How to report this post to the place it was published, under that place's harassment policy. */
export function reportingRoute(platform: Platform, canonicalUrl: string): ReportingRoute {
  const known = ROUTES[platform];
  if (known) return known;
  if (platform === 'mastodon') {
    const host = new URL(canonicalUrl).host;
    return {
      policyUrl: `https://${host}/about`,
      how: `On the post, open the ⋯ menu and choose "Report"; the moderators of ${host} (their rules are on the page below) decide.`,
    };
  }
  if (platform === 'email') {
    const domain =
      canonicalUrl
        .replace(/^mailto:/, '')
        .split('@')[1]
        ?.split('#')[0] ?? '';
    return {
      how:
        `Keep the original email with its full headers (don't delete it), and forward it to abuse@${domain}, the ` +
        "sender's provider, asking them to act on the account.",
    };
  }
  return { how: "Use the site's own report link, or write to its moderators or host with the link." };
}
