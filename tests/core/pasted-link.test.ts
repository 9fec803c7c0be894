import { describe, expect, it } from 'vitest';
import { flagArgs } from '../../src/core/commands/flag-args.ts';
import { pastedLinkWithoutTracking } from '../../src/core/post-url/pasted-link.ts';

/** The link a flag keeps "as pasted", read through the same schema every adapter uses. */
function keptAsPasted(url: string): string | undefined {
  const args = flagArgs.parse({ url });
  return args.url?.raw;
}

describe('the link kept as pasted', () => {
  it("drops Instagram's share id, which names the account that shared the link", () => {
    expect(keptAsPasted('https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MXZ0bWJ4cTZ3cm9xdw==')).toBe(
      'https://www.instagram.com/p/C1a2B3c4D5e/',
    );
    expect(keptAsPasted('https://instagram.com/reel/Cxyz/?igshid=abc&utm_source=ig_web_copy_link')).toBe(
      'https://instagram.com/reel/Cxyz/',
    );
  });

  it("drops X's s and t share parameters and keeps the host and case as typed", () => {
    expect(keptAsPasted('https://twitter.com/SomeTroll/status/123?s=20&t=abcDEF123')).toBe(
      'https://twitter.com/SomeTroll/status/123',
    );
    expect(keptAsPasted('mobile.twitter.com/SOMETROLL/status/123?utm_source=share#reply')).toBe(
      'mobile.twitter.com/SOMETROLL/status/123#reply',
    );
  });

  it("drops TikTok's sharer codes", () => {
    expect(
      keptAsPasted(
        'https://www.tiktok.com/@troll/video/7301234567890123456?_r=1&u_code=dk2j3&share_app_id=1233' +
          '&sender_device=pc&is_from_webapp=1&_t=8kXyZ',
      ),
    ).toBe('https://www.tiktok.com/@troll/video/7301234567890123456');
    // The comment's own id is what the link points at: it stays, as it does in the key.
    expect(
      keptAsPasted('https://www.tiktok.com/@drjane/video/7301234567890123456?comment_id=789&u_code=dk2j3'),
    ).toBe('https://www.tiktok.com/@drjane/video/7301234567890123456?comment_id=789');
    expect(
      keptAsPasted(
        'https://www.linkedin.com/feed/update/urn:li:activity:1?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(2%2Curn%3Ali%3Aactivity%3A1)&trk=x',
      ),
    ).toBe(
      'https://www.linkedin.com/feed/update/urn:li:activity:1?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(2%2Curn%3Ali%3Aactivity%3A1)',
    );
  });

  it("keeps a platform's identifying parameters exactly as typed", () => {
    expect(keptAsPasted('https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=Ab12Cd34&lc=UgxComment')).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxComment',
    );
    expect(
      keptAsPasted(
        'https://www.facebook.com/permalink.php?story_fbid=123&id=456&mibextid=Nif5oz&fbclid=IwAR0',
      ),
    ).toBe('https://www.facebook.com/permalink.php?story_fbid=123&id=456');
  });

  it('keeps a web page its meaningful parameters, dropping only known tracking names', () => {
    expect(
      keptAsPasted(
        'https://forum.example.org/thread?id=42&s=page2&fbclid=IwAR0abc&utm_medium=social&ref_src=twsrc',
      ),
    ).toBe('https://forum.example.org/thread?id=42&s=page2');
    expect(keptAsPasted('https://forum.example.org/thread?id=42')).toBe(
      'https://forum.example.org/thread?id=42',
    );
  });

  it('drops a tracking name however it was escaped', () => {
    expect(pastedLinkWithoutTracking('https://news.example.com/a?utm%5Fsource=x&p=1')).toBe(
      'https://news.example.com/a?p=1',
    );
  });

  it("keeps the target's own post by its canonical key, which carries no share parameter", () => {
    const args = flagArgs.parse({
      url: 'https://x.com/SomeTroll/status/1',
      target_post: 'https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MXZ0bWJ4cTZ3cm9xdw==',
    });
    expect(args.target_post).toBe('https://instagram.com/p/C1a2B3c4D5e');
  });

  it('leaves an email address or a place word alone', () => {
    expect(pastedLinkWithoutTracking('mailto:troll@example.com?subject=hi')).toBe(
      'mailto:troll@example.com?subject=hi',
    );
    expect(keptAsPasted('dm:instagram')).toBe('dm:instagram');
  });
});
