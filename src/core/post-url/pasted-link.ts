import { parseLink } from './parse-link.ts';
import { readPastedText } from './pasted-text.ts';
import { platformRuleFor } from './platform-rules.ts';
import { siteHost } from './public-host.ts';
import { isTrackingParam } from './tracking-params.ts';

/**
 * The link as the member pasted it, less the parameters that say who shared it (`igsh`, TikTok's `u_code`,
 * X's `t`…): evidence packs go to the platforms themselves, which can read those back to a person. On a known
 * platform only the rule's identifying parameters stay; on any other site only known tracking names go, since
 * `s`, `t` or `id` may be the page itself. Host, path, fragment and every kept parameter stay exactly as typed.
 * Anything that isn't a web link (an email address, a place word) comes back as it was.
 */
export function pastedLinkWithoutTracking(raw: string): string {
  const pasted = readPastedText(raw);
  if (!pasted.ok) return raw;
  const link = parseLink(pasted.text);
  if (!link.ok || link.value.kind !== 'web') return raw;
  const rule = platformRuleFor(siteHost(link.value.url.hostname));
  const keeps = rule
    ? (name: string) => rule.keepParams.includes(name)
    : (name: string) => !isTrackingParam(name);
  // Cut the text itself rather than re-serialise the URL, so nothing else about the paste changes.
  const text = pasted.text;
  const hashAt = text.indexOf('#');
  const beforeFragment = hashAt === -1 ? text : text.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : text.slice(hashAt);
  const queryAt = beforeFragment.indexOf('?');
  if (queryAt === -1) return text;
  const kept = beforeFragment
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '' && keeps(parameterName(pair)));
  const query = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return `${beforeFragment.slice(0, queryAt)}${query}${fragment}`;
}

function parameterName(pair: string): string {
  // URLSearchParams decodes `%5F` and `+` in the name the way the rules saw it.
  return [...new URLSearchParams(pair).keys()][0] ?? '';
}
