import { ok, type Result } from '../result.ts';
import { canonicalPageUrl } from './canonical-url.ts';
import { looksLikeEmailAddress, parseEmailAddress } from './email-address.ts';
import { type LinkParts, toLinkParts } from './link-parts.ts';
import { parseLink } from './parse-link.ts';
import { readPastedText } from './pasted-text.ts';
import { platformLabel } from './platform-label.ts';
import { NOT_A_POST } from './platform-rule.ts';
import { platformRuleFor } from './platform-rules.ts';
import { matchFediverseLink } from './platforms/mastodon.ts';
import { accountRef, commentOf, postOf } from './post-builders.ts';
import { refuse } from './refusals.ts';
import { isTrackingParam } from './tracking-params.ts';
import type { NormalizedPost } from './types.ts';

const PASTE_REFUSALS = {
  empty: refuse.empty,
  too_long: refuse.tooLong,
  control_chars: refuse.controlChars,
} as const;

/**
 * The key a flagged link is recorded under: every variant of one post (host alias, tracking parameters, case of
 * the handle, trailing slash, fragment) gives the same canonical URL, and different posts never do.
 */
export function normalizePostUrl(input: string): Result<NormalizedPost> {
  const pasted = readPastedText(input);
  if (!pasted.ok) return PASTE_REFUSALS[pasted.problem]();
  if (looksLikeEmailAddress(pasted.text)) return emailSender(pasted.text);
  const link = parseLink(pasted.text);
  if (!link.ok) return link;
  if (link.value.kind === 'email') return emailSender(link.value.address);
  return postAt(toLinkParts(link.value.url));
}

function emailSender(text: string): Result<NormalizedPost> {
  const address = parseEmailAddress(text);
  if (address === null) return refuse.email();
  return ok({
    platform: 'email',
    kind: 'email',
    canonicalUrl: `mailto:${address.key}`,
    account: accountRef('email', address.key, address.display),
  });
}

function postAt(link: LinkParts): Result<NormalizedPost> {
  const rule = platformRuleFor(link.host);
  if (rule === undefined) {
    const meaningful = [...link.params].filter(([name]) => !isTrackingParam(name));
    return ok(matchFediverseLink(link) ?? postOf('web', canonicalPageUrl(link, meaningful), null));
  }
  const match = rule.match(link);
  if (match === NOT_A_POST || (match === null && link.segments.length === 0)) {
    return refuse.notAPost(platformLabel(rule.platform), rule.example);
  }
  if (match !== null) return ok(match);
  // An unforeseen shape on a known platform is still recorded, keyed on its path and identifying parameters.
  // Only the first value of each counts: rules read parameters with `get`, so a repeat must not change the key.
  const identifying = rule.keepParams.flatMap((name) => {
    const value = link.params.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  const url = canonicalPageUrl(link, identifying);
  const isComment = identifying.some(([name]) => rule.commentParams?.includes(name) ?? false);
  return ok(isComment ? commentOf(rule.platform, url) : postOf(rule.platform, url, null));
}
