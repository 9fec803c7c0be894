export type HostProblem = 'not_public' | 'invalid';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];
const TOP_LEVEL = /\.(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// Apps share the same page from these prefixes; the post behind them is the same.
const DEVICE_PREFIXES = ['www.', 'm.', 'mobile.'];

/** Why a host can't be a public post's, or null. Expects a WHATWG-parsed hostname (lower-case, IPs normalised). */
export function hostProblem(hostname: string): HostProblem | null {
  const host = withoutTrailingDot(hostname);
  if (host === '') return 'invalid';
  if (host.startsWith('[') || IPV4.test(host)) return 'not_public';
  if (host === 'localhost' || PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'not_public';
  if (!TOP_LEVEL.test(host)) return 'invalid';
  return null;
}

export function withoutTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}

/** The host that keys a site: `www.`, `m.` and `mobile.` dropped while a real domain remains. */
export function siteHost(hostname: string): string {
  let host = withoutTrailingDot(hostname);
  for (;;) {
    const prefix = DEVICE_PREFIXES.find((p) => host.startsWith(p) && host.slice(p.length).includes('.'));
    if (!prefix) return host;
    host = host.slice(prefix.length);
  }
}
