import type { LinkParts } from './link-parts.ts';

/**
 * `https://host[:port]/path?params` with the path's case kept, trailing slashes dropped and the given
 * parameters sorted, so two spellings of one page meet.
 */
export function canonicalPageUrl(link: LinkParts, params: ReadonlyArray<readonly [string, string]>): string {
  const path = link.pathname.replace(/\/+$/, '');
  const port = link.port === '' ? '' : `:${link.port}`;
  const kept = [...params];
  kept.sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv));
  const search = new URLSearchParams();
  for (const [name, value] of kept) search.append(name, value);
  const query = kept.length === 0 ? '' : `?${search.toString()}`;
  return `https://${link.host}${port}${path}${query}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
