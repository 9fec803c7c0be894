import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/ledger/database.ts';
import { PSEUDONYM_KEY_FILE } from '../../src/ledger/pseudonym-key.ts';
import { purgeResolvedBefore } from '../../src/ledger/purge-resolved.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createTestBot, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { createLegacyDatabase, TEST_PSEUDONYM_KEY, type TestDatabase } from '../support/test-database.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
/** What the README promises a pseudonym is: HMAC-SHA-256 under the key, of the id's SHA-256. */
const pseudonymOf = (memberId: string, key = TEST_PSEUDONYM_KEY) =>
  `pseudonym:${createHmac('sha256', Buffer.from(key, 'hex')).update(sha256(memberId)).digest('hex')}`;

const log = createLogger('silent');
const t = useFreshLedger();

async function flagAndPurge(): Promise<void> {
  t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
  await t.bot.run(member('ana'), 'flag', 'https://x.com/KeyedTroll/status/1 threat I know where you live');
  const resolver = createTestBot(t.db, { now: () => new Date('2025-01-20T12:00:00Z') });
  await resolver.incidents.resolve(lead('lee'), 1, 'removed');
  await purgeResolvedBefore(t.db.pool, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
}

describe('member pseudonyms are keyed, under a key kept outside the database', () => {
  it('writes a purged member as the HMAC of their id under the key, which a plain hash of the id does not match', async () => {
    await flagAndPurge();
    const row = (await t.db.pool.query('SELECT target_id, resolved_by FROM incidents WHERE id = 1')).rows[0];
    expect(row.target_id).toBe(pseudonymOf('test:local:ana'));
    expect(row.resolved_by).toBe(pseudonymOf('test:local:lee'));
    // Whoever has a backup and the member list can hash every id; none of those hashes is in the ledger.
    const everything = JSON.stringify(
      (
        await t.db.pool.query(
          'SELECT i.*, r.* FROM incidents i JOIN incident_reports r ON r.incident_id = i.id',
        )
      ).rows,
    );
    for (const id of ['test:local:ana', 'test:local:lee']) {
      expect(everything).not.toContain(sha256(id).toString('hex'));
      expect(everything).not.toContain(id);
    }
    // The key itself is never stored, in any table or setting the database keeps.
    const dump = await t.db.pool.query(
      `SELECT string_agg(fingerprint, ' ') AS stored FROM pseudonym_key_check`,
    );
    expect(dump.rows[0].stored).not.toContain(TEST_PSEUDONYM_KEY);
    const kept = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM pg_db_role_setting WHERE array_to_string(setconfig, ' ') LIKE '%pseudonym%'`,
    );
    expect(kept.rows[0].n).toBe(0);
  });

  it('still counts a member once across a purged incident and a live one', async () => {
    await flagAndPurge();
    t.bot.clock.now = new Date('2026-11-18T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/KeyedTroll/status/2 hate');
    expect(replyText(await t.bot.run(member('ben'), 'offender', 'x:keyedtroll'))).toContain(
      '2 incidents against 1 member',
    );
  });

  it('refuses to write a member on a connection that was not given the key', async () => {
    const bare = new pg.Client({ connectionString: t.db.url });
    await bare.connect();
    try {
      await expect(
        bare.query(
          `INSERT INTO incidents (collective_id, canonical_url, platform, kind, category, severity, target_id,
                                  first_reported_at)
           VALUES ('default', 'https://x.com/i/status/9', 'x', 'post', 'hate', 'high', 'slack:T:U9', now())`,
        ),
      ).rejects.toThrow(/no pseudonym key/);
    } finally {
      await bare.end();
    }
  });
});

describe('opening a ledger with its pseudonym key', () => {
  it('refuses a server ledger without SHIELDWALL_PSEUDONYM_KEY, or with another key than it was written with', async () => {
    const options = { databaseUrl: t.db.url, dataDir: os.tmpdir(), log };
    await expect(openDatabase({ ...options, pseudonymKey: undefined })).rejects.toThrow(
      /needs SHIELDWALL_PSEUDONYM_KEY/,
    );
    const other = randomBytes(32).toString('hex');
    await expect(openDatabase({ ...options, pseudonymKey: other })).rejects.toThrow(
      /not the one this ledger was written with/,
    );
    const same = await openDatabase({ ...options, pseudonymKey: TEST_PSEUDONYM_KEY.toUpperCase() });
    await same.close();
  });

  it('takes a new key only when told the old one is lost, and keys live incidents again under it', async () => {
    await flagAndPurge();
    t.bot.clock.now = new Date('2026-11-18T12:00:00Z');
    await t.bot.run(member('ben'), 'flag', 'https://x.com/KeyedTroll/status/3 hate');
    const other = randomBytes(32).toString('hex');
    const replaced = await openDatabase({
      databaseUrl: t.db.url,
      dataDir: os.tmpdir(),
      pseudonymKey: other,
      replacePseudonymKey: true,
      log,
    });
    try {
      const live = await replaced.pool.query('SELECT target_key FROM incidents WHERE id = 2');
      expect(live.rows[0].target_key).toBe(pseudonymOf('test:local:ben', other));
    } finally {
      await replaced.close();
    }
    await expect(
      openDatabase({ databaseUrl: t.db.url, dataDir: os.tmpdir(), pseudonymKey: TEST_PSEUDONYM_KEY, log }),
    ).rejects.toThrow(/not the one this ledger was written with/);
  });

  it('keeps the embedded ledger’s key in a private file in the data directory, and refuses to start without it', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-key-'));
    await chmod(dataDir, 0o755); // as root the embedded server runs as `postgres`, which must enter it
    try {
      const first = await openDatabase({ databaseUrl: undefined, dataDir, pseudonymKey: undefined, log });
      await first.close();
      const file = path.join(dataDir, PSEUDONYM_KEY_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await readFile(file, 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
      const again = await openDatabase({ databaseUrl: undefined, dataDir, pseudonymKey: undefined, log });
      await again.close();
      await rm(file);
      await expect(
        openDatabase({ databaseUrl: undefined, dataDir, pseudonymKey: undefined, log }),
      ).rejects.toThrow(/not the one this ledger was written with/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('migration 0014 on a ledger purged under the unkeyed hash', () => {
  let db: TestDatabase;
  const oldPseudonym = (id: string) => `purged:${sha256(id).toString('hex')}`;
  beforeAll(async () => {
    db = await createLegacyDatabase(13, async (legacy) => {
      await legacy.pool.query(
        `INSERT INTO offenders (platform, handle, display) VALUES ('x', 'oldtroll', '@OldTroll')`,
      );
      await legacy.pool.query(
        `INSERT INTO incidents (canonical_url, platform, kind, offender_id, offender_named_by, category, severity,
                                target_id, first_reported_at, status, outcome, resolved_by, resolved_at, purged_at)
         VALUES ('https://x.com/i/status/1', 'x', 'post', 1, 'link', 'hate', 'high', $1, now(), 'resolved',
                 'removed', $2, now(), now()),
                ('https://x.com/i/status/2', 'x', 'post', 1, 'link', 'hate', 'high', 'slack:T:U1', now(), 'open',
                 NULL, NULL, NULL, NULL)`,
        [oldPseudonym('slack:T:U1'), oldPseudonym('slack:T:LEAD')],
      );
      await legacy.pool.query(
        `INSERT INTO incident_reports (incident_id, reporter_id, source_url, reported_at)
         VALUES (1, $1, 'purged', now()), (2, 'slack:T:U2', 'https://x.com/i/status/2', now())`,
        [oldPseudonym('slack:T:U2')],
      );
    });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('turns every old pseudonym into the keyed one of the same member, so counts still agree', async () => {
    const incidents = await db.pool.query(
      'SELECT target_id, target_key, resolved_by FROM incidents ORDER BY id',
    );
    expect(incidents.rows).toEqual([
      {
        target_id: pseudonymOf('slack:T:U1'),
        target_key: pseudonymOf('slack:T:U1'),
        resolved_by: pseudonymOf('slack:T:LEAD'),
      },
      { target_id: 'slack:T:U1', target_key: pseudonymOf('slack:T:U1'), resolved_by: null },
    ]);
    const reports = await db.pool.query('SELECT reporter_id FROM incident_reports ORDER BY incident_id');
    expect(reports.rows.map((row) => row.reporter_id)).toEqual([pseudonymOf('slack:T:U2'), 'slack:T:U2']);
    const distinct = await db.pool.query('SELECT count(DISTINCT target_key)::int AS n FROM incidents');
    expect(distinct.rows[0].n).toBe(1);
  });
});
