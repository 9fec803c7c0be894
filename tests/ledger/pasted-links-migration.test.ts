import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pastedLinkWithoutTracking } from '../../src/core/post-url/pasted-link.ts';
import { createLegacyDatabase, type TestDatabase } from '../support/test-database.ts';

/** Links "as pasted" as the versions before 0013 kept them, by the platform of their incident. */
const LEGACY: ReadonlyArray<readonly [platform: string, kind: string, sourceUrl: string]> = [
  ['x', 'post', 'https://twitter.com/SomeTroll/status/1?s=20&t=ShArEr9'],
  ['x', 'post', 'mobile.twitter.com/SOMETROLL/status/1?utm_source=share#reply'],
  ['instagram', 'post', 'https://www.instagram.com/p/C1a2B3/?igsh=MXZ0bWJ4cTZ3cm9xdw=='],
  [
    'tiktok',
    'post',
    'https://www.tiktok.com/@troll/video/7301?_r=1&u_code=dk2j3&share_app_id=1233&sender_device=pc',
  ],
  ['youtube', 'post', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=Ab12Cd34&lc=UgxComment'],
  [
    'facebook',
    'comment',
    'https://www.facebook.com/permalink.php?story_fbid=123&id=456&mibextid=Nif5oz&fbclid=IwAR0',
  ],
  [
    'linkedin',
    'post',
    'https://www.linkedin.com/posts/troll_activity-1-abc?utm_source=share&utm_medium=member_ios',
  ],
  [
    'web',
    'post',
    'https://forum.example.org/thread?id=42&s=page2&fbclid=IwAR0abc&UTM_Medium=social&ref_src=tw',
  ],
  ['web', 'post', 'https://forum.example.org/thread?fbclid=IwAR0abc#post-9'],
  ['web', 'post', 'https://forum.example.org/thread#reply?si=1'],
  ['mastodon', 'post', 'https://mastodon.social/@troll/1123?utm_source=x'],
  ['x', 'post', 'https://x.com/SomeTroll/status/2'],
  ['tiktok', 'post', 'https://www.tiktok.com/@drjane/video/7302?comment_id=789&u_code=dk2j3'],
  [
    'linkedin',
    'comment',
    'https://www.linkedin.com/feed/update/urn:li:activity:1?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(2)&trk=x',
  ],
  ['email', 'email', 'mailto:troll@example.com?subject=hi&si=1'],
  ['instagram', 'offline', 'dm:instagram'],
  ['x', 'post', 'purged'],
];

async function seedLegacyReports(db: TestDatabase): Promise<void> {
  for (const [index, [platform, kind, sourceUrl]] of LEGACY.entries()) {
    await db.pool.query(
      `INSERT INTO incidents (canonical_url, platform, kind, channel, category, severity, target_id, first_reported_at)
       VALUES ($1, $2, $3, $4, 'harassment', 'medium', 'slack:T:U1', now())`,
      [`https://example.com/incident/${index}`, platform, kind, kind === 'offline' ? 'dm' : null],
    );
    await db.pool.query(
      `INSERT INTO incident_reports (incident_id, reporter_id, source_url, reported_at)
       VALUES ($1, 'slack:T:U2', $2, now())`,
      [index + 1, sourceUrl],
    );
  }
}

describe('migration 0013 on a ledger holding links as pasted with share parameters', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createLegacyDatabase(12, seedLegacyReports);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('removes them as new flags do, and leaves emails, places and purged rows alone', async () => {
    const rows = await db.pool.query<{ source_url: string }>(
      'SELECT source_url FROM incident_reports ORDER BY incident_id',
    );
    const cleaned = rows.rows.map((row) => row.source_url);
    expect(cleaned).toEqual([
      'https://twitter.com/SomeTroll/status/1',
      'mobile.twitter.com/SOMETROLL/status/1#reply',
      'https://www.instagram.com/p/C1a2B3/',
      'https://www.tiktok.com/@troll/video/7301',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxComment',
      'https://www.facebook.com/permalink.php?story_fbid=123&id=456',
      'https://www.linkedin.com/posts/troll_activity-1-abc',
      'https://forum.example.org/thread?id=42&s=page2',
      'https://forum.example.org/thread#post-9',
      'https://forum.example.org/thread#reply?si=1',
      'https://mastodon.social/@troll/1123',
      'https://x.com/SomeTroll/status/2',
      // A comment's id stays: it is what names the comment (and how a lead finds comments filed as posts).
      'https://www.tiktok.com/@drjane/video/7302?comment_id=789',
      'https://www.linkedin.com/feed/update/urn:li:activity:1?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(2)',
      'mailto:troll@example.com?subject=hi&si=1',
      'dm:instagram',
      'purged',
    ]);
    // The same rule as new flags follow, link by link.
    const links = LEGACY.filter(
      ([, kind, url]) => kind !== 'email' && kind !== 'offline' && url !== 'purged',
    );
    for (const [, , url] of links) {
      expect(cleaned).toContain(pastedLinkWithoutTracking(url));
    }
  });
});
