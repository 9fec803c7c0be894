import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import { digestWeeks } from '../../src/core/digest/digest-weeks.ts';
import type { CollectiveSettings } from '../../src/core/settings.ts';
import { weekContaining } from '../../src/core/time.ts';
import { registerCollectives } from '../../src/ledger/collectives.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { foldOffenderSignals, sharedCounts } from '../../src/ledger/shared-signals.ts';
import { createHarness, type Harness, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();

const settingsOf = (collectiveId: string, countShared = false): CollectiveSettings => ({
  ...testSettings,
  collectiveId,
  collectiveName: collectiveId,
  frequentRule: { ...testSettings.frequentRule, countShared },
});
const person = (collective: string, name: string, isLead = false): Actor => ({
  id: `test:${collective}:${name}`,
  name: `${name} of ${collective}`,
  isLead,
});

let ontario: Harness;
let alberta: Harness;
const at = (iso: string) => {
  for (const bot of [ontario, alberta]) bot.clock.now = new Date(iso);
};

beforeEach(async () => {
  await t.db.pool.query(`INSERT INTO collectives (id) VALUES ('ontario'), ('alberta')`);
  ontario = createHarness(t.db, { settings: settingsOf('ontario') });
  alberta = createHarness(t.db, { settings: settingsOf('alberta') });
  at('2026-11-20T12:00:00Z');
});

async function incidentIds(collective: string): Promise<number[]> {
  const { rows } = await t.db.pool.query('SELECT id FROM incidents WHERE collective_id = $1 ORDER BY id', [
    collective,
  ]);
  return rows.map((row) => Number(row.id));
}

describe('collectives on one ledger', () => {
  it('records the same post flagged in two collectives as two incidents, one each', async () => {
    await ontario.run(
      person('ontario', 'ana'),
      'flag',
      'https://x.com/SomeTroll/status/1 threat you will pay',
    );
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
    expect(await incidentIds('ontario')).toHaveLength(1);
    expect(await incidentIds('alberta')).toHaveLength(1);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM offenders');
    expect(rows[0].n).toBe(1);
  });

  it("never reads or changes another collective's incident by its number", async () => {
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/SomeTroll/status/7 hate');
    const [theirs] = await incidentIds('alberta');
    if (theirs === undefined) throw new Error('no incident');
    const ours = createPgLedger(t.db.pool, 'ontario');
    expect(await ours.getIncident(theirs)).toBeUndefined();
    expect(await ours.listNotes(theirs)).toEqual([]);
    const at = new Date('2026-11-20T13:00:00Z');
    expect(await ours.recordAction(theirs, 'test:ontario:ana', 'supported', at)).toBe('missing');
    expect(await ours.resolveIncident(theirs, 'removed', 'test:ontario:lee', at)).toBe('missing');
    const correction = await ours.correctIncident({
      incidentId: theirs,
      delivery: { platform: 'test', id: 'correct-1' },
      attacker: null,
      actorId: 'test:ontario:lee',
      reason: 'not theirs to change',
      at,
    });
    expect(correction.outcome).toBe('missing');
    const { rows } = await t.db.pool.query(
      'SELECT status, offender_id IS NOT NULL AS named FROM incidents WHERE id = $1',
      [theirs],
    );
    expect(rows[0]).toEqual({ status: 'open', named: true });
    expect(await t.db.pool.query('SELECT 1 FROM incident_actions')).toHaveProperty('rowCount', 0);
    const reply = replyText(await ontario.run(person('ontario', 'ana'), 'offender', 'x:sometroll'));
    expect(reply).not.toContain(`SW-${theirs}`);
  });

  it("shows a collective's own incidents in full and the others' as counts only", async () => {
    await ontario.run(person('ontario', 'ana'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
    at('2026-11-28T12:00:00Z');
    await alberta.run(
      person('alberta', 'bo'),
      'flag',
      'https://x.com/SomeTroll/status/2 hate target:@bo_md wording only alberta may read',
    );
    at('2026-11-30T12:00:00Z');
    await alberta.run(person('alberta', 'cy'), 'flag', 'https://x.com/SomeTroll/status/3 doxxing');
    const [theirFirst, theirSecond] = await incidentIds('alberta');
    const seen = replyText(await ontario.run(person('ontario', 'ana', true), 'offender', 'x:sometroll'));
    expect(seen).toContain('1 incident against 1 member');
    expect(seen).toContain(
      'Also reported by 1 other collective (2 incidents, last 2026-11-30). A signal shared between associations',
    );
    for (const secret of [
      'bo of alberta',
      'cy of alberta',
      'wording only',
      'bo_md',
      'alberta',
      `SW-${theirFirst}`,
      `SW-${theirSecond}`,
    ])
      expect(seen).not.toContain(secret);
  });

  it('keeps a review, a link and their reasons within the collective that made them', async () => {
    await ontario.run(person('ontario', 'ana'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/SomeTroll/status/2 threat');
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://www.instagram.com/sometroll/ hate');
    await alberta.run(person('alberta', 'lee', true), 'review', 'x:sometroll dispute alberta has doubts');
    await alberta.run(
      person('alberta', 'lee', true),
      'review',
      'x:sometroll link instagram:sometroll same person',
    );
    const seen = replyText(await ontario.run(person('ontario', 'lee', true), 'offender', 'x:sometroll'));
    expect(seen).not.toContain('Disputed');
    expect(seen).not.toContain('alberta has doubts');
    expect(seen).not.toContain('same person');
    expect(seen).not.toContain('linked it');
    const theirs = replyText(await alberta.run(person('alberta', 'lee', true), 'offender', 'x:sometroll'));
    expect(theirs).toContain('Disputed by a lead');
    expect(theirs).toContain('Also reported by 1 other collective (1 incident, last 2026-11-20)');
  });

  it('shows nothing across a collective that opted out, in either direction', async () => {
    await t.db.pool.query(`UPDATE collectives SET shares_signals = false WHERE id = 'alberta'`);
    await ontario.run(person('ontario', 'ana'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/SomeTroll/status/2 threat');
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/OnlyAlberta/status/3 threat');
    const ours = replyText(await ontario.run(person('ontario', 'ana'), 'offender', 'x:sometroll'));
    const theirs = replyText(await alberta.run(person('alberta', 'bo'), 'offender', 'x:sometroll'));
    expect(ours).toContain('1 incident against 1 member');
    expect(theirs).toContain('1 incident against 1 member');
    expect(ours).not.toContain('Also reported');
    expect(theirs).not.toContain('Also reported');
    // An account only the opted-out collective met is not even known to the other.
    const unknown = await ontario.run(person('ontario', 'ana'), 'offender', 'x:onlyalberta');
    expect(replyText(unknown)).toContain('No incidents are recorded for that account.');
  });

  it('counts shared signals towards the frequent rule only where the collective asks, beside one of its own', async () => {
    const counting = createHarness(t.db, { settings: settingsOf('ontario', true) });
    counting.clock.now = new Date('2026-11-20T12:00:00Z');
    await ontario.run(person('ontario', 'ana'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/SomeTroll/status/2 threat');
    await alberta.run(person('alberta', 'cy'), 'flag', 'https://x.com/SomeTroll/status/3 threat');
    const plain = replyText(await ontario.run(person('ontario', 'ana'), 'offender', 'x:sometroll'));
    expect(plain).toContain('Not a frequent offender');
    const counted = replyText(await counting.run(person('ontario', 'ana'), 'offender', 'x:sometroll'));
    expect(counted).toContain('Frequent offender: 3 incidents against 3 members within 90 days.');
    expect(counted).toContain(
      '2 of those incidents were reported by other collectives; only ours are listed below.',
    );
    // Alberta counts only its own: two incidents, the rule wants three.
    const theirs = replyText(await alberta.run(person('alberta', 'bo'), 'offender', 'x:sometroll'));
    expect(theirs).toContain('Not a frequent offender');
    // An account only others met is never frequent here, however many they recorded.
    for (const n of [4, 5, 6])
      await alberta.run(person('alberta', `m${n}`), 'flag', `https://x.com/ElsewhereOnly/status/${n} hate`);
    const elsewhere = replyText(await counting.run(person('ontario', 'ana'), 'offender', 'x:elsewhereonly'));
    expect(elsewhere).toContain('No incident of this account in our own ledger.');
    expect(elsewhere).not.toContain('Frequent offender');
  });

  it("lists a frequent offender's shared signal in the digest, and counts only the collective's own week", async () => {
    for (const [i, name] of ['ana', 'ben', 'cat'].entries())
      await ontario.run(person('ontario', name), 'flag', `https://x.com/SomeTroll/status/${i + 1} threat`);
    for (const [i, name] of ['bo', 'cy'].entries())
      await alberta.run(person('alberta', name), 'flag', `https://x.com/SomeTroll/status/${i + 10} hate`);
    await alberta.run(person('alberta', 'dee'), 'flag', 'https://x.com/OtherTroll/status/20 hate');
    const weeks = digestWeeks(weekContaining(new Date('2026-11-20T12:00:00Z'), 'UTC'), 'UTC');
    const ours = await createPgLedger(t.db.pool, 'ontario').weeklyDigest(weeks, testSettings.frequentRule);
    expect(ours.total.count).toBe(3);
    expect(ours.frequentOffenders.map((o) => [o.account.handle, o.incidents, o.elsewhere])).toEqual([
      ['sometroll', 3, { collectives: 1, incidents: 2 }],
    ]);
    const theirs = await createPgLedger(t.db.pool, 'alberta').weeklyDigest(weeks, testSettings.frequentRule);
    expect(theirs.total.count).toBe(3);
    expect(theirs.frequentOffenders).toEqual([]);
  });

  it('keeps the shared signal as counts that a fold brings up to date, and reads them the same before and after', async () => {
    for (const n of [1, 2, 3])
      await alberta.run(person('alberta', `m${n}`), 'flag', `https://x.com/SharedTroll/status/${n} hate`);
    const [first] = await incidentIds('alberta');
    const { rows } = await t.db.pool.query("SELECT id FROM offenders WHERE handle = 'sharedtroll'");
    const troll = Number(rows[0].id);
    const seenFromOntario = async () => (await sharedCounts(t.db.pool, 'ontario', [troll])).get(troll);
    const stored = async () =>
      (
        await t.db.pool.query(
          'SELECT collective_id, incidents, last_at FROM offender_signals WHERE offender_id = $1',
          [troll],
        )
      ).rows;
    // Before the fold, counted afresh from the incidents.
    expect(await seenFromOntario()).toEqual({ collectives: 1, incidents: 3 });
    expect(await stored()).toEqual([]);
    expect(await foldOffenderSignals(t.db.pool)).toBe(1);
    expect(await stored()).toEqual([
      { collective_id: 'alberta', incidents: 3, last_at: new Date('2026-11-20T12:00:00Z') },
    ]);
    expect(await seenFromOntario()).toEqual({ collectives: 1, incidents: 3 });
    // A correction moves an incident to another account: counted at once, stored at the next fold.
    await alberta.run(person('alberta', 'lee', true), 'correct', `SW-${first} by:x:OtherTroll a mix-up`);
    expect(await seenFromOntario()).toEqual({ collectives: 1, incidents: 2 });
    await foldOffenderSignals(t.db.pool);
    expect(await stored()).toEqual([
      { collective_id: 'alberta', incidents: 2, last_at: new Date('2026-11-20T12:00:00Z') },
    ]);
    expect(await t.db.pool.query('SELECT 1 FROM offender_signal_changes')).toHaveProperty('rowCount', 0);
    // Nothing reaches a collective that does not share, folded or not.
    await t.db.pool.query(`UPDATE collectives SET shares_signals = false WHERE id = 'ontario'`);
    expect(await seenFromOntario()).toBeUndefined();
  });

  it("finds a flagged post by its own index even when record_flag()'s plan is made on an empty ledger", async () => {
    // record_flag() plans each statement once per connection (force_generic_plan), often before any incident:
    // a plan through the collective's time index would then read its whole history on every flag.
    const client = await t.db.pool.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      await client.query(
        'PREPARE find_post(text, text) AS SELECT id FROM incidents WHERE collective_id = $1 AND canonical_url = $2',
      );
      const plan = await client.query("EXPLAIN EXECUTE find_post('ontario', 'https://x.com/a/status/1')");
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(
        'incidents_canonical_url_unique',
      );
    } finally {
      await client.query('DEALLOCATE find_post').catch(() => undefined);
      await client.query('RESET plan_cache_mode').catch(() => undefined);
      client.release();
    }
  });

  it('shares nothing of a collective the deployment serves no more', async () => {
    await alberta.run(person('alberta', 'bo'), 'flag', 'https://x.com/SharedTroll/status/1 hate');
    await ontario.run(person('ontario', 'ana'), 'flag', 'https://x.com/SharedTroll/status/2 hate');
    const seen = async () =>
      replyText(await ontario.run(person('ontario', 'ana'), 'offender', 'x:SharedTroll'));
    expect(await seen()).toContain('Also reported by 1 other collective');
    // Alberta is gone from the file: the next start registers Ontario alone.
    await registerCollectives(t.db.pool, [{ id: 'ontario', sharesSignals: true }]);
    expect(await seen()).not.toContain('Also reported');
    const { rows } = await t.db.pool.query('SELECT id, shares_signals FROM collectives ORDER BY id');
    expect(rows).toEqual([
      { id: 'alberta', shares_signals: false },
      { id: 'default', shares_signals: false },
      { id: 'ontario', shares_signals: true },
    ]);
  });
});
