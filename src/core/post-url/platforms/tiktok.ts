import type { PlatformRule } from '../platform-rule.ts';
import { accountRef, commentOf, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef } from '../types.ts';

const USER = /^[A-Za-z0-9_.]{1,24}$/;
const ITEM_ID = /^\d{1,25}$/;
const SHORT_CODE = /^[A-Za-z0-9]{4,20}$/;
const SHORT_LINK_HOSTS = new Set(['vm.tiktok.com', 'vt.tiktok.com']);

function tiktokAccount(user: string): AccountRef & { profileUrl: string } {
  const key = user.toLowerCase();
  return { ...accountRef('tiktok', key, `@${user}`), profileUrl: `https://tiktok.com/@${key}` };
}

export const tiktokRule: PlatformRule = {
  platform: 'tiktok',
  hosts: ['tiktok.com', ...SHORT_LINK_HOSTS],
  // A comment's id is what names the comment; everything else a share adds (u_code, _r…) names the sharer.
  keepParams: ['comment_id'],
  commentParams: ['comment_id'],
  example: 'https://tiktok.com/@name/video/123',
  match({ host, segments, keys, params }) {
    const [s0 = '', s1 = '', s2 = ''] = segments;
    const [, k1 = ''] = keys;
    // Short links only resolve online; each stays its own key, case kept, until someone pastes the full link.
    if (SHORT_LINK_HOSTS.has(host)) {
      return segments.length === 1 && SHORT_CODE.test(s0)
        ? postOf('tiktok', `https://${host}/${s0}`, null)
        : null;
    }
    if (keys[0] === 't' && SHORT_CODE.test(s1)) return postOf('tiktok', `https://tiktok.com/t/${s1}`, null);
    if (!s0.startsWith('@') || !USER.test(s0.slice(1))) return null;
    const account = tiktokAccount(s0.slice(1));
    if ((k1 === 'video' || k1 === 'photo') && ITEM_ID.test(s2)) {
      const url = `https://tiktok.com/@${account.handle}/${k1}/${s2}`;
      // A linked comment is someone else's words under the video: its own incident, and not the video owner's.
      const comment = params.get('comment_id') ?? '';
      if (ITEM_ID.test(comment)) return commentOf('tiktok', `${url}?comment_id=${comment}`);
      return postOf('tiktok', url, account);
    }
    return segments.length === 1 ? profileOf(account) : null;
  },
};
