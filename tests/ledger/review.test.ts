import { beforeEach, describe, expect, it } from 'vitest';
import { countRows, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();
const at = (iso: string) => {
  t.bot.clock.now = new Date(iso);
};

/** Three incidents against two members in one week: a frequent offender. */
beforeEach(async () => {
  at('2026-11-16T12:00:00Z');
  await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/1 threat');
  await t.bot.run(member('ben'), 'flag', 'https://x.com/SomeTroll/status/2 hate');
  await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/3 hate');
  await t.bot.run(member('ben'), 'flag', 'https://www.instagram.com/sometroll/ hate');
  at('2026-11-18T12:00:00Z');
});

describe('ledger review by leads', () => {
  it('reviews a person known by name, given in quotes as /offender shows it to leads', async () => {
    await t.bot.run(member('ana'), 'flag', 'phone by:"Jo Bloggs" called my clinic');
    const record = replyText(await t.bot.run(lead('lee'), 'offender', 'Jo Bloggs'));
    expect(record).toContain('Review: /review "offline:jo bloggs" confirm|dispute|clear <reason>');
    const reply = await t.bot.run(
      lead('lee'),
      'review',
      '"offline:jo bloggs" dispute two callers share the name',
    );
    expect(reply.title).toBe('Marked Jo Bloggs as disputed: members will see to treat it with care.');
  });

  it('confirms an entry with a reason, kept in the audit log with who and when', async () => {
    const reply = await t.bot.run(
      lead('lee'),
      'review',
      'x:sometroll confirm threats checked against screenshots',
    );
    expect(reply.title).toBe('Confirmed @SomeTroll on X (Twitter) as a frequent-offender entry.');
    const audit = await t.db.pool.query('SELECT actor_id, action, reason, at FROM audit_log');
    expect(audit.rows).toEqual([
      {
        actor_id: 'test:local:lee',
        action: 'confirm',
        reason: 'threats checked against screenshots',
        at: new Date('2026-11-18T12:00:00Z'),
      },
    ]);
    const seen = replyText(await t.bot.run(member('ben'), 'offender', 'x:sometroll'));
    expect(seen).toContain('Confirmed by a lead on 2026-11-18.');
    expect(seen).not.toContain('For leads');
    expect(seen).not.toContain('threats checked');
    const forLead = replyText(await t.bot.run(lead('lee'), 'offender', 'x:sometroll'));
    expect(forLead).toContain(
      '2026-11-18 · confirm · by test:local:lee · "threats checked against screenshots"',
    );
  });

  it('clears an entry off the frequent list until the account attacks again', async () => {
    await t.bot.run(lead('lee'), 'review', 'x:sometroll clear these were one misunderstanding');
    expect(replyText(await t.bot.run(member('ben'), 'offender', 'x:sometroll'))).toContain(
      'Not listed as a frequent offender: a lead cleared it after its latest incident.',
    );
    expect(replyText(await t.bot.run(lead('lee'), 'digest', '2026-W47'))).not.toContain('@SomeTroll on X');
    at('2026-11-19T12:00:00Z');
    await t.bot.run(member('cy'), 'flag', 'https://x.com/SomeTroll/status/4 threat');
    expect(replyText(await t.bot.run(member('ben'), 'offender', 'x:sometroll'))).toContain(
      'Frequent offender: 4 incidents against 3 members',
    );
  });

  it('links two accounts of one person, shown on both', async () => {
    const reply = await t.bot.run(
      lead('lee'),
      'review',
      'x:sometroll link instagram:sometroll same photo and bio',
    );
    expect(reply.title).toBe('Linked @SomeTroll on X (Twitter) with @sometroll on Instagram as one person.');
    expect(replyText(await t.bot.run(member('ana'), 'offender', 'instagram:sometroll'))).toContain(
      "A lead linked it to the same person's @SomeTroll on X (Twitter).",
    );
    const audit = await t.db.pool.query(
      'SELECT action, other_offender_id IS NOT NULL AS has_other FROM audit_log',
    );
    expect(audit.rows).toEqual([{ action: 'link', has_other: true }]);
  });

  it('refuses members, missing reasons, unknown or ambiguous accounts, and changes nothing', async () => {
    const refusals: [ReturnType<typeof member>, string, string][] = [
      [member('ana'), 'x:sometroll confirm because', 'Only association leads can use /review.'],
      [lead('lee'), 'x:sometroll confirm', 'Every change needs a reason'],
      [lead('lee'), 'x:sometroll clear ok', 'a reason of a few words'],
      [lead('lee'), 'x:nobody confirm seen it many times', 'No account called x:nobody is in the ledger.'],
      [
        lead('lee'),
        'sometroll dispute not sure it is them',
        'Several accounts match sometroll; say which: instagram:sometroll, x:sometroll.',
      ],
      [lead('lee'), 'x:sometroll link because they said so', 'No account called because is in the ledger.'],
      [lead('lee'), 'x:sometroll link x:SomeTroll same account really', 'Those are the same account'],
      [lead('lee'), 'x:sometroll ban them forever please', 'Say confirm, dispute, clear or link.'],
    ];
    for (const [actor, text, message] of refusals) {
      const reply = await t.bot.run(actor, 'review', text);
      expect(reply.tone, text).toBe('error');
      expect(reply.title, text).toContain(message);
    }
    expect(await countRows(t.db, 'incidents')).toBe(4);
    const audit = await t.db.pool.query('SELECT count(*)::int AS n FROM audit_log');
    expect(audit.rows[0].n).toBe(0);
    const reviewed = await t.db.pool.query('SELECT count(*)::int AS n FROM offender_reviews');
    expect(reviewed.rows[0].n).toBe(0);
  });
});
