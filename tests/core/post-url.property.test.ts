import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePostUrl, parseAccountQuery } from '../../src/core/post-url/index.ts';

/** One way of writing a post's link: `host/path` plus the query parameters that identify it. */
interface LinkForm {
  hostAndPath: string;
  query: ReadonlyArray<readonly [string, string]>;
}

/** How to generate posts of one platform and every way its links are written. */
interface PostSpec {
  name: string;
  handle: fc.Arbitrary<string>;
  id: fc.Arbitrary<string>;
  /** The first form is the plain one the variants must collapse onto. */
  forms: ReadonlyArray<(handle: string, id: string) => LinkForm>;
  /** Parameters that carry no meaning on this platform. */
  noise: readonly string[];
  /** Extra path after the post that still names it (X's /photo/1). */
  suffixes?: readonly string[];
}

interface GeneratedPost {
  spec: PostSpec;
  handle: string;
  id: string;
}

const chars = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const BASE64URL = `${LOWER}${UPPER}${DIGITS}_-`;

// Letters then digits: never one of a platform's reserved words (home, explore, watch…).
const word = (maxLetters: number, extra = '') =>
  fc
    .tuple(chars(`${LOWER}${extra}`, 1, maxLetters), chars(DIGITS, 1, 3))
    .map(([letters, digits]) => `${letters}${digits}`);
const numericId = fc.tuple(chars('123456789', 1, 1), chars(DIGITS, 0, 18)).map(([a, b]) => `${a}${b}`);
const path = (hostAndPath: string): LinkForm => ({ hostAndPath, query: [] });

const PLATFORM_NOISE = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  's',
  't',
  'si',
  'igshid',
  'igsh',
  'fbclid',
  'gclid',
  'ref',
  'ref_src',
  'ref_url',
  'feature',
  'share_id',
  'mibextid',
  'rdid',
  '_rdr',
];
// On ordinary websites `s` and `t` can be real parameters, so only unambiguous tracking is noise there.
const WEB_NOISE = PLATFORM_NOISE.filter((name) => name !== 's' && name !== 't');

const SPECS: readonly PostSpec[] = [
  {
    name: 'x',
    handle: word(12, '_'),
    id: numericId,
    forms: [
      'x.com',
      'twitter.com',
      'mobile.twitter.com',
      'mobile.x.com',
      'www.x.com',
      'fxtwitter.com',
      'vxtwitter.com',
      'fixupx.com',
      'nitter.net',
    ].map((host) => (handle: string, id: string) => path(`${host}/${handle}/status/${id}`)),
    noise: PLATFORM_NOISE,
    suffixes: ['/photo/1', '/analytics', '/video/1'],
  },
  {
    name: 'instagram',
    handle: word(20, '._'),
    id: chars(BASE64URL, 1, 12),
    forms: [
      (handle, id) => path(`instagram.com/${handle}/p/${id}`),
      (_, id) => path(`www.instagram.com/p/${id}`),
      (_, id) => path(`instagram.com/reel/${id}`),
      (_, id) => path(`m.instagram.com/reels/${id}`),
      (_, id) => path(`instagram.com/tv/${id}`),
      (handle, id) => path(`instagram.com/${handle}/reel/${id}`),
    ],
    noise: PLATFORM_NOISE,
  },
  {
    name: 'facebook',
    handle: word(15, '.'),
    id: numericId,
    forms: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'fb.com'].map(
      (host) => (handle: string, id: string) => path(`${host}/${handle}/posts/${id}`),
    ),
    noise: PLATFORM_NOISE,
  },
  {
    name: 'tiktok',
    handle: word(20, '._'),
    id: numericId,
    forms: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'].map(
      (host) => (handle: string, id: string) => path(`${host}/@${handle}/video/${id}`),
    ),
    noise: [...PLATFORM_NOISE, 'is_from_webapp', 'sender_device'],
  },
  {
    name: 'youtube',
    handle: fc.constant(''),
    id: chars(BASE64URL, 11, 11),
    forms: [
      (_, id) => ({ hostAndPath: 'youtube.com/watch', query: [['v', id]] }),
      (_, id) => ({ hostAndPath: 'www.youtube.com/watch', query: [['v', id]] }),
      (_, id) => ({ hostAndPath: 'm.youtube.com/watch', query: [['v', id]] }),
      (_, id) => ({ hostAndPath: 'music.youtube.com/watch', query: [['v', id]] }),
      (_, id) => path(`youtu.be/${id}`),
      (_, id) => path(`youtube.com/shorts/${id}`),
      (_, id) => path(`youtube.com/live/${id}`),
      (_, id) => path(`www.youtube.com/embed/${id}`),
    ],
    noise: [...PLATFORM_NOISE, 'list', 'index', 'pp'],
  },
  {
    name: 'linkedin',
    handle: word(20, '-'),
    id: numericId,
    forms: [
      (_, id) => path(`linkedin.com/feed/update/urn:li:activity:${id}`),
      (_, id) => path(`www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A${id}`),
      (handle, id) => path(`www.linkedin.com/posts/${handle}_some-words-here-activity-${id}-AbCd`),
      (handle, id) => path(`uk.linkedin.com/posts/${handle}_x-activity-${id}-Zz9_`),
    ],
    noise: [...PLATFORM_NOISE, 'trk', 'rcm'],
  },
  {
    name: 'reddit',
    handle: word(15, '_'),
    id: chars(`${LOWER}${DIGITS}`, 5, 7),
    forms: [
      (_, id) => path(`reddit.com/comments/${id}`),
      (handle, id) => path(`www.reddit.com/r/${handle}/comments/${id}/some_title`),
      (handle, id) => path(`old.reddit.com/r/${handle}/comments/${id}`),
      (handle, id) => path(`new.reddit.com/r/${handle}/comments/${id}/a_title`),
      (handle, id) => path(`np.reddit.com/r/${handle}/comments/${id}/t`),
      (_, id) => path(`redd.it/${id}`),
    ],
    noise: [...PLATFORM_NOISE, 'context', 'share_id'],
  },
  {
    name: 'bluesky',
    handle: word(15).map((name) => `${name}.bsky.social`),
    id: chars('abcdefghijklmnopqrstuvwxyz234567', 13, 13),
    forms: [
      (handle, id) => path(`bsky.app/profile/${handle}/post/${id}`),
      (handle, id) => path(`www.bsky.app/profile/${handle}/post/${id}`),
    ],
    noise: PLATFORM_NOISE,
  },
  {
    name: 'threads',
    handle: word(20, '._'),
    id: chars(BASE64URL, 11, 11),
    forms: [
      (handle, id) => path(`threads.net/@${handle}/post/${id}`),
      (handle, id) => path(`threads.com/@${handle}/post/${id}`),
      (handle, id) => path(`www.threads.net/@${handle}/post/${id}`),
      (_, id) => path(`threads.net/t/${id}`),
      (_, id) => path(`www.threads.com/t/${id}`),
    ],
    noise: [...PLATFORM_NOISE, 'xmt', 'slof'],
  },
  ...['mastodon.social', 'fosstodon.org', 'infosec.exchange'].map(
    (server): PostSpec => ({
      name: `mastodon:${server}`,
      handle: word(20, '_'),
      id: numericId,
      forms: [
        (handle, id) => path(`${server}/@${handle}/${id}`),
        (handle, id) => path(`${server}/users/${handle}/statuses/${id}`),
        (handle, id) => path(`www.${server}/@${handle}/${id}`),
      ],
      noise: WEB_NOISE,
    }),
  ),
  ...['example.com', 'news.example.org', 'blog.example.co.uk'].map(
    (site): PostSpec => ({
      name: `web:${site}`,
      handle: fc.constant(''),
      // Path case is kept on websites, so ids mix case.
      id: fc
        .array(chars(`${LOWER}${UPPER}${DIGITS}-`, 1, 10), { minLength: 1, maxLength: 3 })
        .map((s) => s.join('/')),
      forms: [
        (_, id) => path(`${site}/${id}`),
        (_, id) => path(`www.${site}/${id}`),
        (_, id) => path(`m.${site}/${id}`),
      ],
      noise: WEB_NOISE,
    }),
  ),
];

const isWeb = (spec: PostSpec) => spec.name.startsWith('web:');

const postOf = (spec: PostSpec): fc.Arbitrary<GeneratedPost> =>
  fc.record({ spec: fc.constant(spec), handle: spec.handle, id: spec.id });
const anyPost: fc.Arbitrary<GeneratedPost> = fc.oneof(...SPECS.map(postOf));

function linkFrom(form: LinkForm, extraQuery: ReadonlyArray<readonly [string, string]> = []): string {
  const query = [...form.query, ...extraQuery].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${form.hostAndPath}${query === '' ? '' : `?${query}`}`;
}

const plainLink = ({ spec, handle, id }: GeneratedPost): string =>
  `https://${linkFrom((spec.forms[0] ?? (() => path('')))(handle, id))}`;

function canonicalOf(input: string): string {
  const result = normalizePostUrl(input);
  if (!result.ok) throw new Error(`${input} was refused: ${result.error.code}`);
  return result.value.canonicalUrl;
}

/** A post written any way people paste it: another host alias, scheme, case, noise, slash, fragment, wrapping. */
const decoratedLink = (post: GeneratedPost): fc.Arbitrary<string> => {
  const { spec } = post;
  return fc
    .record({
      form: fc.constantFrom(...spec.forms),
      handle: fc.mixedCase(fc.constant(post.handle)),
      scheme: fc.constantFrom('https://', 'http://', 'HTTPS://', '//', ''),
      upperHost: fc.boolean(),
      suffix: spec.suffixes ? fc.option(fc.constantFrom(...spec.suffixes), { nil: '' }) : fc.constant(''),
      trailingSlash: fc.boolean(),
      noise: fc.array(
        fc.tuple(fc.constantFrom(...spec.noise), chars(`${LOWER}${UPPER}${DIGITS}-_.~ &=?/`, 0, 12)),
        {
          maxLength: 4,
        },
      ),
      fragment: fc.option(chars(`${LOWER}${DIGITS}-_=/`, 0, 10), { nil: null }),
      wrap: fc.constantFrom('none', 'slack', 'slack-label', 'spaces'),
    })
    .map(({ form, handle, scheme, upperHost, suffix, trailingSlash, noise, fragment, wrap }) => {
      // Website paths are case-sensitive, so only platform handles get their case shuffled.
      const written = form(isWeb(spec) ? post.handle : handle, post.id);
      const [host = '', ...rest] = written.hostAndPath.split('/');
      const hostAndPath = [upperHost ? host.toUpperCase() : host, ...rest].join('/');
      const link = linkFrom(
        { hostAndPath: `${hostAndPath}${suffix}${trailingSlash ? '/' : ''}`, query: written.query },
        noise,
      );
      const full = `${scheme}${link}${fragment === null ? '' : `#${fragment}`}`;
      if (wrap === 'slack') return `<${full}>`;
      if (wrap === 'slack-label') return `<${full}|${link.slice(0, 20)}>`;
      return wrap === 'spaces' ? `  ${full}\n` : full;
    });
};

const anyDecoratedLink = anyPost.chain((post) => fc.tuple(fc.constant(post), decoratedLink(post)));

describe('post URL normalisation properties', () => {
  it('collapses every written variant of one post onto the plain form', () => {
    fc.assert(
      fc.property(anyDecoratedLink, ([post, variant]) => {
        expect(canonicalOf(variant)).toBe(canonicalOf(plainLink(post)));
      }),
      { numRuns: 2000 },
    );
  });

  it('collapses variants of one email sender', () => {
    const sender = fc.record({
      local: word(10, '_-'),
      domain: fc.constantFrom('example.com', 'mail.example.org', 'clinic.co.uk'),
      tag: fc.option(word(6), { nil: null }),
      form: fc.constantFrom('bare', 'mailto', 'named', 'slack'),
      upper: fc.boolean(),
    });
    fc.assert(
      fc.property(sender, ({ local, domain, tag, form, upper }) => {
        const written = `${local}${tag === null ? '' : `+${tag}`}@${domain}`;
        const address = upper ? written.toUpperCase() : written;
        const input = {
          bare: address,
          mailto: `mailto:${address}?subject=hi`,
          named: `Some Troll <${address}>`,
          slack: `<mailto:${address}|${address}>`,
        }[form];
        expect(canonicalOf(input)).toBe(`mailto:${local}@${domain}`);
      }),
    );
  });

  it('never collapses posts that differ in platform or id', () => {
    fc.assert(
      fc.property(anyPost, anyPost, (a, b) => {
        fc.pre(a.spec.name !== b.spec.name || a.id !== b.id);
        expect(canonicalOf(plainLink(a))).not.toBe(canonicalOf(plainLink(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('never collapses two posts by one author that differ in id', () => {
    const samePostTwice = fc
      .constantFrom(...SPECS)
      .chain((spec) =>
        fc.tuple(fc.constant(spec), spec.handle, spec.id, spec.id, fc.constantFrom(...spec.forms)),
      );
    fc.assert(
      fc.property(samePostTwice, ([spec, handle, id1, id2, form]) => {
        fc.pre(id1 !== id2);
        const a = canonicalOf(`https://${linkFrom(form(handle, id1))}`);
        const b = canonicalOf(`https://${linkFrom(form(handle, id2))}`);
        expect(a, spec.name).not.toBe(b);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: a canonical URL normalises to itself', () => {
    fc.assert(
      fc.property(anyDecoratedLink, ([, variant]) => {
        const first = canonicalOf(variant);
        expect(() => new URL(first)).not.toThrow();
        expect(canonicalOf(first)).toBe(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on arbitrary web URLs it accepts', () => {
    const platformHosts = [
      'x.com',
      'nitter.net',
      'instagram.com',
      'facebook.com',
      'fb.watch',
      'tiktok.com',
      'vm.tiktok.com',
      'youtube.com',
      'youtu.be',
      'linkedin.com',
      'lnkd.in',
      'old.reddit.com',
      'redd.it',
      'bsky.app',
      'threads.net',
      'mastodon.social',
    ];
    // Odd paths on known platform hosts exercise the rules' fallbacks, not only the website path.
    const platformUrl = fc
      .tuple(
        fc.constantFrom(...platformHosts),
        fc.webPath(),
        fc.option(fc.webQueryParameters(), { nil: null }),
      )
      .map(([host, path, query]) => `https://${host}${path}${query === null ? '' : `?${query}`}`);
    const webUrl = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https'] }),
      platformUrl,
    );
    fc.assert(
      fc.property(webUrl, (url) => {
        const result = normalizePostUrl(url);
        if (!result.ok) return;
        expect(canonicalOf(result.value.canonicalUrl)).toBe(result.value.canonicalUrl);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and always answers with a Result, on arbitrary text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'binary-ascii', maxLength: 300 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom('https://x.com/', 'mailto:', '@', 'https://mastodon.social/@', 'x:', '<https://'),
          fc.string(),
        )
        .map(([prefix, rest]) => `${prefix}${rest}`),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        for (const result of [normalizePostUrl(text), parseAccountQuery(text)]) {
          if (result.ok) continue;
          expect(result.error.code).toMatch(/^(url|email|account)\.[a-z_]+$/);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        expect(typeof normalizePostUrl(text).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });
});

/** How to link a post, a comment under it and, where the platform links them, a reply to that comment. */
interface CommentSpec {
  name: string;
  owner: fc.Arbitrary<string>;
  post: fc.Arbitrary<string>;
  comment: fc.Arbitrary<string>;
  postLink: (owner: string, post: string) => LinkForm;
  commentLink: (owner: string, post: string, comment: string) => LinkForm;
  replyLink?: (owner: string, post: string, comment: string, reply: string) => LinkForm;
  noise: readonly string[];
}

const withQuery = (form: LinkForm, ...query: ReadonlyArray<readonly [string, string]>): LinkForm => ({
  hostAndPath: form.hostAndPath,
  query: [...form.query, ...query],
});
const linkAt = (hostAndPath: string, ...query: ReadonlyArray<readonly [string, string]>): LinkForm => ({
  hostAndPath,
  query,
});

/** One way a platform links a post, by name: how it is written for an owner and a post id. */
type Shape = readonly [name: string, at: (owner: string, post: string) => LinkForm];

const facebookUser = word(15, '.');
const facebookNoise = [...PLATFORM_NOISE, '__cft__', '__tn__', 'comment_tracking', 'notif_id'];
// Permalinks name the owner by numeric id, the other shapes by user name; short codes aren't numbers.
const facebookPermalinks: readonly Shape[] = [
  ['permalink.php', (o, p) => linkAt('m.facebook.com/permalink.php', ['story_fbid', p], ['id', o])],
  ['story.php', (o, p) => linkAt('facebook.com/story.php', ['id', o], ['story_fbid', p])],
];
const facebookNumbered: readonly Shape[] = [
  ['/<user>/posts/<id>', (o, p) => path(`www.facebook.com/${o}/posts/${p}`)],
  ['/<user>/videos/<id>', (o, p) => path(`facebook.com/${o}/videos/${p}`)],
  ['/<user>/videos/<title>/<id>', (o, p) => path(`facebook.com/${o}/videos/a-title/${p}`)],
  ['/<user>/photos/<album>/<id>', (o, p) => path(`facebook.com/${o}/photos/a.1/${p}`)],
  ['watch', (_, p) => linkAt('www.facebook.com/watch', ['v', p])],
  ['video.php', (_, p) => linkAt('facebook.com/video.php', ['v', p])],
  ['photo', (_, p) => linkAt('facebook.com/photo', ['fbid', p])],
  ['photo.php', (_, p) => linkAt('facebook.com/photo.php', ['fbid', p])],
  ['reel', (_, p) => path(`facebook.com/reel/${p}`)],
  ['groups', (o, p) => path(`facebook.com/groups/${o}/posts/${p}`)],
  ['groups permalink', (o, p) => path(`facebook.com/groups/${o}/permalink/${p}`)],
];
const facebookCoded: readonly Shape[] = [
  ['share', (_, p) => path(`facebook.com/share/${p}`)],
  ['fb.watch', (_, p) => path(`fb.watch/${p}`)],
];
const facebookShapes: ReadonlyArray<readonly [Shape, fc.Arbitrary<string>, fc.Arbitrary<string>]> = [
  ...facebookPermalinks.map((shape) => [shape, numericId, numericId] as const),
  ...facebookNumbered.map((shape) => [shape, facebookUser, numericId] as const),
  ...facebookCoded.map((shape) => [shape, facebookUser, chars(BASE64URL, 4, 20)] as const),
];

const instagramShapes: readonly Shape[] = [
  ['/<user>/p/', (o, p) => path(`instagram.com/${o}/p/${p}`)],
  ['/<user>/reel/', (o, p) => path(`www.instagram.com/${o}/reel/${p}`)],
  ['/p/', (_, p) => path(`instagram.com/p/${p}`)],
  ['/reel/', (_, p) => path(`m.instagram.com/reel/${p}`)],
];

const commentUrn = (type: string, post: string, comment: string) =>
  `urn:li:comment:(${type}:${post},${comment})`;
// Each with the post's type as its URN spells it, which the comment URN repeats.
const linkedinShapes: ReadonlyArray<readonly [Shape, type: string]> = [
  'activity',
  'ugcPost',
  'share',
].flatMap((type) => [
  [
    [
      `/posts/ ${type}`,
      (o, p) => path(`www.linkedin.com/posts/${o}_some-words-${type.toLowerCase()}-${p}-AbCd`),
    ],
    type,
  ],
  [[`/feed/update/ ${type}`, (_, p) => path(`linkedin.com/feed/update/urn:li:${type}:${p}`)], type],
]);

const tiktokShapes: readonly Shape[] = ['video', 'photo'].map(
  (item): Shape => [item, (o, p) => path(`www.tiktok.com/@${o}/${item}/${p}`)],
);

const youtubeCommentId = chars(BASE64URL, 20, 26).map((id) => `Ug${id}`);
const youtubeVideos: readonly Shape[] = [
  ['watch', (_, p) => linkAt('www.youtube.com/watch', ['v', p])],
  ['youtu.be', (_, p) => path(`youtu.be/${p}`)],
  ['shorts', (_, p) => path(`youtube.com/shorts/${p}`)],
];
const youtubeCommunityPosts: readonly Shape[] = [
  ['/post/', (_, p) => path(`youtube.com/post/${p}`)],
  ['/@<owner>/community', (o, p) => linkAt(`youtube.com/@${o}/community`, ['lb', p])],
];

// The comment id follows the post's path after `/` (behind a slug) or after `/comment/`.
const redditShapes: ReadonlyArray<readonly [Shape, join: string]> = [
  [['/r/<sub>/…/<slug>/<id>', (o, p) => path(`www.reddit.com/r/${o}/comments/${p}/some_title`)], '/'],
  [['/r/<sub>/…/comment/<id>', (o, p) => path(`old.reddit.com/r/${o}/comments/${p}`)], '/comment/'],
  [['/user/<owner>/…', (o, p) => path(`reddit.com/user/${o}/comments/${p}/a_title`)], '/'],
  [['/comments/<id>/comment/<id>', (_, p) => path(`reddit.com/comments/${p}`)], '/comment/'],
];

const COMMENT_SPECS: readonly CommentSpec[] = [
  ...facebookShapes.map(
    ([[shape, postLink], owner, post]): CommentSpec => ({
      name: `facebook ${shape}`,
      owner,
      post,
      comment: numericId,
      postLink,
      commentLink: (o, p, c) => withQuery(postLink(o, p), ['comment_id', c]),
      replyLink: (o, p, c, r) => withQuery(postLink(o, p), ['comment_id', c], ['reply_comment_id', r]),
      noise: facebookNoise,
    }),
  ),
  ...instagramShapes.map(
    ([shape, postLink]): CommentSpec => ({
      name: `instagram ${shape}`,
      owner: word(20, '._'),
      post: chars(BASE64URL, 1, 12),
      comment: numericId,
      postLink,
      commentLink: (o, p, c) => path(`${postLink(o, p).hostAndPath}/c/${c}`),
      replyLink: (o, p, c, r) => path(`${postLink(o, p).hostAndPath}/c/${c}/r/${r}`),
      noise: PLATFORM_NOISE,
    }),
  ),
  ...linkedinShapes.flatMap(([[shape, postLink], type]): CommentSpec[] => {
    const linkedin = {
      owner: word(20, '-'),
      post: numericId,
      comment: numericId,
      postLink,
      noise: [...PLATFORM_NOISE, 'trk', 'rcm'],
    };
    return [
      {
        ...linkedin,
        name: `linkedin ${shape} commentUrn`,
        commentLink: (o, p, c) => withQuery(postLink(o, p), ['commentUrn', commentUrn(type, p, c)]),
        replyLink: (o, p, c, r) =>
          withQuery(
            postLink(o, p),
            ['commentUrn', commentUrn(type, p, c)],
            ['replyUrn', commentUrn(type, p, r)],
          ),
      },
      {
        ...linkedin,
        name: `linkedin ${shape} dashCommentUrn`,
        commentLink: (o, p, c) =>
          withQuery(postLink(o, p), ['dashCommentUrn', `urn:li:fsd_comment:(${c},urn:li:${type}:${p})`]),
      },
    ];
  }),
  ...tiktokShapes.map(
    ([shape, postLink]): CommentSpec => ({
      name: `tiktok ${shape}`,
      owner: word(20, '._'),
      post: numericId,
      comment: numericId,
      postLink,
      commentLink: (o, p, c) => withQuery(postLink(o, p), ['comment_id', c]),
      noise: [...PLATFORM_NOISE, 'is_from_webapp', 'sender_device'],
    }),
  ),
  ...[
    ...youtubeVideos.map((shape) => [shape, chars(BASE64URL, 11, 11)] as const),
    ...youtubeCommunityPosts.map(
      (shape) => [shape, chars(BASE64URL, 20, 30).map((id) => `Ugkx${id}`)] as const,
    ),
  ].map(
    ([[shape, postLink], post]): CommentSpec => ({
      name: `youtube ${shape}`,
      owner: word(15),
      post,
      comment: youtubeCommentId,
      postLink,
      commentLink: (o, p, c) => withQuery(postLink(o, p), ['lc', c]),
      // A reply's id is its comment's, a dot, and its own.
      replyLink: (o, p, c, r) => withQuery(postLink(o, p), ['lc', `${c}.${r}`]),
      noise: [...PLATFORM_NOISE, 'list', 'index', 'pp'],
    }),
  ),
  ...redditShapes.map(
    ([[shape, postLink], join]): CommentSpec => ({
      name: `reddit ${shape}`,
      owner: word(15, '_'),
      post: chars(`${LOWER}${DIGITS}`, 5, 7),
      comment: chars(`${LOWER}${DIGITS}`, 5, 7),
      postLink,
      commentLink: (o, p, c) => path(`${postLink(o, p).hostAndPath}${join}${c}`),
      noise: [...PLATFORM_NOISE, 'context'],
    }),
  ),
];

interface GeneratedComment {
  spec: CommentSpec;
  owner: string;
  post: string;
  comment: string;
  otherComment: string;
  reply: string;
  noise: ReadonlyArray<readonly [string, string]>;
  trailingSlash: boolean;
}

const anyComment: fc.Arbitrary<GeneratedComment> = fc.constantFrom(...COMMENT_SPECS).chain((spec) =>
  fc.record({
    spec: fc.constant(spec),
    owner: spec.owner,
    post: spec.post,
    comment: spec.comment,
    otherComment: spec.comment,
    reply: spec.comment,
    noise: fc.array(fc.tuple(fc.constantFrom(...spec.noise), chars(`${LOWER}${DIGITS}-_.`, 0, 12)), {
      maxLength: 3,
    }),
    trailingSlash: fc.boolean(),
  }),
);

const normalizedOf = (form: LinkForm, noise: GeneratedComment['noise'] = [], slash = false) => {
  const input = `https://${linkFrom({ ...form, hostAndPath: `${form.hostAndPath}${slash ? '/' : ''}` }, noise)}`;
  const result = normalizePostUrl(input);
  if (!result.ok) throw new Error(`${input} was refused: ${result.error.code}`);
  return result.value;
};

/** Facebook's encoded comment ids carry the post's number; short codes have none, so any number stands in. */
const numericPart = (post: string) => (/^\d+$/.test(post) ? post : '1');

describe('links to a comment', () => {
  it('never name the post owner, are comments, and keep the comment in the key', () => {
    fc.assert(
      fc.property(anyComment, (c) => {
        const { spec, owner, post, comment, noise, trailingSlash } = c;
        const link = spec.commentLink(owner, post, comment);
        const written = normalizedOf(link, noise, trailingSlash);
        expect(written.account, spec.name).toBeNull();
        expect(written.kind, spec.name).toBe('comment');
        expect(written.canonicalUrl, spec.name).toBe(normalizedOf(link).canonicalUrl);
        expect(canonicalOf(written.canonicalUrl), spec.name).toBe(written.canonicalUrl);
        expect(written.canonicalUrl, spec.name).not.toBe(
          normalizedOf(spec.postLink(owner, post)).canonicalUrl,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('keep two comments under one post apart', () => {
    fc.assert(
      fc.property(anyComment, ({ spec, owner, post, comment, otherComment }) => {
        fc.pre(comment !== otherComment);
        const a = normalizedOf(spec.commentLink(owner, post, comment)).canonicalUrl;
        const b = normalizedOf(spec.commentLink(owner, post, otherComment)).canonicalUrl;
        expect(a, spec.name).not.toBe(b);
      }),
      { numRuns: 1000 },
    );
  });

  it('keep a reply apart from the comment it answers, and name nobody', () => {
    const withReplies = anyComment.filter(({ spec }) => spec.replyLink !== undefined);
    fc.assert(
      fc.property(withReplies, ({ spec, owner, post, comment, reply, otherComment }) => {
        fc.pre(comment !== reply && reply !== otherComment);
        const replyLink = spec.replyLink as NonNullable<CommentSpec['replyLink']>;
        const answer = normalizedOf(replyLink(owner, post, comment, reply));
        expect(answer, spec.name).toMatchObject({ kind: 'comment', account: null });
        expect(answer.canonicalUrl, spec.name).not.toBe(
          normalizedOf(spec.commentLink(owner, post, comment)).canonicalUrl,
        );
        expect(answer.canonicalUrl, spec.name).not.toBe(
          normalizedOf(replyLink(owner, post, comment, otherComment)).canonicalUrl,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('read a Facebook comment id written in base64 as the same comment', () => {
    const facebook = anyComment.filter(({ spec }) => spec.name.startsWith('facebook '));
    fc.assert(
      fc.property(facebook, ({ spec, owner, post, comment }) => {
        const postLink = spec.postLink(owner, post);
        const encoded = withQuery(postLink, ['comment_id', btoa(`comment:${numericPart(post)}_${comment}`)]);
        expect(normalizedOf(encoded).canonicalUrl, spec.name).toBe(
          normalizedOf(spec.commentLink(owner, post, comment)).canonicalUrl,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('replies on X, Bluesky, Threads and Mastodon', () => {
  const replier = (maxLetters: number, extra: string) => fc.mixedCase(word(maxLetters, extra));
  const replies: fc.Arbitrary<[string, string]> = fc.oneof(
    fc
      .tuple(replier(12, '_'), numericId)
      .map(([who, id]): [string, string] => [`https://x.com/${who}/status/${id}`, who.toLowerCase()]),
    fc
      .tuple(replier(15, ''), chars('abcdefghijklmnopqrstuvwxyz234567', 13, 13))
      .map(([who, id]): [string, string] => [
        `https://bsky.app/profile/${who}.bsky.social/post/${id}`,
        `${who.toLowerCase()}.bsky.social`,
      ]),
    fc
      .tuple(replier(20, '._'), chars(BASE64URL, 11, 11))
      .map(([who, id]): [string, string] => [
        `https://www.threads.net/@${who}/post/${id}`,
        who.toLowerCase(),
      ]),
    fc
      .tuple(replier(20, '_'), numericId, fc.constantFrom('mastodon.social', 'fosstodon.org'))
      .map(([who, id, server]): [string, string] => [
        `https://${server}/@${who}/${id}`,
        `${who.toLowerCase()}@${server}`,
      ]),
  );

  it('name the replier: a reply is a post of its own, under its author’s handle', () => {
    fc.assert(
      fc.property(replies, ([link, handle]) => {
        const result = normalizePostUrl(link);
        expect(result.ok && result.value).toMatchObject({ kind: 'post', account: { handle } });
      }),
      { numRuns: 500 },
    );
  });
});
