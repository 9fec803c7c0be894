import { describe, expect, it } from 'vitest';
import {
  type NormalizedPost,
  normalizePostUrl,
  PLATFORMS,
  parseAccountQuery,
  platformLabel,
} from '../../src/core/post-url/index.ts';

function normalized(input: string): NormalizedPost {
  const result = normalizePostUrl(input);
  if (!result.ok) throw new Error(`expected ${input} to normalise, got ${result.error.code}`);
  return result.value;
}

const canonical = (input: string): string => normalized(input).canonicalUrl;

function refusal(input: string): { code: string; message: string } {
  const result = normalizePostUrl(input);
  if (result.ok) throw new Error(`expected ${input} to be refused, got ${result.value.canonicalUrl}`);
  return result.error;
}

/** Every input in a group names the same thing; the first is the expected canonical form's source. */
function expectCollapse(canonicalUrl: string, variants: readonly string[]): void {
  for (const variant of variants) expect(canonical(variant), variant).toBe(canonicalUrl);
}

describe('X (Twitter) links', () => {
  it('keys a post on its status id and keeps the author as the account', () => {
    expect(normalized('https://x.com/SomeTroll/status/1234567890')).toEqual({
      platform: 'x',
      kind: 'post',
      canonicalUrl: 'https://x.com/i/status/1234567890',
      account: {
        platform: 'x',
        handle: 'sometroll',
        display: '@SomeTroll',
        profileUrl: 'https://x.com/sometroll',
      },
    });
  });

  it('collapses host aliases, tracking parameters, case, suffixes and fragments onto one post', () => {
    expectCollapse('https://x.com/i/status/1234567890', [
      'https://twitter.com/SomeTroll/status/1234567890',
      'https://mobile.twitter.com/SomeTroll/status/1234567890',
      'https://mobile.x.com/sometroll/status/1234567890',
      'https://www.x.com/SOMETROLL/status/1234567890/',
      'https://x.com/SomeTroll/status/1234567890?s=20&t=abcDEF',
      'https://x.com/SomeTroll/status/1234567890/photo/1',
      'https://x.com/SomeTroll/status/1234567890/analytics',
      'https://x.com/SomeTroll/status/1234567890#reply',
      'https://x.com/SomeTroll/status/1234567890?utm_source=share&utm_medium=ios',
      'https://fxtwitter.com/SomeTroll/status/1234567890',
      'https://vxtwitter.com/SomeTroll/status/1234567890',
      'https://fixupx.com/SomeTroll/status/1234567890',
      'https://nitter.net/SomeTroll/status/1234567890#m',
      'http://x.com/SomeTroll/status/1234567890',
      'x.com/SomeTroll/status/1234567890',
    ]);
  });

  it('treats /i/status and /i/web/status as the same post, without an account', () => {
    expect(canonical('https://x.com/i/web/status/1234567890')).toBe('https://x.com/i/status/1234567890');
    expect(normalized('https://twitter.com/i/status/1234567890').account).toBeNull();
  });

  it('keeps two different status ids apart', () => {
    expect(canonical('https://x.com/a/status/1')).not.toBe(canonical('https://x.com/a/status/2'));
  });

  it('reads a profile link as the account, keyed lower-case', () => {
    const profile = normalized('https://twitter.com/SomeTroll/');
    expect(profile.kind).toBe('profile');
    expect(profile.canonicalUrl).toBe('https://x.com/sometroll');
    expect(profile.account?.display).toBe('@SomeTroll');
    expect(canonical('https://x.com/SomeTroll/with_replies')).toBe('https://x.com/sometroll');
  });

  it('refuses X pages that are neither posts nor accounts', () => {
    for (const page of [
      'https://x.com/home',
      'https://x.com/search?q=x',
      'https://x.com/explore',
      'https://x.com/',
    ]) {
      expect(refusal(page).code, page).toBe('url.not_post');
    }
  });
});

describe('Instagram links', () => {
  it('keys /p, /reel, /reels and /tv on the shortcode, without an account', () => {
    expectCollapse('https://instagram.com/p/CxYz_12-Ab', [
      'https://www.instagram.com/p/CxYz_12-Ab/',
      'https://instagram.com/reel/CxYz_12-Ab/?igsh=abc',
      'https://instagram.com/reels/CxYz_12-Ab?igshid=xyz&utm_source=ig_web_copy_link',
      'https://instagram.com/tv/CxYz_12-Ab#x',
    ]);
    expect(normalized('https://instagram.com/p/CxYz_12-Ab').account).toBeNull();
  });

  it('keeps shortcodes that differ only by case apart', () => {
    expect(canonical('https://instagram.com/p/AbCdEf')).not.toBe(canonical('https://instagram.com/p/abcdef'));
  });

  it('takes the account from /<user>/p/<code>', () => {
    const post = normalized('https://instagram.com/Some.Troll/p/AbC/');
    expect(post.canonicalUrl).toBe('https://instagram.com/p/AbC');
    expect(post.account).toMatchObject({ handle: 'some.troll', display: '@Some.Troll' });
  });

  it('keys a comment apart from the post it sits under', () => {
    expect(canonical('https://instagram.com/p/AbC/c/17900000000000000/')).toBe(
      'https://instagram.com/p/AbC/c/17900000000000000',
    );
  });

  it('reads stories as posts with an account, and /<user> as a profile', () => {
    const story = normalized('https://instagram.com/stories/Some.Troll/3141592653589793238');
    expect(story).toMatchObject({
      kind: 'post',
      canonicalUrl: 'https://instagram.com/stories/some.troll/3141592653589793238',
      account: { handle: 'some.troll' },
    });
    expect(normalized('https://instagram.com/Some.Troll/')).toMatchObject({
      kind: 'profile',
      canonicalUrl: 'https://instagram.com/some.troll',
    });
  });
});

describe('Facebook links', () => {
  it('keys /<user>/posts/<id> with the user as account', () => {
    const post = normalized('https://m.facebook.com/Some.Troll/posts/pfbid02AbCdEfGhIjK?mibextid=abc&rdid=x');
    expect(post.canonicalUrl).toBe('https://facebook.com/some.troll/posts/pfbid02AbCdEfGhIjK');
    expect(post.account).toMatchObject({
      handle: 'some.troll',
      profileUrl: 'https://facebook.com/some.troll',
    });
  });

  it('keeps only story_fbid and id on a permalink, with the owner as id:<n>', () => {
    const post = normalized(
      'https://web.facebook.com/permalink.php?id=456&story_fbid=123&__cft__=x&fbclid=y',
    );
    expect(post.canonicalUrl).toBe('https://facebook.com/permalink.php?story_fbid=123&id=456');
    expect(post.account?.handle).toBe('id:456');
  });

  it('collapses photo and video link shapes', () => {
    expectCollapse('https://facebook.com/photo?fbid=789', [
      'https://www.facebook.com/photo/?fbid=789&set=a.1',
      'https://facebook.com/photo.php?fbid=789',
    ]);
    expectCollapse('https://facebook.com/watch?v=555', [
      'https://www.facebook.com/watch/?v=555&extid=x',
      'https://facebook.com/SomeTroll/videos/555/',
      'https://facebook.com/SomeTroll/videos/a-title/555/',
    ]);
  });

  it('reads group posts without an account, and profile.php as an id profile', () => {
    expect(normalized('https://facebook.com/groups/SomeGroup/permalink/999/')).toMatchObject({
      canonicalUrl: 'https://facebook.com/groups/somegroup/posts/999',
      account: null,
    });
    expect(normalized('https://fb.com/profile.php?id=100012345&sk=about')).toMatchObject({
      kind: 'profile',
      canonicalUrl: 'https://facebook.com/profile.php?id=100012345',
      account: { handle: 'id:100012345' },
    });
    expect(normalized('https://facebook.com/Some.Troll')).toMatchObject({
      kind: 'profile',
      account: { handle: 'some.troll', display: 'Some.Troll' },
    });
  });

  it('keeps fb.watch short links as their own key', () => {
    expect(canonical('https://fb.watch/aBcD123/?mibextid=x')).toBe('https://fb.watch/aBcD123');
  });
});

describe('TikTok links', () => {
  it('keys a video on user and id', () => {
    expectCollapse('https://tiktok.com/@some.troll/video/7234567890123456789', [
      'https://www.tiktok.com/@Some.Troll/video/7234567890123456789?is_from_webapp=1&sender_device=pc',
      'https://m.tiktok.com/@some.troll/video/7234567890123456789/',
    ]);
  });

  it('keeps vm.tiktok.com short links as their own key, with no account', () => {
    expect(normalized('https://vm.tiktok.com/ZMabcDEF1/')).toMatchObject({
      canonicalUrl: 'https://vm.tiktok.com/ZMabcDEF1',
      account: null,
    });
  });

  it('reads /@user as a profile', () => {
    expect(normalized('https://tiktok.com/@Some.Troll')).toMatchObject({
      kind: 'profile',
      canonicalUrl: 'https://tiktok.com/@some.troll',
    });
  });
});

describe('YouTube links', () => {
  it('collapses youtu.be, watch, shorts, live, embed and music onto one video', () => {
    expectCollapse('https://youtube.com/watch?v=dQw4w9WgXcQ', [
      'https://youtu.be/dQw4w9WgXcQ?si=abc123&t=42',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL1&feature=share',
      'https://m.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ?feature=share',
      'https://youtube.com/live/dQw4w9WgXcQ',
      'https://youtube.com/embed/dQw4w9WgXcQ',
      'https://music.youtube.com/watch?v=dQw4w9WgXcQ',
    ]);
  });

  it('keeps video ids case-sensitive', () => {
    expect(canonical('https://youtu.be/AbCdEfGhIjK')).not.toBe(canonical('https://youtu.be/abcdefghijk'));
  });

  it('keys a linked comment apart from its video', () => {
    const video = canonical('https://youtube.com/watch?v=dQw4w9WgXcQ');
    const comment = canonical('https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyz');
    expect(comment).toBe('https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyz');
    expect(comment).not.toBe(video);
  });

  it('reads channels as profiles, keeping channel-id case', () => {
    expect(normalized('https://youtube.com/@SomeTroll/videos').account).toMatchObject({
      handle: 'sometroll',
      display: '@SomeTroll',
      profileUrl: 'https://youtube.com/@sometroll',
    });
    expect(normalized('https://youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV')).toMatchObject({
      kind: 'profile',
      canonicalUrl: 'https://youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV',
      account: { handle: 'id:UCaBcDeFgHiJkLmNoPqRsTuV' },
    });
    expect(normalized('https://youtube.com/c/SomeName').account?.handle).toBe('c:somename');
    expect(normalized('https://youtube.com/user/SomeName').account?.handle).toBe('user:somename');
  });
});

describe('LinkedIn links', () => {
  it('reads a /posts/ slug as the activity, with the author as account', () => {
    const post = normalized(
      'https://www.linkedin.com/posts/jane-doe_vaccines-are-a-hoax-activity-7123456789012345678-AbCd?utm_source=share',
    );
    expect(post.canonicalUrl).toBe('https://linkedin.com/feed/update/urn:li:activity:7123456789012345678');
    expect(post.account).toMatchObject({
      handle: 'jane-doe',
      profileUrl: 'https://linkedin.com/in/jane-doe',
    });
  });

  it('collapses /feed/update URNs, encoded or not, onto the same key', () => {
    expectCollapse('https://linkedin.com/feed/update/urn:li:activity:7123456789012345678', [
      'https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678/',
      'https://linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7123456789012345678?trk=x',
    ]);
  });

  it('keeps ugcPost and share URNs as their own type', () => {
    expect(canonical('https://linkedin.com/feed/update/urn:li:ugcPost:71234/')).toBe(
      'https://linkedin.com/feed/update/urn:li:ugcPost:71234',
    );
    expect(canonical('https://linkedin.com/feed/update/urn:li:share:71234')).toBe(
      'https://linkedin.com/feed/update/urn:li:share:71234',
    );
  });

  it('reads /in/ and /company/ as profiles', () => {
    expect(normalized('https://uk.linkedin.com/in/Jane-Doe/')).toMatchObject({
      kind: 'profile',
      canonicalUrl: 'https://linkedin.com/in/jane-doe',
    });
    expect(normalized('https://linkedin.com/company/Acme-Health/')).toMatchObject({
      kind: 'profile',
      canonicalUrl: 'https://linkedin.com/company/acme-health',
      account: { handle: 'company:acme-health' },
    });
  });
});

describe('Reddit links', () => {
  it('collapses old, new, np, www and redd.it onto one post', () => {
    expectCollapse('https://reddit.com/comments/abc123', [
      'https://www.reddit.com/r/Medicine/comments/abc123/some_title/',
      'https://old.reddit.com/r/medicine/comments/ABC123/some_title/?utm_source=share',
      'https://new.reddit.com/r/medicine/comments/abc123/',
      'https://np.reddit.com/r/medicine/comments/abc123/some_title',
      'https://redd.it/abc123',
    ]);
  });

  it('reads both comment link shapes as the same comment', () => {
    expectCollapse('https://reddit.com/comments/abc123/comment/def456', [
      'https://www.reddit.com/r/medicine/comments/abc123/some_title/def456/?context=3',
      'https://reddit.com/r/medicine/comments/abc123/comment/def456/',
    ]);
  });

  it('keeps two comments on one post, and the post itself, apart', () => {
    const a = canonical('https://reddit.com/r/x/comments/abc123/t/def456');
    const b = canonical('https://reddit.com/r/x/comments/abc123/t/ghi789');
    const post = canonical('https://reddit.com/r/x/comments/abc123/t');
    expect(new Set([a, b, post]).size).toBe(3);
  });

  it('reads /u/ and /user/ as the same profile', () => {
    expectCollapse('https://reddit.com/user/some_troll', [
      'https://reddit.com/u/Some_Troll',
      'https://old.reddit.com/user/some_troll/comments/',
    ]);
    expect(normalized('https://reddit.com/u/Some_Troll').account?.display).toBe('u/Some_Troll');
  });
});

describe('Bluesky links', () => {
  it('keys a post on the lower-cased handle and record key', () => {
    expect(normalized('https://bsky.app/profile/Some.Troll.bsky.social/post/3kxyzabc2de2f')).toMatchObject({
      canonicalUrl: 'https://bsky.app/profile/some.troll.bsky.social/post/3kxyzabc2de2f',
      account: { handle: 'some.troll.bsky.social', display: '@Some.Troll.bsky.social' },
    });
  });

  it('reads /profile/<handle> as a profile', () => {
    expect(normalized('https://bsky.app/profile/troll.bsky.social').kind).toBe('profile');
  });
});

describe('Threads links', () => {
  it('collapses .net, .com, the /t/ short form and any user onto the post code', () => {
    expectCollapse('https://threads.net/post/CxYzAbC', [
      'https://www.threads.net/@Some.Troll/post/CxYzAbC',
      'https://threads.com/@some.troll/post/CxYzAbC/?xmt=abc',
      'https://threads.net/t/CxYzAbC',
    ]);
    expect(normalized('https://threads.com/@Some.Troll/post/CxYzAbC').account).toMatchObject({
      handle: 'some.troll',
      profileUrl: 'https://threads.net/@some.troll',
    });
  });

  it('keeps post codes that differ only by case apart', () => {
    expect(canonical('https://threads.net/t/AbC')).not.toBe(canonical('https://threads.net/t/abc'));
  });
});

describe('Mastodon-style links on other hosts', () => {
  it('collapses /@user/<id> and /users/<user>/statuses/<id>', () => {
    expectCollapse('https://mastodon.social/@sometroll/110000000000000001', [
      'https://mastodon.social/@SomeTroll/110000000000000001',
      'https://mastodon.social/users/sometroll/statuses/110000000000000001',
      'https://mastodon.social/@SomeTroll/110000000000000001/',
    ]);
    expect(normalized('https://mastodon.social/@SomeTroll/110000000000000001')).toMatchObject({
      platform: 'mastodon',
      account: {
        handle: 'sometroll@mastodon.social',
        display: '@SomeTroll@mastodon.social',
        profileUrl: 'https://mastodon.social/@sometroll',
      },
    });
  });

  it('reads a remote account shown by another server', () => {
    expect(normalized('https://infosec.exchange/@Troll@mastodon.social/110000000000000001')).toMatchObject({
      canonicalUrl: 'https://infosec.exchange/@troll@mastodon.social/110000000000000001',
      account: { handle: 'troll@mastodon.social', profileUrl: 'https://mastodon.social/@troll' },
    });
  });

  it('reads /@user alone as a profile', () => {
    expect(normalized('https://fosstodon.org/@Troll')).toMatchObject({
      platform: 'mastodon',
      kind: 'profile',
      canonicalUrl: 'https://fosstodon.org/@troll',
    });
  });
});

describe('links to a comment or a reply', () => {
  /** A comment link never names the commenter, and must never name the owner of the post it sits under. */
  function expectComment(input: string, canonicalUrl: string): void {
    expect(normalized(input), input).toEqual({
      platform: expect.any(String),
      kind: 'comment',
      canonicalUrl,
      account: null,
    });
  }

  /** Two comments, the post they sit under, and a reply to the first: four incidents. */
  function expectApart(post: string, comment: string, otherComment: string, reply?: string): void {
    const keys = [post, comment, otherComment, ...(reply === undefined ? [] : [reply])].map(canonical);
    expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);
  }

  it('Facebook /<user>/posts/<id>?comment_id= keeps its key but names nobody', () => {
    expectComment(
      'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=9',
      'https://facebook.com/drjanedoe/posts/123?comment_id=9',
    );
    expectApart(
      'https://www.facebook.com/DrJaneDoe/posts/123',
      'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=9',
      'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=10',
      'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=9&reply_comment_id=11',
    );
  });

  it('Facebook permalink.php with the owner id and a comment names nobody', () => {
    expectComment(
      'https://m.facebook.com/permalink.php?story_fbid=123&id=456&comment_id=9&__cft__=x',
      'https://facebook.com/permalink.php?story_fbid=123&id=456&comment_id=9',
    );
    expectApart(
      'https://facebook.com/permalink.php?story_fbid=123&id=456',
      'https://facebook.com/permalink.php?story_fbid=123&id=456&comment_id=9',
      'https://facebook.com/permalink.php?story_fbid=123&id=456&comment_id=10',
    );
  });

  it('Facebook videos, photos, reels, groups and watch links with a comment name nobody', () => {
    expectComment(
      'https://facebook.com/DrJaneDoe/videos/555/?comment_id=9',
      'https://facebook.com/watch?v=555&comment_id=9',
    );
    expectComment(
      'https://facebook.com/DrJaneDoe/videos/a-title/555?comment_id=9',
      'https://facebook.com/watch?v=555&comment_id=9',
    );
    expectComment(
      'https://facebook.com/DrJaneDoe/photos/a.1/789/?comment_id=9',
      'https://facebook.com/photo?fbid=789&comment_id=9',
    );
    expectComment('https://facebook.com/reel/777?comment_id=9', 'https://facebook.com/reel/777?comment_id=9');
    expectComment(
      'https://facebook.com/groups/SomeGroup/posts/999/?comment_id=9',
      'https://facebook.com/groups/somegroup/posts/999?comment_id=9',
    );
    expectApart(
      'https://facebook.com/DrJaneDoe/videos/555',
      'https://facebook.com/DrJaneDoe/videos/555?comment_id=9',
      'https://facebook.com/DrJaneDoe/videos/555?comment_id=10',
    );
    expectApart(
      'https://facebook.com/DrJaneDoe/photos/a.1/789',
      'https://facebook.com/DrJaneDoe/photos/a.1/789?comment_id=9',
      'https://facebook.com/DrJaneDoe/photos/a.1/789?comment_id=10',
    );
  });

  it('Facebook keeps a reply to a comment apart from the comment', () => {
    expectComment(
      'https://facebook.com/DrJaneDoe/posts/123?reply_comment_id=11&comment_id=9',
      'https://facebook.com/drjanedoe/posts/123?comment_id=9&reply_comment_id=11',
    );
    expect(canonical('https://facebook.com/a/posts/1?comment_id=9&reply_comment_id=11')).not.toBe(
      canonical('https://facebook.com/a/posts/1?comment_id=9&reply_comment_id=12'),
    );
  });

  it('Facebook reads a base64 comment_id as the same comment as its numeric form', () => {
    // `comment:123_9` and `comment:123_11`, as newer Facebook links write them.
    const encoded = (text: string) => encodeURIComponent(btoa(text));
    expectComment(
      `https://www.facebook.com/DrJaneDoe/posts/123?comment_id=${encoded('comment:123_9')}`,
      'https://facebook.com/drjanedoe/posts/123?comment_id=9',
    );
    expectComment(
      `https://facebook.com/DrJaneDoe/posts/123?comment_id=${encoded('comment:123_9')}&reply_comment_id=${encoded('comment:123_11')}`,
      'https://facebook.com/drjanedoe/posts/123?comment_id=9&reply_comment_id=11',
    );
  });

  it('LinkedIn /posts/ with a commentUrn keeps its key but names nobody, not the author', () => {
    const comment = 'urn%3Ali%3Acomment%3A(activity%3A123%2C456)';
    const key = `https://linkedin.com/feed/update/urn:li:activity:123?commentUrn=${encodeURIComponent('urn:li:comment:(activity:123,456)')}`;
    expectComment(`https://linkedin.com/posts/drjane_slug-activity-123-abc?commentUrn=${comment}`, key);
    expectComment(`https://www.linkedin.com/feed/update/urn:li:activity:123/?commentUrn=${comment}`, key);
    expectApart(
      'https://linkedin.com/posts/drjane_slug-activity-123-abc',
      `https://linkedin.com/posts/drjane_slug-activity-123-abc?commentUrn=${comment}`,
      'https://linkedin.com/posts/drjane_slug-activity-123-abc?commentUrn=urn%3Ali%3Acomment%3A(activity%3A123%2C457)',
      `https://linkedin.com/posts/drjane_slug-activity-123-abc?commentUrn=${comment}&replyUrn=urn%3Ali%3Acomment%3A(activity%3A123%2C458)`,
    );
  });

  it('LinkedIn keeps a reply in the key after the comment', () => {
    const link =
      'https://linkedin.com/feed/update/urn:li:activity:123?replyUrn=urn%3Ali%3Acomment%3A(activity%3A123%2C458)' +
      '&commentUrn=urn%3Ali%3Acomment%3A(activity%3A123%2C456)&trk=x';
    expectComment(
      link,
      `https://linkedin.com/feed/update/urn:li:activity:123?commentUrn=${encodeURIComponent('urn:li:comment:(activity:123,456)')}&replyUrn=${encodeURIComponent('urn:li:comment:(activity:123,458)')}`,
    );
  });

  it('LinkedIn reads dashCommentUrn and urn-prefixed comment URNs as the same comment', () => {
    const key = canonical(
      'https://linkedin.com/feed/update/urn:li:activity:123?commentUrn=urn%3Ali%3Acomment%3A(activity%3A123%2C456)',
    );
    expectComment(
      'https://linkedin.com/posts/drjane_slug-activity-123-abc?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(456%2Curn%3Ali%3Aactivity%3A123)',
      key,
    );
    expectComment(
      'https://linkedin.com/posts/drjane_slug-activity-123-abc?commentUrn=urn%3Ali%3Acomment%3A(urn%3Ali%3Aactivity%3A123%2C456)',
      key,
    );
  });

  it('Instagram /<user>/p/<code>/c/<id> keeps its key but names nobody', () => {
    expectComment(
      'https://www.instagram.com/DrJane/p/AbC/c/17900000000000000/',
      'https://instagram.com/p/AbC/c/17900000000000000',
    );
    expectApart(
      'https://instagram.com/DrJane/p/AbC',
      'https://instagram.com/DrJane/p/AbC/c/17900000000000000',
      'https://instagram.com/DrJane/p/AbC/c/17900000000000001',
      'https://instagram.com/DrJane/p/AbC/c/17900000000000000/r/17900000000000002',
    );
  });

  it('Instagram keeps a reply, /c/<id>/r/<id>, in the key', () => {
    expectComment(
      'https://instagram.com/p/AbC/c/17900000000000000/r/17900000000000002/?igsh=x',
      'https://instagram.com/p/AbC/c/17900000000000000/r/17900000000000002',
    );
  });

  it('TikTok keeps comment_id in the key and names nobody, not the video owner', () => {
    expectComment(
      'https://www.tiktok.com/@drjane/video/123?comment_id=789&is_from_webapp=1',
      'https://tiktok.com/@drjane/video/123?comment_id=789',
    );
    expectApart(
      'https://www.tiktok.com/@drjane/video/123',
      'https://www.tiktok.com/@drjane/video/123?comment_id=789',
      'https://www.tiktok.com/@drjane/video/123?comment_id=790',
    );
  });

  it('YouTube comments (lc) are comments, on videos and community posts alike', () => {
    expectComment(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyz',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyz',
    );
    expectApart(
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyz',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyZ',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123xyz.9zReply',
    );
    expectComment('https://youtube.com/post/UgkxAbC?lc=UgwXyZ', 'https://youtube.com/post/UgkxAbC?lc=UgwXyZ');
    expectApart(
      'https://youtube.com/post/UgkxAbC',
      'https://youtube.com/post/UgkxAbC?lc=UgwXyZ',
      'https://youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV/community?lb=UgkxAbC&lc=UgwXyY',
    );
  });

  it('Reddit comment permalinks are comments', () => {
    expectComment(
      'https://www.reddit.com/r/medicine/comments/abc123/some_title/def456/',
      'https://reddit.com/comments/abc123/comment/def456',
    );
  });

  it('X, Bluesky, Threads and Mastodon replies are posts under the replier’s own handle', () => {
    for (const [link, handle] of [
      ['https://x.com/Replier/status/2', 'replier'],
      ['https://bsky.app/profile/replier.bsky.social/post/3kxyzabc2de2f', 'replier.bsky.social'],
      ['https://threads.net/@Replier/post/CxYzAbC', 'replier'],
      ['https://mastodon.social/@Replier/110000000000000002', 'replier@mastodon.social'],
    ] as const) {
      expect(normalized(link), link).toMatchObject({ kind: 'post', account: { handle } });
    }
  });

  it('an unforeseen Facebook shape carrying a comment id is a comment', () => {
    expectComment(
      'https://facebook.com/some/new/shape?comment_id=9&fbclid=x',
      'https://facebook.com/some/new/shape?comment_id=9',
    );
  });
});

describe('email senders', () => {
  it('keys mailto links, bare and named addresses on the lower-cased inbox without +tag', () => {
    expectCollapse('mailto:troll@example.com', [
      'mailto:Troll@Example.COM',
      'mailto:troll+hate@example.com?subject=hello',
      'troll@example.com',
      'Some Troll <Troll@example.com>',
      '<mailto:troll@example.com|troll@example.com>',
    ]);
    const sender = normalized('Troll@Example.com');
    expect(sender).toMatchObject({ platform: 'email', kind: 'email' });
    expect(sender.account).toEqual({
      platform: 'email',
      handle: 'troll@example.com',
      display: 'Troll@Example.com',
    });
  });

  it('refuses an incomplete address kindly', () => {
    for (const bad of ['troll@', 'troll@localhost', 'mailto:nobody', 'a..b@example.com']) {
      expect(refusal(bad).code, bad).toBe('email.invalid');
    }
  });
});

describe('other websites', () => {
  it('keeps the path case, drops www, fragment, tracking and trailing slash, and sorts parameters', () => {
    expectCollapse('https://example.com/Blog/Post-1?a=1&b=2', [
      'https://www.example.com/Blog/Post-1/?b=2&a=1&utm_source=x&fbclid=abc#comments',
      'http://EXAMPLE.com/Blog/Post-1?a=1&b=2',
      'example.com/Blog/Post-1?gclid=1&a=1&b=2',
    ]);
    expect(normalized('https://example.com/Blog/Post-1')).toMatchObject({ platform: 'web', account: null });
  });

  it('keeps pages differing in path case or in a real parameter apart', () => {
    expect(canonical('https://example.com/A')).not.toBe(canonical('https://example.com/a'));
    expect(canonical('https://example.com/p?id=1')).not.toBe(canonical('https://example.com/p?id=2'));
  });
});

describe('unforeseen link shapes on known platforms', () => {
  it('still records them, keyed on the path and only the parameters the platform uses', () => {
    expect(
      normalized('https://www.facebook.com/some/new/shape/?id=7&utm_source=x&fbclid=y&zz=1'),
    ).toMatchObject({
      platform: 'facebook',
      kind: 'post',
      canonicalUrl: 'https://facebook.com/some/new/shape?id=7',
      account: null,
    });
    expect(canonical('https://x.com/i/lists/123?s=20')).toBe('https://x.com/i/lists/123');
  });

  it('keys on the first value of a repeated identifying parameter', () => {
    expect(canonical('https://facebook.com/some/new/shape?id=1&id=2')).toBe(
      'https://facebook.com/some/new/shape?id=1',
    );
  });
});

describe('pasted text', () => {
  it('trims whitespace and strips Slack-style angle brackets and labels', () => {
    expectCollapse('https://x.com/i/status/1', [
      '  https://x.com/a/status/1  ',
      '<https://x.com/a/status/1>',
      '<https://x.com/a/status/1|x.com/a/status/1>',
      '\u200bhttps://x.com/a/status/1\n',
    ]);
  });
});

describe('refusals', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['', 'url.empty'],
    ['   ', 'url.empty'],
    ['<>', 'url.empty'],
    [`https://example.com/${'a'.repeat(2100)}`, 'url.too_long'],
    ['not a link', 'url.extra_text'],
    ['look https://x.com/a/status/1', 'url.extra_text'],
    ['hello', 'url.invalid'],
    ['@SomeTroll', 'url.invalid'],
    ['@troll@mastodon.social', 'url.invalid'],
    ['https://', 'url.invalid'],
    ['https://exa mple.com', 'url.extra_text'],
    ['javascript:alert(document.cookie)', 'url.scheme'],
    ['data:text/html,<script>alert(1)</script>', 'url.scheme'],
    ['file:///etc/passwd', 'url.scheme'],
    ['ftp://example.com/file', 'url.scheme'],
    ['https://user:secret@example.com/post', 'url.credentials'],
    ['https://user@example.com/post', 'url.credentials'],
    ['user:secret@example.com/post', 'url.credentials'],
    ['https://x.com/a\u0000/status/1', 'url.control_chars'],
    ['https://x.com/\u202eevil', 'url.control_chars'],
    ['http://127.0.0.1/admin', 'url.not_public'],
    ['http://2130706433/', 'url.not_public'],
    ['http://[::1]/', 'url.not_public'],
    ['http://localhost:3000/post', 'url.not_public'],
    ['https://printer.local/', 'url.not_public'],
    ['https://x.com/settings', 'url.not_post'],
  ];

  it.each(cases)('refuses %j with %s', (input, code) => {
    expect(refusal(input).code).toBe(code);
  });

  it.each(cases)('never repeats the input %j in the message', (input) => {
    const { message } = refusal(input);
    expect(message.length).toBeGreaterThan(0);
    const pasted = input.trim();
    // Fragments of the example link the messages show (like a bare `https://`) can't be told apart from an echo.
    if (pasted !== '' && !'https://x.com/name/status/123'.includes(pasted))
      expect(message).not.toContain(pasted);
    expect(message.length).toBeLessThan(300);
  });

  it('does not echo an abusive word hidden in a refused link', () => {
    expect(refusal('javascript:alert("slur")').message).not.toContain('slur');
    expect(refusal('https://slur:slur@example.com/').message).not.toContain('slur');
  });
});

describe('parseAccountQuery', () => {
  it('reads a bare handle, with or without @, for any platform', () => {
    expect(parseAccountQuery('SomeTroll')).toEqual({
      ok: true,
      value: { platform: null, handle: 'sometroll' },
    });
    expect(parseAccountQuery(' @SomeTroll ')).toEqual({
      ok: true,
      value: { platform: null, handle: 'sometroll' },
    });
  });

  it('reads platform prefixes and their aliases', () => {
    const cases: ReadonlyArray<[string, string, string]> = [
      ['x:sometroll', 'x', 'sometroll'],
      ['twitter:SomeTroll', 'x', 'sometroll'],
      ['ig:Some.Troll', 'instagram', 'some.troll'],
      ['fb:id:1000123', 'facebook', 'id:1000123'],
      ['yt:id:UCaBcDeF', 'youtube', 'id:UCaBcDeF'],
      ['bsky:@Troll.bsky.social', 'bluesky', 'troll.bsky.social'],
      ['reddit:u/Some_Troll', 'reddit', 'some_troll'],
      ['TikTok:@Some.Troll', 'tiktok', 'some.troll'],
      ['mastodon:@Troll@Mastodon.Social', 'mastodon', 'troll@mastodon.social'],
    ];
    for (const [input, platform, handle] of cases) {
      expect(parseAccountQuery(input), input).toEqual({ ok: true, value: { platform, handle } });
    }
  });

  it('takes the account from a profile or post link', () => {
    expect(parseAccountQuery('https://twitter.com/SomeTroll/status/123')).toEqual({
      ok: true,
      value: { platform: 'x', handle: 'sometroll' },
    });
    expect(parseAccountQuery('instagram.com/Some.Troll')).toEqual({
      ok: true,
      value: { platform: 'instagram', handle: 'some.troll' },
    });
  });

  it('explains kindly when a link names no account', () => {
    const result = parseAccountQuery('https://instagram.com/p/AbC');
    expect(result.ok ? null : result.error.code).toBe('account.not_in_link');
  });

  it('refuses a comment link instead of naming the owner of the post it sits under', () => {
    for (const link of [
      'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=9',
      'https://facebook.com/permalink.php?story_fbid=123&id=456&comment_id=9',
      'https://linkedin.com/posts/drjane_slug-activity-123-abc?commentUrn=urn%3Ali%3Acomment%3A(activity%3A123%2C456)',
      'https://instagram.com/DrJane/p/AbC/c/17900000000000000',
      'https://www.tiktok.com/@drjane/video/123?comment_id=789',
    ]) {
      const result = parseAccountQuery(link);
      expect(result.ok ? result.value : result.error.code, link).toBe('account.not_in_link');
    }
  });

  it('reads email addresses and Mastodon accounts', () => {
    expect(parseAccountQuery('Troll+x@Example.com')).toEqual({
      ok: true,
      value: { platform: 'email', handle: 'troll@example.com' },
    });
    expect(parseAccountQuery('@Troll@mastodon.social')).toEqual({
      ok: true,
      value: { platform: 'mastodon', handle: 'troll@mastodon.social' },
    });
  });

  it('refuses empty, unknown-platform and malformed queries with stable codes', () => {
    const code = (input: string) => {
      const result = parseAccountQuery(input);
      return result.ok ? null : result.error.code;
    };
    expect(code('')).toBe('account.empty');
    expect(code('myspace:tom')).toBe('account.platform');
    expect(code('two words?')).toBe('account.invalid');
    expect(code('x:')).toBe('account.invalid');
    expect(code('@x@')).toBe('account.invalid');
    expect(code('javascript:alert(1)')).toBe('account.platform');
    expect(code('https://127.0.0.1/x')).toBe('url.not_public');
  });
});

describe('platformLabel', () => {
  it('names every platform for people', () => {
    expect(platformLabel('x')).toBe('X (Twitter)');
    expect(platformLabel('mastodon')).toBe('Mastodon');
    expect(platformLabel('email')).toBe('Email');
    expect(platformLabel('web')).toBe('the website');
    for (const platform of PLATFORMS) expect(platformLabel(platform).length).toBeGreaterThan(0);
  });
});
