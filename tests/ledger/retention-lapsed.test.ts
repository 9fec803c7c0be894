import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { runRetention } from '../../src/ledger/retention.ts';
import { member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import type { TestDatabase } from '../support/test-database.ts';

const t = useFreshLedger();
const POLICY = { resolvedDays: 365, idleDays: 365 };

describe('retention of incidents nobody resolves', () => {
  it('closes an open incident with no activity for RETENTION_IDLE_DAYS as lapsed, and purges it', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(
      member('ana'),
      'flag',
      'https://x.com/Idle/status/1 hate wants:document I know where you work',
    );
    await t.bot.run(member('ben'), 'flag', 'https://x.com/Idle/status/2 hate still going on');
    // A colleague's co-report in June is activity: that incident stays open, its wording kept.
    t.bot.clock.now = new Date('2026-06-01T12:00:00Z');
    await t.bot.run(member('cy'), 'flag', 'https://x.com/Idle/status/2 hate seen again');

    const now = new Date('2026-11-18T12:00:00Z');
    expect(await runRetention(t.db.pool, POLICY, now)).toEqual({ closed: 1, purged: 1 });
    expect(await runRetention(t.db.pool, POLICY, now)).toEqual({ closed: 0, purged: 0 });

    const rows = await t.db.pool.query(
      `SELECT id::int, status, outcome, resolved_at, purged_at, target_id, target_name FROM incidents ORDER BY id`,
    );
    expect(rows.rows[0]).toMatchObject({
      status: 'resolved',
      outcome: 'lapsed',
      resolved_at: now,
      purged_at: now,
    });
    expect(rows.rows[0]?.target_id).toMatch(/^pseudonym:/);
    expect(rows.rows[0]?.target_name).toBeNull();
    expect(rows.rows[1]).toMatchObject({
      status: 'open',
      outcome: null,
      purged_at: null,
      target_name: 'ben',
    });
    const notes = await t.db.pool.query(
      'SELECT incident_id::int, note FROM incident_reports ORDER BY incident_id',
    );
    expect(notes.rows.filter((row) => row.incident_id === 1)).toEqual([{ incident_id: 1, note: null }]);
    expect(notes.rows.filter((row) => row.incident_id === 2).map((row) => row.note)).toEqual(
      expect.arrayContaining(['still going on', 'seen again']),
    );
    // The offender's record still counts both incidents, against two members.
    expect(replyText(await t.bot.run(member('dee'), 'offender', 'x:idle'))).toContain(
      '2 incidents against 2 members',
    );
  });

  it('closes lapsed incidents even without RETENTION_DAYS, and RETENTION_IDLE_DAYS defaults to it', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/Idle/status/3 hate');
    const now = new Date('2025-03-01T12:00:00Z');
    expect(await runRetention(t.db.pool, { resolvedDays: undefined, idleDays: 30 }, now)).toEqual({
      closed: 1,
      purged: 1,
    });
    expect(loadConfig({ RETENTION_DAYS: '365' }).retentionIdleDays).toBe(365);
    expect(loadConfig({ RETENTION_DAYS: '365', RETENTION_IDLE_DAYS: '90' }).retentionIdleDays).toBe(90);
    expect(loadConfig({}).retentionIdleDays).toBeUndefined();
    expect(() => loadConfig({ RETENTION_IDLE_DAYS: 'soon' })).toThrow(
      /RETENTION_IDLE_DAYS must be a whole number/,
    );
  });
});

/** Every page of a table and of its TOAST, as the server keeps them on disk. */
async function filesOf(db: TestDatabase, table: string): Promise<Buffer> {
  await db.pool.query('CHECKPOINT');
  const relations = await db.pool.query(
    `SELECT pg_relation_filepath(c.oid) AS main, pg_relation_filepath(c.reltoastrelid) AS toast
     FROM pg_class c WHERE c.relname = $1`,
    [table],
  );
  const { main, toast } = relations.rows[0];
  const read = async (file: string) =>
    (await db.pool.query('SELECT pg_read_binary_file($1) AS bytes', [file])).rows[0].bytes as Buffer;
  return Buffer.concat([await read(main), await read(toast)]);
}

describe('a purged screenshot leaves the disk', () => {
  it('rewrites the screenshots’ table after a purge, so the deleted bytes are not in its files any more', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/Shot/status/1 hate');
    // Random bytes don't compress: the screenshot is kept as it is, in the table's TOAST.
    const screenshot = randomBytes(64 * 1024);
    await t.db.pool.query(
      `INSERT INTO incident_files (incident_id, reporter_id, platform, file_id, name, mimetype, size_bytes, content,
                                   sha256)
       VALUES (1, 'test:local:ana', 'test', 'F1', 'shot.png', 'image/png', $1, $2, encode(sha256($2), 'hex'))`,
      [screenshot.length, screenshot],
    );
    const marker = screenshot.subarray(1000, 1064);
    expect((await filesOf(t.db, 'incident_files')).includes(marker)).toBe(true);

    expect(await runRetention(t.db.pool, POLICY, new Date('2026-11-18T12:00:00Z'))).toMatchObject({
      purged: 1,
    });
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM incident_files')).rows[0].n).toBe(0);
    expect((await filesOf(t.db, 'incident_files')).includes(marker)).toBe(false);
  });

  it('purges the pages captured in a browser with the incident, from the table and from the disk', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/Shot/status/2 hate');
    const png = randomBytes(64 * 1024);
    const html = randomBytes(64 * 1024);
    await t.db.pool.query(
      `INSERT INTO page_captures (incident_id, page, url, state, requested_at, captured_at, final_url, http_status,
                                  screenshot, screenshot_sha256, html, html_sha256, archive_url)
       VALUES (1, 'post', 'https://x.com/i/status/2', 'captured', now(), now(), 'https://x.com/Shot/status/2', 200,
               $1, encode(sha256($1), 'hex'), $2, encode(sha256($2), 'hex'), 'https://web.archive.org/web/1/x')`,
      [png, html],
    );
    const markers = [png.subarray(1000, 1064), html.subarray(1000, 1064)];
    const onDisk = await filesOf(t.db, 'page_captures');
    expect(markers.map((marker) => onDisk.includes(marker))).toEqual([true, true]);

    expect(await runRetention(t.db.pool, POLICY, new Date('2026-11-18T12:00:00Z'))).toMatchObject({
      purged: 1,
    });
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM page_captures')).rows[0].n).toBe(0);
    const after = await filesOf(t.db, 'page_captures');
    expect(markers.map((marker) => after.includes(marker))).toEqual([false, false]);
  });
});
