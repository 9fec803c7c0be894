export const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'linkedin',
  'reddit',
  'bluesky',
  'threads',
  'mastodon',
  'email',
  'web',
  // Attacks with no platform at all: a phone call, a letter, a complaint to an employer, in person.
  'offline',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What an incident is: see `NormalizedPost.kind`. */
export const POST_KINDS = ['post', 'comment', 'profile', 'email', 'offline'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** One account on one platform: the offender's identity in the ledger. */
export interface AccountRef {
  platform: Platform;
  /** Stable, lower-case key without the platform, e.g. `sometroll`, `troll@mastodon.social`, `id:1000123`. */
  handle: string;
  /** How to show it, keeping the person's own spelling where we have it, e.g. `@SomeTroll`. */
  display: string;
  /** The account's home page, to screenshot as proof it was public. Absent for email senders. */
  profileUrl?: string;
}

/** What a flagged link points at, reduced to the key that deduplicates it. */
export interface NormalizedPost {
  platform: Platform;
  /**
   * `post` for one post, `comment` for a comment or reply under someone else's post (its link never names the
   * commenter), `profile` for an account page, `email` for an email sender, `offline` for an attack with no
   * public link (a direct message, a call, a letter…), keyed by channel, attacker and day.
   */
  kind: PostKind;
  /** The canonical form: every variant of one post gives the same string, different posts never do. */
  canonicalUrl: string;
  /** Who posted it, when the link says so (an Instagram `/p/…` link, for one, does not). */
  account: AccountRef | null;
}
