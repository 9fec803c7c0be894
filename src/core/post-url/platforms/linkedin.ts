import type { PlatformRule } from '../platform-rule.ts';
import { accountRef, commentOf, postOf, profileOf } from '../post-builders.ts';
import type { AccountRef, NormalizedPost } from '../types.ts';

// LinkedIn vanity names are letters, digits and hyphens (in any script), never underscores: the first `_` in a
// /posts/ slug ends the author's name.
const VANITY = /^[\p{L}\p{N}-]{1,100}$/u;
const COMPANY = /^[\p{L}\p{N}._-]{1,100}$/u;
const POST_SLUG = /^([^_]+)_.*-(activity|ugcpost|share)-(\d{1,25})(?:-[A-Za-z0-9_-]*)?$/i;
const URN = /^urn:li:(activity|ugcpost|share):(\d{1,25})$/i;
// A comment or reply URN, `urn:li:comment:(activity:<post>,<comment>)`, sometimes with `urn:li:` before the post
// type; newer links may carry only the `dash…` form, `urn:li:fsd_comment:(<comment>,urn:li:activity:<post>)`.
const COMMENT_URN = /^urn:li:comment:\((?:urn:li:)?(activity|ugcpost|share):(\d{1,25}),(\d{1,25})\)$/i;
const DASH_COMMENT_URN = /^urn:li:fsd_comment:\((\d{1,25}),urn:li:(activity|ugcpost|share):(\d{1,25})\)$/i;
const SHORT_CODE = /^[A-Za-z0-9_-]{1,20}$/;
const URN_TYPES: Record<string, string> = { activity: 'activity', ugcpost: 'ugcPost', share: 'share' };

function personAccount(vanity: string): AccountRef & { profileUrl: string } {
  const key = vanity.toLowerCase();
  return {
    ...accountRef('linkedin', key, vanity),
    profileUrl: `https://linkedin.com/in/${encodeURIComponent(key)}`,
  };
}

const commentUrn = (type: string, post: string, comment: string) =>
  `urn:li:comment:(${URN_TYPES[type.toLowerCase()]}:${post},${comment})`;

/** The comment URN in its plain form, whichever of the two parameters carries it; null when neither does. */
function commentUrnIn(params: URLSearchParams, plain: string, dash: string): string | null {
  const comment = COMMENT_URN.exec(params.get(plain) ?? '');
  if (comment) return commentUrn(comment[1] ?? '', comment[2] ?? '', comment[3] ?? '');
  const dashed = DASH_COMMENT_URN.exec(params.get(dash) ?? '');
  return dashed ? commentUrn(dashed[2] ?? '', dashed[3] ?? '', dashed[1] ?? '') : null;
}

// Activity, ugcPost and share ids name one post each but can't be mapped onto each other offline, so the
// type stays in the key.
function urnPost(
  type: string,
  id: string,
  params: URLSearchParams,
  account: AccountRef | null,
): NormalizedPost {
  const url = `https://linkedin.com/feed/update/urn:li:${URN_TYPES[type.toLowerCase()]}:${id}`;
  const comment = commentUrnIn(params, 'commentUrn', 'dashCommentUrn');
  const reply = commentUrnIn(params, 'replyUrn', 'dashReplyUrn');
  if (comment === null && reply === null) return postOf('linkedin', url, account);
  // A comment or a reply is its author's own words: it keys apart from the post, and the post's author in a
  // /posts/ slug is not who wrote it.
  const query = [
    ...(comment === null ? [] : [`commentUrn=${encodeURIComponent(comment)}`]),
    ...(reply === null ? [] : [`replyUrn=${encodeURIComponent(reply)}`]),
  ];
  return commentOf('linkedin', `${url}?${query.join('&')}`);
}

export const linkedinRule: PlatformRule = {
  platform: 'linkedin',
  hosts: ['linkedin.com', 'lnkd.in'],
  hostSuffixes: ['.linkedin.com'],
  keepParams: ['commentUrn', 'replyUrn', 'dashCommentUrn', 'dashReplyUrn'],
  commentParams: ['commentUrn', 'replyUrn', 'dashCommentUrn', 'dashReplyUrn'],
  example: 'https://linkedin.com/feed/update/urn:li:activity:123',
  match({ host, segments, keys, params }) {
    const [s0 = '', s1 = '', s2 = ''] = segments;
    const [k0 = '', k1 = ''] = keys;
    // Short links only resolve online; each is kept as its own key.
    if (host === 'lnkd.in') {
      return segments.length === 1 && SHORT_CODE.test(s0)
        ? postOf('linkedin', `https://lnkd.in/${s0}`, null)
        : null;
    }
    if (k0 === 'posts') {
      const slug = POST_SLUG.exec(s1);
      if (!slug) return null;
      const [, author = '', type = '', id = ''] = slug;
      return urnPost(type, id, params, VANITY.test(author) ? personAccount(author) : null);
    }
    if (k0 === 'feed' && k1 === 'update') {
      const urn = URN.exec(s2);
      return urn ? urnPost(urn[1] ?? '', urn[2] ?? '', params, null) : null;
    }
    if (k0 === 'in' && VANITY.test(s1)) return profileOf(personAccount(s1));
    if (k0 === 'company' && COMPANY.test(s1)) {
      const key = s1.toLowerCase();
      const profileUrl = `https://linkedin.com/company/${encodeURIComponent(key)}`;
      return profileOf({ ...accountRef('linkedin', `company:${key}`, `company/${s1}`), profileUrl });
    }
    return null;
  },
};
