import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { countRows, createTestBot, LEDGER_TABLES, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();
const at = (iso: string) => {
  t.bot.clock.now = new Date(iso);
};
const correct = (actor: Actor, text: string) => t.bot.run(actor, 'correct', text);
let optionDeliveries = 0;
const correctWith = (actor: Actor, options: Record<string, unknown>): Promise<Reply> =>
  t.bot.handle({
    actor,
    delivery: { platform: 'test', id: `correct-${++optionDeliveries}` },
    request: { name: 'correct', input: { options } },
  });

async function audit() {
  const rows = await t.db.pool.query(
    `SELECT a.action, a.actor_id, a.reason, a.incident_id::int, n.handle AS offender, p.handle AS other
     FROM audit_log a LEFT JOIN offenders n ON n.id = a.offender_id LEFT JOIN offenders p ON p.id = a.other_offender_id
     ORDER BY a.id`,
  );
  return rows.rows;
}

async function attackerOf(id: number) {
  const row = await t.db.pool.query(
    `SELECT o.handle, i.offender_named_by FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
     WHERE i.id = $1`,
    [id],
  );
  return row.rows[0];
}

/** Every table's rows and every incident's attacker and target: what a refusal must leave as it was. */
async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of LEDGER_TABLES) counts[table] = await countRows(t.db, table);
  const incidents = await t.db.pool.query(
    'SELECT id, offender_id, offender_named_by, target_id, target_name, consent FROM incidents ORDER BY id',
  );
  return { counts, incidents: incidents.rows };
}

describe('correcting the record', () => {
  it('a lead names the attacker a link could not; the incident moves there and the account becomes frequent', async () => {
    at('2026-11-16T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate');
    await t.bot.run(member('ben'), 'flag', 'https://www.instagram.com/p/Other1/ hate by:@racistguy');
    await t.bot.run(member('cy'), 'flag', 'https://www.instagram.com/p/Other2/ hate by:@racistguy');
    expect(await attackerOf(1)).toEqual({ handle: null, offender_named_by: null });
    at('2026-11-18T12:00:00Z');

    const reply = await correct(lead('lee'), 'SW-1 by:@RacistGuy same name and photo as the comment');
    expect(reply.incidentId).toBe(1);
    expect(replyText(reply)).toBe(
      [
        'Corrected SW-1.',
        '',
        'Attacker: now @RacistGuy on Instagram (named by a member); it was unknown.',
        'Frequent-offender rule',
        '@RacistGuy on Instagram now meets the frequent-offender rule (3 incidents against 3 members in 90 days).',
        '',
        'Recorded in the audit log with your reason.',
      ].join('\n'),
    );
    expect(await attackerOf(1)).toEqual({ handle: 'racistguy', offender_named_by: 'member' });
    expect(await audit()).toEqual([
      {
        action: 'attribute',
        actor_id: 'test:local:lee',
        reason: 'same name and photo as the comment',
        incident_id: 1,
        offender: 'racistguy',
        other: null,
      },
    ]);
    const seen = replyText(await t.bot.run(member('dee'), 'offender', 'instagram:racistguy'));
    expect(seen).toContain('3 incidents against 3 members');
    expect(seen).toContain('Frequent offender: 3 incidents against 3 members within 90 days.');
    expect(seen).toMatch(/• SW-1 · 2026-11-16 · Hate \/ racist abuse · open · named by a member/);
    expect(seen).not.toContain('For leads');
    expect(replyText(await t.bot.run(lead('lee'), 'offender', 'instagram:racistguy'))).toContain(
      '2026-11-18 · SW-1 attributed here (it was unknown) · by test:local:lee · "same name and photo as the comment"',
    );
  });

  it('the member who first flagged it moves it off the wrong account, which drops off the frequent list', async () => {
    at('2026-11-16T12:00:00Z');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/1 hate');
    await t.bot.run(member('ben'), 'flag', 'https://x.com/SomeTroll/status/2 hate');
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/3 hate');
    await t.bot.run(member('ben'), 'flag', 'https://x.com/DrJaneDoe/status/4 hate');
    at('2026-11-18T12:00:00Z');

    const moved = replyText(
      await correct(member('ana'), 'SW-3 by:@OtherTroll it was a reply by another account'),
    );
    expect(moved).toContain(
      'Attacker: now @OtherTroll on X (Twitter) (named by a member); it was @SomeTroll on X (Twitter).',
    );
    expect(moved).toContain(
      '@SomeTroll on X (Twitter) no longer meets the frequent-offender rule (2 incidents against 2 members in 90 days; it takes 3 incidents against 2 members).',
    );
    expect(moved).toContain(
      "@OtherTroll on X (Twitter) doesn't meet the frequent-offender rule (1 incident against 1 member in 90 days; it takes 3 incidents against 2 members).",
    );
    expect(moved).not.toMatch(/\bana\b/);

    const unknown = replyText(
      await correct(member('ben'), 'SW-4 by:unknown the link is the doctor’s own post'),
    );
    expect(unknown).toContain('Attacker: now unknown; it was @DrJaneDoe on X (Twitter).');
    expect(unknown).toContain('@DrJaneDoe on X (Twitter) no longer has any incident.');
    expect(await attackerOf(4)).toEqual({ handle: null, offender_named_by: null });

    expect(replyText(await t.bot.run(member('cy'), 'offender', 'x:sometroll'))).toContain(
      'Not a frequent offender (that takes 3 incidents against 2 different members within 90 days)',
    );
    expect(replyText(await t.bot.run(member('cy'), 'offender', 'x:drjanedoe'))).toContain(
      'Known to the ledger, with no incidents left on record.',
    );
    const forLead = replyText(await t.bot.run(lead('lee'), 'offender', 'x:sometroll'));
    expect(forLead).toContain('SW-3 moved from here to @OtherTroll on X (Twitter) · by test:local:ana');
    expect(replyText(await t.bot.run(lead('lee'), 'offender', 'x:othertroll'))).toContain(
      'SW-3 moved here from @SomeTroll on X (Twitter) · by test:local:ana · "it was a reply by another account"',
    );
    expect(replyText(await t.bot.run(lead('lee'), 'offender', 'x:drjanedoe'))).toContain(
      'SW-4 moved from here to unknown',
    );
    expect(await audit()).toMatchObject([
      { action: 'attribute', incident_id: 3, offender: 'othertroll', other: 'sometroll' },
      { action: 'attribute', incident_id: 4, offender: null, other: 'drjanedoe' },
    ]);
  });

  it('changes who was attacked without writing them into the audit log or the reply', async () => {
    await t.bot.run(member('ben'), 'flag', 'https://x.com/SomeTroll/status/1 hate');
    const reply = await correctWith(lead('lee'), {
      incident: 'SW-1',
      target: { id: 'test:local:dee', name: 'dee' },
      reason: 'dee told us it was her post',
    });
    expect(replyText(reply)).toContain(
      'Who was attacked: changed. They will be asked privately what they want before colleagues act.',
    );
    expect(replyText(reply)).not.toMatch(/\bdee\b|\bben\b|test:local/);
    const row = await t.db.pool.query('SELECT target_id, target_name, consent FROM incidents');
    expect(row.rows[0]).toEqual({ target_id: 'test:local:dee', target_name: 'dee', consent: 'asked' });
    const entries = await t.db.pool.query('SELECT * FROM audit_log');
    expect(entries.rows).toHaveLength(1);
    expect(entries.rows[0]).toMatchObject({ action: 'retarget', reason: 'dee told us it was her post' });
    const { reason: _reason, ...columns } = entries.rows[0];
    expect(JSON.stringify(columns)).not.toMatch(/dee|ben/);
  });

  it('links the attacker with another account of the same person, for leads', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/1 hate');
    await t.bot.run(member('ben'), 'flag', 'https://www.instagram.com/sometroll/ hate');
    const reply = await correct(lead('lee'), 'SW-1 same-as:instagram:sometroll same photo and bio');
    expect(replyText(reply)).toContain(
      'Linked @SomeTroll on X (Twitter) with @sometroll on Instagram as one person.',
    );
    expect(await countRows(t.db, 'offender_links')).toBe(1);
    expect(await audit()).toMatchObject([
      { action: 'link', incident_id: 1, offender: 'sometroll', other: 'sometroll' },
    ]);
    expect(replyText(await t.bot.run(member('cy'), 'offender', 'instagram:sometroll'))).toContain(
      "A lead linked it to the same person's @SomeTroll on X (Twitter).",
    );
    const again = await correct(lead('lee'), 'SW-1 same-as:instagram:sometroll same photo and bio');
    expect(again.title).toBe('Nothing to change: SW-1 already says all that.');
    expect(await countRows(t.db, 'audit_log')).toBe(1);
  });

  it('refuses bad input and people who may not correct it, and writes nothing', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate');
    await t.bot.run(member('ben'), 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate');
    await t.bot.run(member('cy'), 'flag', 'https://x.com/SomeTroll/status/1 hate');
    const before = await snapshot();
    const refusals: [Actor, string, string][] = [
      [member('ben'), 'SW-1 by:@troll I saw it too', 'Only a lead, or the member who first flagged SW-1'],
      [member('dee'), 'SW-1 by:@troll I know who it is', 'Only a lead, or the member who first flagged SW-1'],
      [member('ana'), 'SW-1 same-as:x:sometroll same photo', 'Only leads can link two accounts'],
      [lead('lee'), 'SW-9 by:@troll a good reason', 'There is no incident SW-9 in the ledger.'],
      [lead('lee'), 'SW-x by:@troll a good reason', "That isn't an incident reference."],
      [
        lead('lee'),
        'SW-1 by:x:troll the same handle everywhere',
        "Attacker's account (by:): That's an account on X (Twitter), but this happened on Instagram.",
      ],
      [lead('lee'), 'SW-1 by:"Jo Bloggs" signed it', "Attacker's account (by:): That looks like a name"],
      [lead('lee'), 'SW-1 by:@troll ok', 'Every change needs a reason of a few words'],
      [lead('lee'), 'SW-1 it was someone else', 'Say what to correct'],
      [
        lead('lee'),
        'SW-1 by:unknown nothing is known',
        'Nothing to change: the attacker of SW-1 is already unknown.',
      ],
      [lead('lee'), 'SW-1 same-as:x:sometroll same photo', 'SW-1 names no attacker account to link'],
      [lead('lee'), 'SW-2 same-as:x:nobody same photo', 'No account called x:nobody is in the ledger.'],
      [lead('lee'), 'SW-2 same-as:x:SomeTroll same photo', "That is the attacker's account of SW-2 itself"],
      [lead('lee'), 'SW-2 by:@SOMETROLL a good reason', 'Nothing to change: SW-2 already names @SomeTroll'],
    ];
    for (const [actor, text, message] of refusals) {
      const reply = await correct(actor, text);
      expect(reply.tone, text).toBe('error');
      expect(reply.title, text).toContain(message);
    }
    const member_ = await correctWith(member('dee'), {
      incident: '1',
      target: { id: 'test:local:dee', name: 'dee' },
      reason: 'it was my post really',
    });
    expect(member_.title).toContain(
      'Only a lead, the member who first flagged SW-1, or the person attacked (once they have flagged it too)',
    );
    // ben flagged it too, but may only say it was him, not name another member or correct the attacker.
    for (const [target, text] of [
      [{ id: 'test:local:dee', name: 'dee' }, undefined],
      [{ id: 'test:local:ben', name: 'ben' }, 'SW-1 target:me by:@troll it was me, by troll'],
    ] as const) {
      const reply = text
        ? await correct(member('ben'), text)
        : await correctWith(member('ben'), { incident: 'SW-1', target, reason: 'it was her post' });
      expect(reply.title).toContain('Only a lead');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('changes nobody when who was attacked changed after the rule was judged', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/1 hate');
    const ledger = createPgLedger(t.db.pool);
    const stale = await ledger.correctIncident({
      incidentId: 1,
      delivery: { platform: 'test', id: 'stale-claim' },
      target: { id: 'test:local:ben', name: 'ben' },
      targetWas: 'test:local:cy',
      actorId: 'test:local:ben',
      reason: 'it was my post',
      at: new Date('2026-11-18T12:00:00Z'),
    });
    expect(stale).toEqual({ outcome: 'target-changed' });
    expect(await countRows(t.db, 'audit_log')).toBe(0);
  });

  it('a repeated delivery of a correction changes nothing twice', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate');
    const first = await t.bot.run(lead('lee'), 'correct', 'SW-1 by:@troll seen on the comment', 'retry-1');
    expect(first.title).toBe('Corrected SW-1.');
    const second = await t.bot.run(lead('lee'), 'correct', 'SW-1 by:@troll seen on the comment', 'retry-1');
    expect(second.title).toBe('That correction of SW-1 is recorded already.');
    expect(await countRows(t.db, 'audit_log')).toBe(1);
  });
});

describe('a correction when the ledger fails right after saving it', () => {
  it('says what changed, and not that nothing was done', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate');
    const real = createPgLedger(t.db.pool);
    let saved = false;
    // Reading the accounts again, after the correction committed, fails: the database went away.
    const bot = createTestBot(t.db, {
      ledger: {
        ...real,
        correctIncident: async (request) => {
          const outcome = await real.correctIncident(request);
          saved = true;
          return outcome;
        },
        findOffenders: async (query) => {
          if (saved) throw new Error('Connection terminated unexpectedly');
          return real.findOffenders(query);
        },
      },
    });
    const reply = await bot.handle({
      actor: lead('lee'),
      delivery: { platform: 'test', id: 'correct-while-the-ledger-fails' },
      request: { name: 'correct', input: { text: 'SW-1 by:@racistguy seen on the screenshot' } },
    });
    expect(reply.title).toBe('Corrected SW-1.');
    expect(replyText(reply)).toContain('Attacker: now @racistguy on Instagram (named by a member)');
  });
});
