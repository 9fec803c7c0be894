import type { PlatformRule } from '../platform-rule.ts';
import { accountRef, commentOf, postOf, profileOf } from '../post-builders.ts';
import type { NormalizedPost } from '../types.ts';

// Post and comment ids are base36; Reddit reads them case-insensitively, so they are keyed lower-case.
const THING_ID = /^[A-Za-z0-9]{1,13}$/;
const USER = /^[A-Za-z0-9_-]{1,20}$/;
const SUBREDDIT = /^[A-Za-z0-9_]{1,21}$/;
const SHARE_CODE = /^[A-Za-z0-9]{4,20}$/;

// The subreddit and slug are left out of the key: moderators move posts and titles change, ids do not.
function thingPost(postId: string, commentId: string | null): NormalizedPost {
  const post = `https://reddit.com/comments/${postId.toLowerCase()}`;
  return commentId === null
    ? postOf('reddit', post, null)
    : commentOf('reddit', `${post}/comment/${commentId.toLowerCase()}`);
}

/** After `/comments/<id>`: `<slug>/<commentId>`, `comment/<commentId>` or `<slug>/comment/<commentId>`. */
function commentIdIn(rest: readonly string[]): string | null {
  const [a = '', b = '', c = ''] = rest;
  const candidate = a.toLowerCase() === 'comment' ? b : b.toLowerCase() === 'comment' ? c : b;
  return THING_ID.test(candidate) ? candidate : null;
}

export const redditRule: PlatformRule = {
  platform: 'reddit',
  hosts: ['reddit.com', 'redd.it'],
  hostSuffixes: ['.reddit.com'],
  keepParams: [],
  example: 'https://reddit.com/r/name/comments/abc123',
  match({ host, segments, keys }) {
    const [s0 = '', s1 = '', , s3 = ''] = segments;
    const [k0 = '', , k2 = ''] = keys;
    if (host === 'redd.it') return segments.length === 1 && THING_ID.test(s0) ? thingPost(s0, null) : null;
    if (k0 === 'comments' && THING_ID.test(s1)) return thingPost(s1, commentIdIn(segments.slice(2)));
    if (k0 === 'gallery' && THING_ID.test(s1)) return thingPost(s1, null);
    const inCommunity = k0 === 'r' || k0 === 'u' || k0 === 'user';
    if (inCommunity && k2 === 'comments' && THING_ID.test(s3))
      return thingPost(s3, commentIdIn(segments.slice(4)));
    // Share links (/r/sub/s/<code>) only resolve online; each is kept as its own key.
    if (k0 === 'r' && SUBREDDIT.test(s1) && k2 === 's' && SHARE_CODE.test(s3) && segments.length === 4) {
      return postOf('reddit', `https://reddit.com/r/${s1.toLowerCase()}/s/${s3}`, null);
    }
    if ((k0 === 'u' || k0 === 'user') && USER.test(s1)) {
      const key = s1.toLowerCase();
      return profileOf({
        ...accountRef('reddit', key, `u/${s1}`),
        profileUrl: `https://reddit.com/user/${key}`,
      });
    }
    return null;
  },
};
