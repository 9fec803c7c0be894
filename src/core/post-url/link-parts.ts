import { siteHost, withoutTrailingDot } from './public-host.ts';

/** A parsed public http(s) link, cut into the pieces platform rules look at. */
export interface LinkParts {
  /** Lower-case host without `www.`/`m.`/`mobile.`: the key platform rules are found by. */
  readonly host: string;
  /** Lower-case host as given, for fediverse servers whose name may itself start with `m.`. */
  readonly exactHost: string;
  /** Non-default port, or ''. */
  readonly port: string;
  /** The percent-encoded path as the URL parser normalised it. */
  readonly pathname: string;
  /** Decoded, non-empty path segments, case kept (ids and codes are case-sensitive on some platforms). */
  readonly segments: readonly string[];
  /** The same segments lower-cased, to match fixed words like `status` whatever case they came in. */
  readonly keys: readonly string[];
  readonly params: URLSearchParams;
}

export function toLinkParts(url: URL): LinkParts {
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  return {
    host: siteHost(url.hostname),
    exactHost: withoutTrailingDot(url.hostname),
    port: url.port,
    pathname: url.pathname,
    segments,
    keys: segments.map((segment) => segment.toLowerCase()),
    params: url.searchParams,
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape can't name a post on any platform; keeping it raw lets the rules simply not match.
    return segment;
  }
}
