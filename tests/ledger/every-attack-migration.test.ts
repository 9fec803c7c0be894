import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * A ledger as the version before 0011 left it: a Facebook comment recorded against the owner of the post it sat
 * under (the person attacked), a post recorded against its author, an Instagram comment, and an email.
 */
async function seedLegacyLedger(db: TestDatabase): Promise<void> {
  await db.pool.query(
    `INSERT INTO offenders (platform, handle, display, profile_url) VALUES
       ('facebook', 'drjanedoe', 'DrJaneDoe', 'https://facebook.com/drjanedoe'),
       ('x', 'sometroll', '@SomeTroll', 'https://x.com/sometroll'),
       ('instagram', 'drjane', '@drjane', 'https://instagram.com/drjane'),
       ('email', 'troll@example.com', 'troll@example.com', NULL)`,
  );
  await db.pool.query(
    `INSERT INTO incidents (canonical_url, platform, kind, offender_id, category, severity, target_id, first_reported_at)
     VALUES
       ('https://facebook.com/drjanedoe/posts/123?comment_id=9', 'facebook', 'post', 1, 'hate', 'high', 'slack:T:U1', now()),
       ('https://x.com/i/status/77', 'x', 'post', 2, 'harassment', 'medium', 'slack:T:U1', now()),
       ('https://instagram.com/p/Cx1/c/555', 'instagram', 'post', 3, 'harassment', 'medium', 'slack:T:U2', now()),
       ('https://instagram.com/p/Cx1', 'instagram', 'post', 3, 'harassment', 'medium', 'slack:T:U2', now()),
       ('mailto:troll@example.com#2026-11-18', 'email', 'email', 4, 'harassment', 'medium', 'slack:T:U2', now())`,
  );
}

describe('migration 0011 on a ledger that already holds incidents', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createLegacyDatabase(10, seedLegacyLedger);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('keeps every incident, and forgets the account a comment was wrongly recorded against', async () => {
    const rows = await db.pool.query(
      `SELECT i.canonical_url, i.kind, o.handle, i.offender_named_by, i.channel, i.occurred_at
       FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id ORDER BY i.id`,
    );
    expect(rows.rows).toEqual([
      {
        canonical_url: 'https://facebook.com/drjanedoe/posts/123?comment_id=9',
        kind: 'comment',
        handle: null,
        offender_named_by: null,
        channel: null,
        occurred_at: null,
      },
      {
        canonical_url: 'https://x.com/i/status/77',
        kind: 'post',
        handle: 'sometroll',
        offender_named_by: 'link',
        channel: null,
        occurred_at: null,
      },
      {
        canonical_url: 'https://instagram.com/p/Cx1/c/555',
        kind: 'comment',
        handle: null,
        offender_named_by: null,
        channel: null,
        occurred_at: null,
      },
      {
        canonical_url: 'https://instagram.com/p/Cx1',
        kind: 'post',
        handle: 'drjane',
        offender_named_by: 'link',
        channel: null,
        occurred_at: null,
      },
      {
        canonical_url: 'mailto:troll@example.com#2026-11-18',
        kind: 'email',
        handle: 'troll@example.com',
        offender_named_by: 'link',
        channel: null,
        occurred_at: null,
      },
    ]);
  });

  it('refuses an incident whose account and who named it disagree', async () => {
    await expect(
      db.pool.query(
        `INSERT INTO incidents (collective_id, canonical_url, platform, kind, offender_id, offender_named_by,
                                category, severity, target_id, first_reported_at)
         VALUES ('default', 'https://x.com/i/status/78', 'x', 'post', NULL, 'member', 'harassment', 'medium', 'slack:T:U1', now())`,
      ),
    ).rejects.toThrow(/incidents_offender_named/);
  });
});
