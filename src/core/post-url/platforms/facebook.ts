import { NOT_A_POST, type PlatformRule } from '../platform-rule.ts';
import { accountRef, commentOf, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef, NormalizedPost } from '../types.ts';

const USER = /^[A-Za-z0-9.-]{1,80}$/;
const NUMERIC_ID = /^\d{1,25}$/;
// Post ids are numeric or `pfbid…`; both are global, case kept.
const POST_ID = /^(?:\d{1,25}|pfbid[A-Za-z0-9]{10,100})$/;
const SHARE_CODE = /^[A-Za-z0-9_-]{4,40}$/;
const NOT_CONTENT = new Set([
  'bookmarks',
  'friends',
  'hashtag',
  'home.php',
  'login',
  'login.php',
  'marketplace',
  'messages',
  'notifications',
  'saved',
  'search',
  'settings',
]);
const NOT_USERS = new Set([
  ...NOT_CONTENT,
  'events',
  'gaming',
  'groups',
  'help',
  'pages',
  'people',
  'permalink.php',
  'photo',
  'photo.php',
  'policies',
  'privacy',
  'profile.php',
  'reel',
  'share',
  'sharer.php',
  'stories',
  'story.php',
  'video.php',
  'watch',
]);
const PROFILE_TABS = new Set([
  'about',
  'followers',
  'following',
  'friends',
  'photos',
  'posts',
  'reels',
  'videos',
]);

function userAccount(user: string): AccountRef & { profileUrl: string } {
  const key = user.toLowerCase();
  return { ...accountRef('facebook', key, user), profileUrl: `https://facebook.com/${key}` };
}

function idAccount(id: string): AccountRef & { profileUrl: string } {
  return {
    ...accountRef('facebook', `id:${id}`, `id:${id}`),
    profileUrl: `https://facebook.com/profile.php?id=${id}`,
  };
}

// Newer links write a comment id in base64, as `comment:<postId>_<commentId>`; `+` may arrive as a space.
const ENCODED_COMMENT = /^[A-Za-z0-9+/ _-]{8,200}={0,2}$/;
const DECODED_COMMENT = /^comment:\d{1,25}_(\d{1,25})$/;

/** A comment or reply id as a number, whichever way the link writes it; null when there is none. */
function commentIdIn(value: string | null): string | null {
  if (value === null) return null;
  if (NUMERIC_ID.test(value)) return value;
  if (!ENCODED_COMMENT.test(value)) return null;
  try {
    const decoded = atob(value.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/'));
    return DECODED_COMMENT.exec(decoded)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * A comment (`comment_id`) or a reply to one (`reply_comment_id`) is someone else's words under the post: it keys
 * apart from the post, and the post's owner in the link is not its author.
 */
function postOrComment(url: string, account: AccountRef | null, params: URLSearchParams): NormalizedPost {
  const comment = commentIdIn(params.get('comment_id'));
  const reply = commentIdIn(params.get('reply_comment_id'));
  if (comment === null && reply === null) return postOf('facebook', url, account);
  const ids = [
    ...(comment === null ? [] : [`comment_id=${comment}`]),
    ...(reply === null ? [] : [`reply_comment_id=${reply}`]),
  ];
  return commentOf('facebook', `${url}${url.includes('?') ? '&' : '?'}${ids.join('&')}`);
}

export const facebookRule: PlatformRule = {
  platform: 'facebook',
  hosts: [
    'facebook.com',
    'fb.com',
    'web.facebook.com',
    'mbasic.facebook.com',
    'touch.facebook.com',
    'fb.watch',
  ],
  keepParams: ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id'],
  commentParams: ['comment_id', 'reply_comment_id'],
  example: 'https://facebook.com/name/posts/123',
  match({ host, segments, keys, params }): NormalizedPost | typeof NOT_A_POST | null {
    const [s0 = '', s1 = '', s2 = '', s3 = ''] = segments;
    const [k0 = '', k1 = '', k2 = ''] = keys;
    const post = (url: string, account: AccountRef | null) => postOrComment(url, account, params);
    const video = (id: string, account: AccountRef | null) =>
      post(`https://facebook.com/watch?v=${id}`, account);
    // fb.watch codes only resolve online; each is kept as its own key.
    if (host === 'fb.watch')
      return segments.length === 1 && SHARE_CODE.test(s0) ? post(`https://fb.watch/${s0}`, null) : null;
    if (k0 === 'permalink.php' || k0 === 'story.php') {
      const story = params.get('story_fbid') ?? '';
      const owner = params.get('id') ?? '';
      if (!POST_ID.test(story)) return null;
      if (!NUMERIC_ID.test(owner))
        return post(`https://facebook.com/permalink.php?story_fbid=${story}`, null);
      return post(`https://facebook.com/permalink.php?story_fbid=${story}&id=${owner}`, idAccount(owner));
    }
    if (k0 === 'photo' || k0 === 'photo.php') {
      const photo = params.get('fbid') ?? '';
      return NUMERIC_ID.test(photo) ? post(`https://facebook.com/photo?fbid=${photo}`, null) : null;
    }
    if (k0 === 'watch' || k0 === 'video.php') {
      const id = params.get('v') ?? '';
      return NUMERIC_ID.test(id) ? video(id, null) : null;
    }
    if (k0 === 'reel' && NUMERIC_ID.test(s1)) return post(`https://facebook.com/reel/${s1}`, null);
    if (k0 === 'share') {
      const code = segments.slice(1);
      const valid = code.length >= 1 && code.length <= 2 && code.every((part) => SHARE_CODE.test(part));
      return valid ? post(`https://facebook.com/share/${code.join('/')}`, null) : null;
    }
    if (k0 === 'groups' && (k2 === 'posts' || k2 === 'permalink') && USER.test(s1) && POST_ID.test(s3)) {
      return post(`https://facebook.com/groups/${k1}/posts/${s3}`, null);
    }
    if (k0 === 'profile.php') {
      const id = params.get('id') ?? '';
      return NUMERIC_ID.test(id) ? profileOf(idAccount(id)) : null;
    }
    if (k0 === 'people' && NUMERIC_ID.test(s2)) return profileOf(idAccount(s2));
    if (NOT_CONTENT.has(k0)) return NOT_A_POST;
    if (NOT_USERS.has(k0) || !USER.test(s0)) return null;
    const account = userAccount(s0);
    if (k1 === 'posts' && POST_ID.test(s2))
      return post(`https://facebook.com/${account.handle}/posts/${s2}`, account);
    if (k1 === 'videos') {
      // Both /name/videos/<id> and /name/videos/<title>/<id> occur.
      const id = NUMERIC_ID.test(s2) ? s2 : s3;
      if (NUMERIC_ID.test(id)) return video(id, account);
    }
    if (k1 === 'photos') {
      const id = segments[segments.length - 1] ?? '';
      if (segments.length >= 4 && NUMERIC_ID.test(id))
        return post(`https://facebook.com/photo?fbid=${id}`, account);
    }
    if (segments.length === 1 || (segments.length === 2 && PROFILE_TABS.has(k1))) return profileOf(account);
    return null;
  },
};
