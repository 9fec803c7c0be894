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

/**
 * What a link points at. `post`: one post (on X, Bluesky, Threads and Mastodon a reply is one too, under the
 * replier's own handle). `comment`: a comment or a reply under a post, on the platforms whose comment links name
 * the post's owner or nobody, never the commenter. `profile`: an account page. `email`: an email sender.
 * `offline`: an attack with no public link (a direct message, a call, a letter…), keyed by channel, attacker
 * and day.
 */
export const POST_KINDS = ['post', 'comment', 'profile', 'email', 'offline'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** What a flagged link points at, reduced to the key that deduplicates it. */
export interface NormalizedPost {
  platform: Platform;
  kind: PostKind;
  /** The canonical form: every variant of one post gives the same string, different posts never do. */
  canonicalUrl: string;
  /** Who posted it, when the link says so (an Instagram `/p/…` link, for one, does not; a comment link never). */
  account: AccountRef | null;
}
