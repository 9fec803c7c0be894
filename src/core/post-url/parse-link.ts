import { ok, type Result } from '../result.ts';
import { hostProblem } from './public-host.ts';
import { refuse } from './refusals.ts';

/** A pasted link once its scheme is known to be one we record. */
export type ParsedLink = { kind: 'email'; address: string } | { kind: 'web'; url: URL };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// `x.com:443/…` reads like a scheme followed by a port; it is a host pasted without https://.
const HOST_AND_PORT = /^(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):\d+(?:[/?#]|$)/;
const CREDENTIALS_WITHOUT_SCHEME = /^[^/?#@:\s]+:[^/?#@\s]*@[^/?#@\s]+(?:[/?#]|$)/;

export function parseLink(text: string): Result<ParsedLink> {
  if (/\s/.test(text)) return refuse.extraText();
  // A handle such as @name or @name@server is not a link; without this it would parse as credentials.
  if (text.startsWith('@')) return refuse.invalid();
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'mailto') return ok({ kind: 'email', address: mailtoAddress(text) });
  let candidate = text;
  if (scheme === undefined) {
    candidate = text.startsWith('//') ? `https:${text}` : `https://${text}`;
  } else if (scheme !== 'http' && scheme !== 'https') {
    if (CREDENTIALS_WITHOUT_SCHEME.test(text)) return refuse.credentials();
    if (!HOST_AND_PORT.test(text)) return refuse.scheme();
    candidate = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return refuse.invalid();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse.scheme();
  if (url.username !== '' || url.password !== '') return refuse.credentials();
  const problem = hostProblem(url.hostname);
  if (problem === 'not_public') return refuse.notPublic();
  if (problem === 'invalid') return refuse.invalid();
  return ok({ kind: 'web', url });
}

function mailtoAddress(text: string): string {
  const address = text.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}
