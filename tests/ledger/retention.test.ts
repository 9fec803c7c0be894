import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { PURGED_REASON, purgeResolvedBefore } from '../../src/ledger/purge-resolved.ts';
import { createTestBot, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();

describe('retention', () => {
  it('purges the personal data of incidents resolved long ago, and keeps offenders and their counts', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/OldTroll/status/1 threat I know where you live');
    await t.bot.run(member('ben'), 'flag', 'https://x.com/OldTroll/status/2 hate you people');
    await t.bot.run(member('cy'), 'flag', 'https://x.com/OldTroll/status/3 hate still open');
    const resolver = createTestBot(t.db, { now: () => new Date('2025-01-20T12:00:00Z') });
    await resolver.incidents.resolve(lead('lee'), 1, 'removed');
    await resolver.incidents.resolve(lead('lee'), 2, 'suspended');
    const before = replyText(await t.bot.run(member('dee'), 'offender', 'x:oldtroll'));

    const purged = await purgeResolvedBefore(
      t.db.pool,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(purged).toBe(2);
    expect(await purgeResolvedBefore(t.db.pool, new Date('2026-01-01T00:00:00Z'), new Date())).toBe(0);

    const reports = await t.db.pool.query(
      'SELECT incident_id, reporter_id, reporter_name, note, source_url FROM incident_reports ORDER BY incident_id',
    );
    for (const row of reports.rows.slice(0, 2)) {
      expect(row.note).toBeNull();
      expect(row.reporter_name).toBeNull();
      expect(row.source_url).toBe('purged');
      expect(row.reporter_id).toMatch(/^pseudonym:[0-9a-f]{64}$/);
    }
    expect(reports.rows[2]?.note).toBe('still open');
    const incidents = await t.db.pool.query(
      'SELECT id, target_id, target_name, outcome, category FROM incidents ORDER BY id',
    );
    expect(incidents.rows[0]).toMatchObject({ target_name: null, outcome: 'removed', category: 'threat' });
    expect(incidents.rows[0]?.target_id).toMatch(/^pseudonym:[0-9a-f]{64}$/);
    expect(incidents.rows[2]).toMatchObject({ target_id: 'test:local:cy', target_name: 'cy' });
    // The offender's record reads the same: three incidents against three different members.
    expect(replyText(await t.bot.run(member('dee'), 'offender', 'x:oldtroll'))).toBe(before);
    const wording = await resolver.incidents.wording(lead('lee'), 1);
    expect(wording.title).toBe('No wording was given for SW-1 yet.');
    expect(replyText(wording)).not.toContain('ana');
  });

  it('still counts a member once when one of their incidents was purged and a newer one was not', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/Returner/status/1 hate');
    const resolver = createTestBot(t.db, { now: () => new Date('2025-01-20T12:00:00Z') });
    await resolver.incidents.resolve(lead('lee'), 1, 'removed');
    await purgeResolvedBefore(t.db.pool, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    t.bot.clock.now = new Date('2026-11-18T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/Returner/status/2 hate');
    expect(replyText(await t.bot.run(member('ben'), 'offender', 'x:returner'))).toContain(
      '2 incidents against 1 member',
    );
  });

  it('keeps corrections of a purged incident and old reviews in the audit log, without who made them or why', async () => {
    t.bot.clock.now = new Date('2025-01-10T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://www.instagram.com/p/OldComment/ hate');
    await t.bot.run(lead('lee'), 'correct', 'SW-1 by:@oldtroll ana recognised him from the clinic');
    await t.bot.run(lead('lee'), 'review', 'instagram:oldtroll confirm seen on three posts');
    const resolver = createTestBot(t.db, { now: () => new Date('2025-01-20T12:00:00Z') });
    await resolver.incidents.resolve(lead('lee'), 1, 'removed');
    // A review newer than the retention limit keeps who made it and why.
    t.bot.clock.now = new Date('2026-03-01T12:00:00Z');
    await t.bot.run(lead('lee'), 'review', 'instagram:oldtroll dispute may be a parody account');
    await purgeResolvedBefore(t.db.pool, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    const audit = await t.db.pool.query(
      'SELECT action, actor_id, reason, incident_id::int FROM audit_log ORDER BY id',
    );
    expect(audit.rows).toEqual([
      {
        action: 'attribute',
        actor_id: expect.stringMatching(/^pseudonym:[0-9a-f]{64}$/),
        reason: PURGED_REASON,
        incident_id: 1,
      },
      {
        action: 'confirm',
        actor_id: expect.stringMatching(/^pseudonym:[0-9a-f]{64}$/),
        reason: PURGED_REASON,
        incident_id: null,
      },
      { action: 'dispute', actor_id: 'test:local:lee', reason: 'may be a parody account', incident_id: null },
    ]);
    expect(replyText(await t.bot.run(lead('lee'), 'offender', 'instagram:oldtroll'))).toContain(
      'SW-1 attributed here (it was unknown) · by a member (name removed under the retention policy)',
    );
  });

  it('reads RETENTION_DAYS as whole days, and refuses anything else', () => {
    expect(loadConfig({ RETENTION_DAYS: '365' }).retentionDays).toBe(365);
    expect(loadConfig({}).retentionDays).toBeUndefined();
    expect(() => loadConfig({ RETENTION_DAYS: 'a year' })).toThrow(
      /RETENTION_DAYS must be a whole number of days/,
    );
  });
});
