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
