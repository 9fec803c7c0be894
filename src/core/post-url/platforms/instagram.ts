import { NOT_A_POST, type PlatformRule } from '../platform-rule.ts';
import { accountRef, commentOf, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef, NormalizedPost } from '../types.ts';

const USER = /^[A-Za-z0-9._]{1,30}$/;
// Shortcodes are case-sensitive: /p/AbC and /p/abc are different posts.
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const NUMERIC_ID = /^\d{1,25}$/;
const POST_WORDS = new Set(['p', 'reel', 'reels', 'tv']);
const NOT_CONTENT = new Set(['accounts', 'direct', 'explore']);
const NOT_USERS = new Set([
  ...POST_WORDS,
  ...NOT_CONTENT,
  'about',
  'api',
  'challenge',
  'developer',
  'legal',
  'privacy',
  'stories',
  'terms',
  'web',
]);
const PROFILE_TABS = new Set(['followers', 'following', 'reels', 'saved', 'tagged']);

function instagramAccount(user: string): AccountRef & { profileUrl: string } {
  const key = user.toLowerCase();
  return { ...accountRef('instagram', key, `@${user}`), profileUrl: `https://instagram.com/${key}` };
}

/**
 * `/p/<code>`, or `/p/<code>/c/<commentId>` for a comment and `…/c/<commentId>/r/<replyId>` for a reply to it. A
 * comment keys apart from the post, and the user before `/p/` is the post's owner, not the commenter.
 */
function codePost(code: string, rest: readonly string[], account: AccountRef | null): NormalizedPost {
  const [c = '', commentId = '', r = '', replyId = ''] = rest;
  const post = `https://instagram.com/p/${code}`;
  if (c.toLowerCase() !== 'c' || !NUMERIC_ID.test(commentId)) return postOf('instagram', post, account);
  const reply = r.toLowerCase() === 'r' && NUMERIC_ID.test(replyId) ? `/r/${replyId}` : '';
  return commentOf('instagram', `${post}/c/${commentId}${reply}`);
}

export const instagramRule: PlatformRule = {
  platform: 'instagram',
  hosts: ['instagram.com', 'instagr.am', 'ddinstagram.com'],
  keepParams: [],
  example: 'https://instagram.com/p/CODE',
  match({ segments, keys }) {
    const [s0 = '', s1 = '', s2 = ''] = segments;
    const [k0 = '', k1 = ''] = keys;
    if (POST_WORDS.has(k0) && CODE.test(s1)) return codePost(s1, segments.slice(2), null);
    if (k0 === 'stories') {
      if (k1 === 'highlights' && NUMERIC_ID.test(s2)) {
        return postOf('instagram', `https://instagram.com/stories/highlights/${s2}`, null);
      }
      if (!USER.test(s1) || NOT_USERS.has(k1)) return null;
      const account = instagramAccount(s1);
      if (NUMERIC_ID.test(s2))
        return postOf('instagram', `https://instagram.com/stories/${k1}/${s2}`, account);
      return segments.length === 2 ? profileOf(account) : null;
    }
    if (NOT_CONTENT.has(k0)) return NOT_A_POST;
    if (NOT_USERS.has(k0) || !USER.test(s0)) return null;
    if (POST_WORDS.has(k1) && CODE.test(s2)) return codePost(s2, segments.slice(3), instagramAccount(s0));
    if (segments.length === 1 || (segments.length === 2 && PROFILE_TABS.has(k1))) {
      return profileOf(instagramAccount(s0));
    }
    return null;
  },
};
