import type { Language } from '../i18n/language.ts';
import type { MessageKey, Translator } from '../i18n/translator.ts';
import type { Platform } from '../post-url/types.ts';

interface ReportingRoute {
  /** Where the platform states its harassment rules or takes reports. */
  policyUrl?: string;
  /** Whether that page is in the reader's language; false: it may show in English only. */
  policyInLanguage: boolean;
  /** How to report there, in a line. */
  how: string;
}

interface KnownRoute {
  /** The policy page, by language; a language without its own page gets the English one, said to be so. */
  policyUrl: { en: string } & Partial<Record<Language, string>>;
  how: MessageKey;
}

// Policy pages of each platform's own help centre; a collective can point people elsewhere in its own channel.
// French pages only where the help centre has a French address (a /fr/ path, Google's hl=, LinkedIn's lang=).
const ROUTES: Partial<Record<Platform, KnownRoute>> = {
  x: {
    policyUrl: {
      en: 'https://help.x.com/en/rules-and-policies/abusive-behavior',
      fr: 'https://help.x.com/fr/rules-and-policies/abusive-behavior',
    },
    how: 'guidance.report.x',
  },
  instagram: {
    policyUrl: { en: 'https://help.instagram.com/527320407282978' },
    how: 'guidance.report.instagram',
  },
  facebook: {
    policyUrl: { en: 'https://transparency.meta.com/policies/community-standards/bullying-harassment/' },
    how: 'guidance.report.facebook',
  },
  threads: {
    policyUrl: { en: 'https://transparency.meta.com/policies/community-standards/bullying-harassment/' },
    how: 'guidance.report.threads',
  },
  tiktok: {
    policyUrl: { en: 'https://www.tiktok.com/community-guidelines/en/' },
    how: 'guidance.report.tiktok',
  },
  youtube: {
    policyUrl: {
      en: 'https://support.google.com/youtube/answer/2802268',
      fr: 'https://support.google.com/youtube/answer/2802268?hl=fr',
    },
    how: 'guidance.report.youtube',
  },
  linkedin: {
    policyUrl: {
      en: 'https://www.linkedin.com/help/linkedin/answer/a1337839',
      fr: 'https://www.linkedin.com/help/linkedin/answer/a1337839?lang=fr',
    },
    how: 'guidance.report.linkedin',
  },
  reddit: {
    policyUrl: { en: 'https://www.reddit.com/report' },
    how: 'guidance.report.reddit',
  },
  bluesky: {
    policyUrl: { en: 'https://bsky.social/about/support/community-guidelines' },
    how: 'guidance.report.bluesky',
  },
};

/** How to report this post to the place it was published, under that place's harassment policy. */
export function reportingRoute(t: Translator, platform: Platform, canonicalUrl: string): ReportingRoute {
  const known = ROUTES[platform];
  if (known) {
    const own = known.policyUrl[t.language];
    return { policyUrl: own ?? known.policyUrl.en, policyInLanguage: own !== undefined, how: t(known.how) };
  }
  if (platform === 'mastodon') {
    const host = new URL(canonicalUrl).host;
    // The instance's own page, in whatever language its admins write.
    return {
      policyUrl: `https://${host}/about`,
      policyInLanguage: true,
      how: t('guidance.report.mastodon', { host }),
    };
  }
  if (platform === 'email') {
    const domain =
      canonicalUrl
        .replace(/^mailto:/, '')
        .split('@')[1]
        ?.split('#')[0] ?? '';
    return { policyInLanguage: true, how: t('guidance.report.email', { domain }) };
  }
  return { policyInLanguage: true, how: t('guidance.report.other') };
}

/** The policy link as a line: "Policy and reporting: …", saying when the page may be in English only. */
export function policyLine(t: Translator, route: ReportingRoute): string | undefined {
  if (!route.policyUrl) return undefined;
  return t(route.policyInLanguage ? 'guidance.report.policy' : 'guidance.report.policy_english', {
    url: route.policyUrl,
  });
}
