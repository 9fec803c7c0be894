import type { PlatformRule } from '../platform-rule.ts';
import { accountRef, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef } from '../types.ts';

const HANDLE =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/;
const RECORD_KEY = /^[A-Za-z0-9._:~-]{1,512}$/;

function blueskyAccount(actor: string): AccountRef & { profileUrl: string } {
  const key = actor.toLowerCase();
  const display = actor.startsWith('did:') ? actor : `@${actor}`;
  return { ...accountRef('bluesky', key, display), profileUrl: `https://bsky.app/profile/${key}` };
}

export const blueskyRule: PlatformRule = {
  platform: 'bluesky',
  hosts: ['bsky.app'],
  keepParams: [],
  example: 'https://bsky.app/profile/name.bsky.social/post/abc',
  match({ segments, keys }) {
    const [, actor = '', , rkey = ''] = segments;
    const [k0 = '', , k2] = keys;
    if (k0 !== 'profile' || !(HANDLE.test(actor) || DID.test(actor))) return null;
    const account = blueskyAccount(actor);
    // A did:plc and a handle for one post can't be linked offline; each keys on what the link says.
    if (k2 === 'post' && RECORD_KEY.test(rkey)) {
      return postOf('bluesky', `https://bsky.app/profile/${account.handle}/post/${rkey}`, account);
    }
    return segments.length === 2 ? profileOf(account) : null;
  },
};
