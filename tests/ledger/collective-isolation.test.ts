import { beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/core/chat-adapter.ts';
import type { Actor } from '../../src/core/command.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { ServeRequest } from '../../src/core/serve/serve-request.ts';
import { createTestBot, EVERYONE_IS_A_MEMBER, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const ledger = useFreshLedger();

/** Everything one collective's people were shown: replies, cards, private messages, packs. */
interface Collective {
  id: string;
  bot: Bot;
  said: string[];
  serve(actor: Actor, request: ServeRequest): Promise<void>;
  run(actor: Actor, name: string, text?: string): Promise<void>;
  person(name: string, isLead?: boolean): Actor;
}

function cardText(card: IncidentCard): string {
  return [card.title, ...card.sections.flatMap((s) => [s.heading ?? '', ...s.lines]), card.summary].join(
    '\n',
  );
}

function fullText(reply: Reply): string {
  const file = reply.file ? new TextDecoder().decode(reply.file.data) : '';
  return [replyText(reply), ...(reply.actions ?? []).map((a) => `${a.id} ${a.label}`), file].join('\n');
}

function collective(id: string, clock: { now: Date }): Collective {
  const settings = { ...testSettings, collectiveId: id, collectiveName: `the ${id} collective` };
  const bot = createTestBot(ledger.db, { now: () => clock.now, settings });
  const said: string[] = [];
  bot.attach('test', {
    cards: {
      destination: `test:${id}:incidents`,
      post: async (card) => {
        said.push(cardText(card));
        return `card${said.length}`;
      },
      update: async (_ref, card) => void said.push(cardText(card)),
      privacy: async () => ({ private: true }),
    },
    directMessages: async (to, reply) => {
      // A message for someone of the other collective would be a leak, whatever it says.
      if (!to.startsWith(`test:${id}:`)) said.push(`SENT OUTSIDE THE COLLECTIVE to ${to}`);
      said.push(fullText(reply));
      return `dm${said.length}`;
    },
    leadChannel: { alerts: () => [`test:${id}:leads`], digests: () => [`test:${id}:leads`] },
    fileDelivery: true,
    membership: EVERYONE_IS_A_MEMBER,
  });
  let served = 0;
  const serve = async (actor: Actor, request: ServeRequest) => {
    await bot.serve(request, {
      delivery: { platform: 'test', id: `${id}-${++served}` },
      acknowledge: async () => undefined,
      actor: async () => actor,
      answer: async (reply) => void said.push(fullText(reply)),
    });
    await bot.idle();
  };
  return {
    id,
    bot,
    said,
    serve,
    run: (actor, name, text = '') => serve(actor, { kind: 'command', name, input: { text } }),
    person: (name, isLead = false) => ({ id: `test:${id}:${name}`, name: `${name}-${id}`, isLead }),
  };
}

/** A week of one collective: every command, card button, alert button, form answer and the home view. */
async function liveAWeek(c: Collective, secret: string, own: number[]): Promise<void> {
  const [ana, bob, carol, lee] = [c.person('ana'), c.person('bob'), c.person('carol'), c.person('lee', true)];
  await c.run(bob, 'responder', 'on');
  await c.run(carol, 'responder', 'on');
  await c.run(
    ana,
    'flag',
    `https://x.com/SharedTroll/status/1 threat ${secret} target-post:https://x.com/${c.id}doc/status/5`,
  );
  await c.run(carol, 'flag', `https://x.com/SharedTroll/status/1 ${secret}`);
  await c.run(ana, 'flag', `https://x.com/SharedTroll/status/2 hate ${secret}`);
  await c.run(bob, 'flag', `phone complaint by:x:SharedTroll ${secret}`);
  const [first = 0, second = 0] = own;
  await c.bot.rally.tick();
  await c.bot.rally.deliverPending();
  await c.serve(bob, { kind: 'press', actionId: `rally:on-it:${first}` });
  for (const action of ['supported', 'reported', 'wording'] as const)
    await c.serve(bob, { kind: 'card', action, incidentId: first });
  await c.serve(ana, { kind: 'home' });
  await c.run(ana, 'offender', 'x:SharedTroll');
  await c.run(lee, 'offender', 'x:SharedTroll');
  await c.run(lee, 'correct', `SW-${second} by:x:SharedTroll ${secret} correction`);
  await c.run(lee, 'review', `x:SharedTroll confirm ${secret} review`);
  await c.run(lee, 'digest');
  for (const format of ['json', 'csv']) await c.run(lee, 'export', `SW-${first} ${format} reveal`);
  await c.run(lee, 'export', `x:SharedTroll json reveal`);
  await c.run(lee, 'help');
  await c.run(ana, 'language', 'fr');
  await c.serve(lee, { kind: 'resolve', incidentId: second, outcome: 'removed' });
}

async function incidentsOf(collectiveId: string): Promise<number[]> {
  const { rows } = await ledger.db.pool.query(
    'SELECT id FROM incidents WHERE collective_id = $1 ORDER BY id',
    [collectiveId],
  );
  return rows.map((row) => Number(row.id));
}

describe('two collectives on one ledger', () => {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  let ontario: Collective;
  let alberta: Collective;
  beforeEach(async () => {
    await ledger.db.pool.query(`INSERT INTO collectives (id) VALUES ('ontario'), ('alberta')`);
    ontario = collective('ontario', clock);
    alberta = collective('alberta', clock);
  });

  it('never shows one collective anything of the other but counts, through every command and button', async () => {
    // Ontario first, so that its incidents are SW-1 to SW-3 and Alberta's come after.
    await liveAWeek(ontario, 'ontario-secret-wording', [1, 3]);
    await liveAWeek(alberta, 'alberta-secret-wording', await incidentsOf('alberta'));
    // Now that both have recorded it, each looks the shared account up again.
    await ontario.run(ontario.person('bob'), 'offender', 'x:SharedTroll');
    await alberta.run(alberta.person('bob'), 'offender', 'x:SharedTroll');
    const [ours, theirs] = [await incidentsOf('ontario'), await incidentsOf('alberta')];
    expect(ours).toHaveLength(3);
    expect(theirs).toHaveLength(3);
    for (const [c, other, otherIds] of [
      [ontario, alberta, theirs],
      [alberta, ontario, ours],
    ] as const) {
      const everything = c.said.join('\n=====\n');
      expect(c.said.length).toBeGreaterThan(20);
      expect(everything).not.toContain('SENT OUTSIDE THE COLLECTIVE');
      for (const leak of [
        `${other.id}-secret`,
        `-${other.id}`, // the other collective's members' names
        `test:${other.id}:`, // their member ids
        `${other.id}doc`, // the target's own post
        `the ${other.id} collective`,
      ])
        expect(everything, `${c.id} saw "${leak}"`).not.toContain(leak);
      for (const id of otherIds)
        expect(everything, `${c.id} saw SW-${id}`).not.toMatch(new RegExp(`SW-${id}\\b`));
      // What does cross: the shared account's counts.
      expect(everything).toContain('Also reported by 1 other collective (3 incidents');
    }
  });

  it("refuses every command and button aimed at the other collective's incidents, and changes nothing", async () => {
    await liveAWeek(alberta, 'alberta-secret-wording', [1, 3]);
    const [theirFirst = 0, theirSecond = 0] = await incidentsOf('alberta');
    const before = await ledger.db.pool.query(
      `SELECT i.*, (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id) AS actions,
              (SELECT count(*) FROM rally_messages m WHERE m.incident_id = i.id) AS messages
       FROM incidents i ORDER BY id`,
    );
    const [ana, lee] = [ontario.person('ana'), ontario.person('lee', true)];
    for (const action of ['supported', 'reported', 'wording', 'resolve'] as const)
      await ontario.serve(ana, { kind: 'card', action, incidentId: theirFirst });
    await ontario.serve(ana, { kind: 'press', actionId: `rally:on-it:${theirFirst}` });
    await ontario.serve(lee, { kind: 'resolve', incidentId: theirSecond, outcome: 'removed' });
    await ontario.run(lee, 'correct', `SW-${theirFirst} by:x:SomeoneElse not ours`);
    await ontario.run(lee, 'export', `SW-${theirFirst} json reveal`);
    await ontario.run(lee, 'review', 'x:SharedTroll clear not ours to clear');
    const after = await ledger.db.pool.query(
      `SELECT i.*, (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id) AS actions,
              (SELECT count(*) FROM rally_messages m WHERE m.incident_id = i.id) AS messages
       FROM incidents i ORDER BY id`,
    );
    expect(after.rows).toEqual(before.rows);
    const everything = ontario.said.join('\n=====\n');
    for (const leak of ['alberta-secret', 'test:alberta:', '-alberta', 'albertadoc', 'SharedTroll/status'])
      expect(everything, `ontario saw "${leak}"`).not.toContain(leak);
    // Only the refusals may say the number the lead typed back to them.
    const refusal = /^(I can't find|That alert for|There is no incident) SW-\d+/;
    const told = everything
      .split('\n')
      .filter((line) => !refusal.test(line))
      .join('\n');
    for (const id of [theirFirst, theirSecond])
      expect(told, `ontario saw SW-${id}`).not.toMatch(new RegExp(`SW-${id}\\b`));
    // A lead may judge an account they know of only by its counts: for their own collective alone.
    const reviews = await ledger.db.pool.query(
      'SELECT collective_id, review FROM offender_reviews ORDER BY collective_id',
    );
    expect(reviews.rows).toEqual([
      { collective_id: 'alberta', review: 'confirmed' },
      { collective_id: 'ontario', review: 'cleared' },
    ]);
    await alberta.run(alberta.person('bob'), 'offender', 'x:SharedTroll');
    expect(alberta.said.at(-1)).toContain('Confirmed by a lead');
    expect(alberta.said.join('\n')).not.toContain('not ours to clear');
  });
});
