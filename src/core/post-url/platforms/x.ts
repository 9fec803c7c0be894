import { NOT_A_POST, type PlatformRule } from '../platform-rule.ts';
import { accountRef, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef } from '../types.ts';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const STATUS_ID = /^\d{1,25}$/;
// First path segments that are X's own pages, never an account.
const NOT_CONTENT = new Set([
  'account',
  'compose',
  'download',
  'explore',
  'hashtag',
  'home',
  'intent',
  'jobs',
  'login',
  'logout',
  'messages',
  'notifications',
  'privacy',
  'search',
  'settings',
  'share',
  'signup',
  'tos',
]);
const PROFILE_TABS = new Set([
  'affiliates',
  'articles',
  'communities',
  'followers',
  'following',
  'highlights',
  'likes',
  'lists',
  'media',
  'superfollows',
  'verified_followers',
  'with_replies',
]);

function xAccount(handle: string): AccountRef & { profileUrl: string } {
  const key = handle.toLowerCase();
  return { ...accountRef('x', key, `@${handle}`), profileUrl: `https://x.com/${key}` };
}

// Keyed on the status id alone: /name/status/1 and /i/status/1 are the same post, and a renamed account
// still points at it.
const statusPost = (id: string, handle: string | null) =>
  postOf(
    'x',
    `https://x.com/i/status/${id}`,
    handle !== null && HANDLE.test(handle) ? xAccount(handle) : null,
  );

const isStatusWord = (key: string | undefined) => key === 'status' || key === 'statuses';

export const xRule: PlatformRule = {
  platform: 'x',
  hosts: [
    'x.com',
    'twitter.com',
    'fxtwitter.com',
    'vxtwitter.com',
    'fixupx.com',
    'fixvx.com',
    'nitter.net',
    'nitter.poast.org',
    'xcancel.com',
  ],
  keepParams: [],
  example: 'https://x.com/name/status/123',
  match({ segments, keys }) {
    const [handle = '', , id = '', webId = ''] = segments;
    const [k0 = '', k1, k2] = keys;
    if (k0 === 'i') {
      if (isStatusWord(k1) && STATUS_ID.test(id)) return statusPost(id, null);
      if (k1 === 'web' && isStatusWord(k2) && STATUS_ID.test(webId)) return statusPost(webId, null);
      return null;
    }
    if (NOT_CONTENT.has(k0)) return NOT_A_POST;
    if (isStatusWord(k1) && STATUS_ID.test(id)) return statusPost(id, handle);
    if (HANDLE.test(handle) && (k1 === undefined || PROFILE_TABS.has(k1))) return profileOf(xAccount(handle));
    return null;
  },
};
