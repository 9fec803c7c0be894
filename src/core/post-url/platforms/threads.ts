import type { PlatformRule } from '../platform-rule.ts';
import { accountRef, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef } from '../types.ts';

const USER = /^[A-Za-z0-9._]{1,30}$/;
// Post codes are case-sensitive.
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const PROFILE_TABS = new Set(['media', 'replies', 'reposts']);

function threadsAccount(user: string): AccountRef & { profileUrl: string } {
  const key = user.toLowerCase();
  return { ...accountRef('threads', key, `@${user}`), profileUrl: `https://threads.net/@${key}` };
}

// /@name/post/CODE and /t/CODE are one post, so posts key on the code alone.
const codePost = (code: string, account: AccountRef | null) =>
  postOf('threads', `https://threads.net/post/${code}`, account);

export const threadsRule: PlatformRule = {
  platform: 'threads',
  hosts: ['threads.net', 'threads.com'],
  keepParams: [],
  example: 'https://threads.net/@name/post/CODE',
  match({ segments, keys }) {
    const [s0 = '', s1 = '', s2 = ''] = segments;
    const [k0 = '', k1 = ''] = keys;
    if ((k0 === 't' || k0 === 'post') && CODE.test(s1)) return codePost(s1, null);
    if (!s0.startsWith('@') || !USER.test(s0.slice(1))) return null;
    const account = threadsAccount(s0.slice(1));
    if (k1 === 'post' && CODE.test(s2)) return codePost(s2, account);
    if (segments.length === 1 || (segments.length === 2 && PROFILE_TABS.has(k1))) return profileOf(account);
    return null;
  },
};
