import type { LinkParts } from './link-parts.ts';
import type { NormalizedPost, Platform } from './types.ts';

/** A page on a platform's host that is neither a post nor an account (home, search, settings…). */
export const NOT_A_POST = 'not-a-post';

/**
 * How one platform's links are read. `match` returns null for a path shape it doesn't know; such links are still
 * recorded, keyed on their path and `keepParams`, so an unforeseen post shape is never refused.
 */
export interface PlatformRule {
  readonly platform: Platform;
  /** Hosts after `www.`/`m.`/`mobile.` are dropped. */
  readonly hosts: readonly string[];
  /** Any subdomain ending with one of these also belongs to the platform (country or old-layout hosts). */
  readonly hostSuffixes?: readonly string[];
  /** Query parameters that identify something on this platform; everything else is tracking or display. */
  readonly keepParams: readonly string[];
  /** Those of `keepParams` that point at a comment under the page: an unforeseen shape carrying one is a comment. */
  readonly commentParams?: readonly string[];
  /** A link of the right shape, to show someone who pasted a page that isn't a post. */
  readonly example: string;
  match(link: LinkParts): NormalizedPost | typeof NOT_A_POST | null;
}
