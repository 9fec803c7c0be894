import type { LinkParts } from '../link-parts.ts';
import { accountRef, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef, NormalizedPost } from '../types.ts';

const USER = /^[A-Za-z0-9_.-]{1,64}$/;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$/;
const STATUS_ID = /^\d{1,25}$/;
// Sites that use /@name paths but are not fediverse servers.
const NOT_FEDIVERSE = new Set(['medium.com', 'substack.com']);

interface Author {
  user: string;
  home: string;
}

/** `@user` (an account of this server) or `@user@home` (a remote account, shown by this server). */
function authorIn(segment: string, server: string): Author | null {
  if (!segment.startsWith('@')) return null;
  const [user = '', home, ...extra] = segment.slice(1).split('@');
  if (extra.length > 0 || !USER.test(user)) return null;
  if (home === undefined) return { user, home: server };
  const homeHost = home.toLowerCase();
  return DOMAIN.test(homeHost) ? { user, home: homeHost } : null;
}

function mastodonAccount({ user, home }: Author): AccountRef & { profileUrl: string } {
  const key = user.toLowerCase();
  return {
    ...accountRef('mastodon', `${key}@${home}`, `@${user}@${home}`),
    profileUrl: `https://${home}/@${key}`,
  };
}

/**
 * A post or account on a Mastodon-style server, recognised by path shape on any host not claimed by a known
 * platform: `/@user/<id>`, `/users/<user>/statuses/<id>`, `/@user@home/<id>`, `/@user`, `/users/<user>`.
 */
export function matchFediverseLink(link: LinkParts): NormalizedPost | null {
  // `m.` can be part of a fediverse server's name, so only `www.` is dropped here.
  const server = link.exactHost.replace(/^www\./, '');
  if (NOT_FEDIVERSE.has(server) || server.endsWith('.substack.com')) return null;
  const [s0 = '', s1 = '', , s3 = ''] = link.segments;
  const [k0 = '', , k2 = ''] = link.keys;
  let author: Author | null;
  let statusId: string | null = null;
  if (k0 === 'users' && USER.test(s1)) {
    author = { user: s1, home: server };
    if (k2 === 'statuses' && STATUS_ID.test(s3)) statusId = s3;
    else if (link.segments.length !== 2) return null;
  } else {
    author = authorIn(s0, server);
    if (author === null) return null;
    if (STATUS_ID.test(s1)) statusId = s1;
    else if (link.segments.length !== 1) return null;
  }
  const account = mastodonAccount(author);
  if (statusId === null) return profileOf(account);
  const who = author.home === server ? author.user : `${author.user}@${author.home}`;
  // The post is keyed where the link says it lives; the same post seen from another server can't be linked offline.
  return postOf('mastodon', `https://${server}/@${who.toLowerCase()}/${statusId}`, account);
}
