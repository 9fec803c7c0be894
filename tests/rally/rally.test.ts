import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createTestBot, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { keepSentMessages } from '../support/sent-messages.ts';

const ledger = useFreshLedger();

/** The real core on the ledger, a clock the test moves, and a messenger that keeps what it was asked to send. */
function rallyWorld() {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  const bot = createTestBot(ledger.db, { now: () => clock.now });
  const { sent, run } = keepSentMessages(bot);
  return {
    bot,
    clock,
    sent,
    run,
    flag: (actor: Actor, text: string) => run(actor, 'flag', { text }),
    later: async (minutes: number) => {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
      await bot.rally.tick();
      await bot.rally.deliverPending();
    },
    deliver: () => bot.rally.deliverPending(),
    to: (kind: string) => sent.filter((s) => replyText(s.reply).includes(kind)).map((s) => s.to),
    alerted: () =>
      sent.filter((s) => s.reply.actions?.some((a) => a.id.startsWith('rally:on-it'))).map((s) => s.to),
  };
}

async function signUp(world: ReturnType<typeof rallyWorld>, names: string[]) {
  for (const name of names) await world.run(member(name), 'responder', { text: 'on' });
}

const TEN = ['r01', 'r02', 'r03', 'r04', 'r05', 'r06', 'r07', 'r08', 'r09', 'r10'];

describe('the rally engine', () => {
  let world: ReturnType<typeof rallyWorld>;
  beforeEach(() => {
    world = rallyWorld();
  });

  it('alerts the first wave of eight at once, never the person attacked, with what they want', async () => {
    await signUp(world, [...TEN, 'ana']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/1 harassment');
    await world.deliver();
    const alerted = world.alerted();
    expect(alerted).toHaveLength(8);
    expect(new Set(alerted).size).toBe(8);
    expect(alerted).not.toContain('test:local:ana');
    const alert = world.sent.find((s) => s.to === alerted[0]);
    const text = replyText(alert?.reply as Reply);
    expect(text).toContain('ana wants: Supportive replies and reports');
    expect(text).toContain('Never reply to, quote or tag the attacker');
    expect(alert?.reply.actions?.map((a) => a.label)).toEqual([
      "I'm on it",
      "Can't now",
      'I replied with support',
      'I reported it',
    ]);
  });

  it('sends the next wave after 30 minutes when fewer than three acted, and stops once three have', async () => {
    await signUp(world, [...TEN, 'r11', 'r12', 'r13', 'r14', 'r15', 'r16', 'r17', 'r18']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/2');
    await world.deliver();
    expect(world.alerted()).toHaveLength(8);
    await world.later(29);
    expect(world.alerted()).toHaveLength(8);
    await world.later(1);
    expect(world.alerted()).toHaveLength(16);
    const [a, b, c] = world.alerted();
    for (const who of [a, b, c]) {
      const actor = member(String(who).split(':')[2] ?? '');
      expect((await world.bot.press(actor, 'card:supported:1')).reply.tone).toBe('success');
    }
    await world.later(30);
    expect(world.alerted()).toHaveLength(16);
  });

  it('counts a flag nobody could be alerted for as the first wave: a responder who joins later gets the next', async () => {
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/9');
    await signUp(world, ['r01']);
    await world.later(29);
    expect(world.alerted()).toEqual([]);
    await world.later(1);
    expect(world.alerted()).toEqual(['test:local:r01']);
  });

  it('asks the person attacked first when a colleague flags it, and rallies only what they choose', async () => {
    await signUp(world, ['r01', 'r02', 'r03', 'ben', 'ana']);
    await world.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/3', target: { id: 'test:local:ana', name: 'ana' } },
    });
    await world.deliver();
    expect(world.alerted()).toEqual([]);
    const question = world.sent.find((s) => s.to === 'test:local:ana');
    expect(replyText(question?.reply as Reply)).toContain('A colleague flagged an attack on your post');
    expect(question?.reply.actions?.map((a) => a.id)).toContain('consent:replies:1');
    const card = await world.bot.incidents.card(1);
    expect(JSON.stringify(card)).toContain('ana is being asked privately what they want');

    const refused = await world.bot.press(member('ben'), 'consent:both:1');
    expect(refused.reply.title).toContain('Only the person whose post was attacked can choose');
    const chosen = await world.bot.press(member('ana'), 'consent:replies:1');
    expect(chosen.reply.title).toBe('Thank you. Colleagues are being asked for: Supportive replies.');
    await world.deliver();
    // Neither the person attacked nor the colleague who flagged it is alerted.
    expect(world.alerted().sort()).toEqual(['test:local:r01', 'test:local:r02', 'test:local:r03']);
    const alert = world.sent.find((s) => s.to === 'test:local:r01');
    expect(alert?.reply.actions?.map((a) => a.label)).not.toContain('I reported it');
  });

  it('keeps it documented only when the person attacked does not answer in two hours', async () => {
    await signUp(world, ['r01']);
    await world.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/4', target: { id: 'test:local:ana', name: 'ana' } },
    });
    await world.later(119);
    expect(world.alerted()).toEqual([]);
    await world.later(1);
    const card = JSON.stringify(await world.bot.incidents.card(1));
    expect(card).toContain("ana didn't answer in time, so this stays documented only");
    await world.later(60);
    expect(world.alerted()).toEqual([]);
  });

  it('respects daily caps, quiet hours in the responder’s zone, and a pause', async () => {
    await world.run(member('capped'), 'responder', { text: 'on' });
    await world.run(member('capped'), 'responder', { text: 'cap 1' });
    // 15:00 UTC is 23:00 in Singapore: inside 22:00-07:00 there.
    await world.run(member('sleeper'), 'responder', { text: 'on' });
    await world.run(member('sleeper'), 'responder', { text: 'quiet 22:00-07:00 Asia/Singapore' });
    await world.run(member('resting'), 'responder', { text: 'on' });
    await world.run(member('resting'), 'responder', { text: 'pause' });

    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/5');
    await world.deliver();
    expect(world.alerted()).toEqual(['test:local:capped']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/6');
    await world.deliver();
    expect(world.alerted()).toEqual(['test:local:capped']);

    await world.run(member('resting'), 'responder', { text: 'back' });
    // Eight hours on, Singapore's quiet hours are over; the second incident's next wave reaches both.
    await world.later(8 * 60);
    expect(world.alerted().sort()).toEqual([
      'test:local:capped',
      'test:local:resting',
      'test:local:resting',
      'test:local:sleeper',
      'test:local:sleeper',
    ]);
  });

  it('alerts the leads at once for a threat, even while the person attacked is still deciding', async () => {
    await world.run(member('ben'), 'flag', {
      options: {
        url: 'https://x.com/SomeTroll/status/7',
        category: 'threat',
        target: { id: 'test:local:ana', name: 'ana' },
      },
    });
    await world.deliver();
    const leadAlert = world.sent.find((s) => s.to === 'test:local:leads');
    expect(replyText(leadAlert?.reply as Reply)).toContain('Critical: SW-1, Violent threat on X (Twitter).');
    expect(replyText(leadAlert?.reply as Reply)).not.toContain('wording:');
  });

  it('closes the loop: the outcome to everyone who acted, and a check-in to the person attacked', async () => {
    await signUp(world, ['r01', 'r02', 'r03']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/8');
    await world.deliver();
    await world.bot.press(member('r01'), 'rally:on-it:1');
    await world.bot.press(member('r02'), 'card:reported:1');
    await world.bot.press(member('r03'), 'rally:cant:1');
    await world.bot.incidents.resolve(lead('lee'), 1, 'removed');
    await world.deliver();
    expect(world.to('SW-1 is resolved: Post removed.').sort()).toEqual([
      'test:local:ana',
      'test:local:r01',
      'test:local:r02',
    ]);
    const checkIn = world.sent.find((s) => s.to === 'test:local:ana' && s.reply.title.includes('resolved'));
    expect(replyText(checkIn?.reply as Reply)).toContain('How are you doing?');
    expect(replyText(checkIn?.reply as Reply)).toContain('the PHP');
  });

  it('records what the digest reports: time to first support, supporters and reports', async () => {
    await signUp(world, ['r01', 'r02', 'r03']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/12');
    await world.deliver();
    await world.later(12);
    await world.bot.press(member('r01'), 'card:supported:1');
    await world.later(8);
    await world.bot.press(member('r02'), 'card:supported:1');
    await world.bot.press(member('r03'), 'card:reported:1');
    const digest = replyText(await world.run(lead('lee'), 'digest', { text: '' }));
    expect(digest).toContain(
      '1 of 1 incidents had supportive replies; 2 replies with support and 1 reports filed.',
    );
    expect(digest).toContain('Median time to the first supportive reply: 12 minutes.');
  });

  it('explains wrong responder settings kindly and changes nothing', async () => {
    await signUp(world, ['r01']);
    const wrong: [string, string][] = [
      ['quiet 25:00-07:00', 'Give quiet hours like /responder quiet 22:00-07:00'],
      ['quiet 22:00-07:00 Mars/Olympus', 'That time zone is not one I know'],
      ['quiet 22:00-22:00', 'Quiet hours need a start and an end that differ.'],
      ['cap 0', 'a number from 1 to 50'],
      ['cap lots', 'a number from 1 to 50'],
      ['snooze', 'Say /responder on|off'],
    ];
    for (const [text, message] of wrong) {
      const reply = await world.run(member('r01'), 'responder', { text });
      expect(reply.tone, text).toBe('error');
      expect(reply.title, text).toContain(message);
    }
    const status = await world.run(member('r01'), 'responder', { text: '' });
    expect(status.title).toBe('You are a responder on every platform, at most 5 alerts a day.');
  });

  it('answers on-it and can-not-now once, and only to those who were alerted', async () => {
    await signUp(world, ['r01']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/9');
    await world.deliver();
    expect((await world.bot.press(member('r01'), 'rally:on-it:1')).cardChanged).toBe(true);
    expect((await world.bot.press(member('r01'), 'rally:on-it:1')).reply.title).toContain(
      'You already answered',
    );
    expect((await world.bot.press(member('zed'), 'rally:on-it:1')).reply.title).toContain(
      "wasn't sent to you",
    );
    expect((await world.bot.press(member('zed'), 'rally:explode:1')).reply.title).toContain(
      "isn't one I know",
    );
    expect(JSON.stringify(await world.bot.incidents.card(1))).toContain('1 alerted · 1 on it');
  });
});

describe('when who was attacked is corrected', () => {
  let world: ReturnType<typeof rallyWorld>;
  beforeEach(() => {
    world = rallyWorld();
  });
  const ana = { id: 'test:local:ana', name: 'ana' };
  const cy = { id: 'test:local:cy', name: 'cy' };
  const retarget = (actor: Actor, target: { id: string; name: string }) =>
    world.run(actor, 'correct', {
      options: { incident: 'SW-1', target, reason: 'it was their post, not hers' },
    });
  const QUESTION = 'A colleague flagged an attack on your post';

  it('asks the new person attacked, rallies only once they choose, and asks again on the way back', async () => {
    await signUp(world, ['r01', 'r02', 'ana', 'cy']);
    await world.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/20', target: ana },
    });
    await world.deliver();
    expect(world.to(QUESTION)).toEqual(['test:local:ana']);

    expect((await retarget(lead('lee'), cy)).title).toBe('Corrected SW-1.');
    await world.deliver();
    expect(world.to(QUESTION)).toEqual(['test:local:ana', 'test:local:cy']);
    expect(JSON.stringify(await world.bot.incidents.card(1))).toContain(
      'cy is being asked privately what they want',
    );
    const stale = await world.bot.press(member('ana'), 'consent:both:1');
    expect(stale.reply.title).toContain('Only the person whose post was attacked can choose');
    expect(world.alerted()).toEqual([]);

    expect((await world.bot.press(member('cy'), 'consent:both:1')).reply.tone).toBe('success');
    await world.deliver();
    // Colleagues are chosen around the new person attacked: ana is one of them now, cy never.
    expect(world.alerted().sort()).toEqual(['test:local:ana', 'test:local:r01', 'test:local:r02']);

    await retarget(lead('lee'), ana);
    await world.deliver();
    expect(world.to(QUESTION)).toEqual(['test:local:ana', 'test:local:cy', 'test:local:ana']);
  });

  it('takes the flag of the member made the person attacked as their choice, and rallies at once', async () => {
    await signUp(world, ['r01', 'r02']);
    await world.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/21', target: ana },
    });
    // ben flagged it for ana by mistake: it was his own post. His correction reaches the rally at once.
    const reply = await retarget(member('ben'), { id: 'test:local:ben', name: 'ben' });
    expect(replyText(reply)).toContain('They flagged it themselves, so colleagues may act as they asked.');
    await world.deliver();
    expect(world.to(QUESTION)).toEqual([]);
    expect(world.alerted().sort()).toEqual(['test:local:r01', 'test:local:r02']);
  });

  it('drops a question still waiting to go out to the member who turned out not to be the one attacked', async () => {
    await world.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/23', target: ana },
    });
    await retarget(lead('lee'), cy);
    await world.deliver();
    expect(world.to(QUESTION)).toEqual(['test:local:cy']);
  });

  it('drops an alert still waiting to go out once the new person attacked has to be asked', async () => {
    await signUp(world, ['r01']);
    await world.flag(member('ana'), 'https://x.com/SomeTroll/status/22');
    await retarget(lead('lee'), cy);
    await world.deliver();
    expect(world.alerted()).toEqual([]);
    expect(world.to(QUESTION)).toEqual(['test:local:cy']);
  });
});

describe("when a member named themselves the target of a colleague's attack", () => {
  let world: ReturnType<typeof rallyWorld>;
  beforeEach(() => {
    world = rallyWorld();
  });
  const POST = 'https://x.com/SomeTroll/status/30';
  const QUESTION = 'A colleague flagged an attack on your post';
  const targetOf = async () =>
    (
      await ledger.db.pool.query(
        'SELECT target_id, target_wants, consent, status, outcome FROM incidents WHERE id = 1',
      )
    ).rows[0];

  it('the one really attacked is told how to claim it, claims it, and the wrong one loses every choice', async () => {
    await signUp(world, ['r01', 'r02']);
    // ana flags ben's attack as an attack on herself, asks for it to be documented only, and resolves it.
    await world.run(member('ana'), 'flag', { options: { url: POST, wants: 'document' } });
    expect((await world.bot.incidents.resolve(member('ana'), 1, 'no-action')).reply.tone).toBe('success');
    await world.deliver();

    const flagged = replyText(await world.flag(member('ben'), POST));
    expect(flagged).toContain(
      'SW-1 was recorded as an attack on another member. If it was an attack on you, make it yours: ' +
        '/correct SW-1 target:me <why, in a few words>.',
    );
    const claimed = await world.run(member('ben'), 'correct', { text: 'SW-1 target:me it was my post' });
    expect(claimed.title).toBe('Corrected SW-1.');
    expect(replyText(claimed)).toContain(
      'The member named before had resolved it: it is open again, until the person attacked decides.',
    );
    expect(replyText(claimed)).toContain(
      'What the member named before had asked colleagues for no longer applies.',
    );
    expect(replyText(claimed)).not.toMatch(/\bana\b/);
    expect(await targetOf()).toEqual({
      target_id: 'test:local:ben',
      target_wants: 'both',
      consent: 'asked',
      status: 'open',
      outcome: null,
    });
    const audit = await ledger.db.pool.query('SELECT action, actor_id, reason FROM audit_log');
    expect(audit.rows).toEqual([
      { action: 'retarget', actor_id: 'test:local:ben', reason: 'it was my post' },
    ]);
    await world.deliver();
    expect(world.to(QUESTION)).toEqual(['test:local:ben']);

    // ana can no longer choose, resolve, or take it back; ben decides.
    expect((await world.bot.press(member('ana'), 'consent:document:1')).reply.title).toContain(
      'Only the person whose post was attacked can choose',
    );
    expect((await world.bot.incidents.resolve(member('ana'), 1, 'no-action')).reply.title).toContain(
      'Only the person whose post was attacked, or a lead, can resolve SW-1.',
    );
    for (const text of ['SW-1 target:me it was mine after all', 'SW-1 target:me no really']) {
      const back = await world.run(member('ana'), 'correct', { text });
      expect(back.title).toContain('has confirmed it was them, so only a lead can change it now');
    }
    const picked = await world.run(member('ana'), 'correct', {
      options: { incident: 'SW-1', target: { id: 'test:local:cy', name: 'cy' }, reason: 'it was cy' },
    });
    expect(picked.title).toContain('only a lead can change it now');
    expect((await targetOf()).target_id).toBe('test:local:ben');
    expect((await world.bot.press(member('ben'), 'consent:both:1')).reply.tone).toBe('success');
    await world.deliver();
    expect(world.alerted().sort()).toEqual(['test:local:r01', 'test:local:r02']);

    // A lead still may.
    const byLead = await world.run(lead('lee'), 'correct', {
      options: {
        incident: 'SW-1',
        target: { id: 'test:local:ana', name: 'ana' },
        reason: 'checked with both',
      },
    });
    expect(byLead.title).toBe('Corrected SW-1.');
  });

  it("only a member who flagged it may claim it, and a lead's resolution stands", async () => {
    await world.run(member('ana'), 'flag', { options: { url: POST } });
    await world.bot.incidents.resolve(lead('lee'), 1, 'removed');
    const stranger = await world.run(member('cy'), 'correct', { text: 'SW-1 target:me it was me' });
    expect(stranger.title).toContain(
      'Only a lead, the member who first flagged SW-1, or the person attacked',
    );
    await world.flag(member('cy'), POST);
    const claimed = await world.run(member('cy'), 'correct', { text: 'SW-1 target:me it was me' });
    expect(claimed.title).toBe('Corrected SW-1.');
    expect(replyText(claimed)).not.toContain('open again');
    expect(await targetOf()).toMatchObject({
      target_id: 'test:local:cy',
      status: 'resolved',
      outcome: 'removed',
    });
  });
});

describe('the rally across restarts and processes', () => {
  it('a restart in the middle of a wave sends every queued alert once, and never runs the wave again', async () => {
    const first = rallyWorld();
    await signUp(first, TEN);
    await first.flag(member('ana'), 'https://x.com/SomeTroll/status/10');
    // The process stops before delivering anything; a new one starts on the same ledger.
    const second = rallyWorld();
    await second.bot.rally.tick();
    expect(await second.deliver()).toBe(8);
    expect(await second.deliver()).toBe(0);
    expect(new Set(second.alerted()).size).toBe(8);
    expect(first.sent).toEqual([]);
  });

  it('two processes ticking and delivering at once alert each responder once', async () => {
    const one = rallyWorld();
    const two = rallyWorld();
    await signUp(one, TEN);
    await one.run(member('ana'), 'flag', { text: 'https://x.com/SomeTroll/status/11' });
    await Promise.all([
      one.bot.rally.tick(),
      two.bot.rally.tick(),
      one.bot.rally.tick(),
      two.bot.rally.tick(),
    ]);
    await Promise.all([one.deliver(), two.deliver()]);
    const everyone = [...one.alerted(), ...two.alerted()];
    expect(everyone).toHaveLength(8);
    expect(new Set(everyone).size).toBe(8);
  });
});
