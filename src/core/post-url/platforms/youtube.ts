import type { PlatformRule } from '../platform-rule.ts';
import { accountRef, commentOf, postOf, profileOf } from '../post-builders.ts';
import type { NormalizedPost } from '../types.ts';

// Video, comment, post and channel ids are case-sensitive and kept as written.
const VIDEO_ID = /^[A-Za-z0-9_-]{1,32}$/;
const COMMENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const COMMUNITY_POST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{10,40}$/;
const HANDLE = /^[\p{L}\p{N}._-]{1,100}$/u;
const VIDEO_PATHS = new Set(['shorts', 'live', 'embed', 'v', 'e']);

function profileAt(handle: string, display: string, path: string): NormalizedPost {
  return profileOf({ ...accountRef('youtube', handle, display), profileUrl: `https://youtube.com/${path}` });
}

function handleProfile(handle: string): NormalizedPost {
  const key = handle.toLowerCase();
  return profileAt(key, `@${handle}`, `@${encodeURIComponent(key)}`);
}

// Legacy /c/ and /user/ names are separate namespaces from @handles, so their keys say which one they are.
function legacyProfile(kind: 'c' | 'user', name: string): NormalizedPost {
  const key = name.toLowerCase();
  return profileAt(`${kind}:${key}`, `${kind}/${name}`, `${kind}/${encodeURIComponent(key)}`);
}

function channelProfile(channelId: string): NormalizedPost {
  return profileAt(`id:${channelId}`, channelId, `channel/${channelId}`);
}

export const youtubeRule: PlatformRule = {
  platform: 'youtube',
  hosts: ['youtube.com', 'music.youtube.com', 'youtu.be', 'youtube-nocookie.com'],
  keepParams: ['v', 'lc', 'lb'],
  commentParams: ['lc'],
  example: 'https://youtube.com/watch?v=VIDEO_ID',
  match({ host, segments, keys, params }) {
    const [s0 = '', s1 = ''] = segments;
    const [k0 = ''] = keys;
    // The `t` timestamp, playlist and `si` share id are left out: same video, same key. A linked comment or reply
    // (`lc`, a reply's id being `<comment>.<reply>`) is someone else's words, so it gets a key of its own.
    const comment = params.get('lc') ?? '';
    const withComment = (url: string, join: '?' | '&'): NormalizedPost =>
      COMMENT_ID.test(comment)
        ? commentOf('youtube', `${url}${join}lc=${comment}`)
        : postOf('youtube', url, null);
    const video = (id: string) => withComment(`https://youtube.com/watch?v=${id}`, '&');
    if (host === 'youtu.be') return segments.length === 1 && VIDEO_ID.test(s0) ? video(s0) : null;
    if (k0 === 'watch' && segments.length === 1) {
      const id = params.get('v') ?? '';
      return VIDEO_ID.test(id) ? video(id) : null;
    }
    if (VIDEO_PATHS.has(k0) && VIDEO_ID.test(s1)) return video(s1);
    const communityPost = k0 === 'post' ? s1 : keys.includes('community') ? (params.get('lb') ?? '') : '';
    if (COMMUNITY_POST_ID.test(communityPost)) {
      return withComment(`https://youtube.com/post/${communityPost}`, '?');
    }
    if (k0 === 'channel' && CHANNEL_ID.test(s1)) return channelProfile(s1);
    if (s0.startsWith('@') && HANDLE.test(s0.slice(1))) return handleProfile(s0.slice(1));
    if ((k0 === 'c' || k0 === 'user') && HANDLE.test(s1)) return legacyProfile(k0, s1);
    return null;
  },
};
