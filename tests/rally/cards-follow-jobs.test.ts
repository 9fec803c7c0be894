import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { CardChannel } from '../../src/core/incident/card-sync.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply } from '../../src/core/reply.ts';
import { purgeResolvedBefore } from '../../src/ledger/purge-resolved.ts';
import {
  capturingLogger,
  createTestBot,
  EVERYONE_IS_A_MEMBER,
  lead,
  member,
  serveCommand,
} from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const ledger = useFreshLedger();

function cardText(card: IncidentCard): string {
  return [card.title, ...card.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
}

/**
 * The real core with one incident channel that keeps every post and update it was asked for, and a clock the
 * test moves. Requests redraw the card as an adapter would (the keeper after each); jobs must do it themselves.
 */
function cardWorld(options: { failUpdates?: boolean } = {}) {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  const logs = capturingLogger('error');
  const bot = createTestBot(ledger.db, { now: () => clock.now, log: logs.log });
  const posts: IncidentCard[] = [];
  const updates: { messageId: string; card: IncidentCard }[] = [];
  const channel: CardChannel = {
    destination: 'test:local:incidents',
    post: async (card) => {
      posts.push(card);
      return `m${posts.length}`;
    },
    update: async (messageId, card) => {
      if (options.failUpdates) throw new Error('the platform is down');
      updates.push({ messageId, card });
    },
    privacy: async () => ({ private: true }),
  };
  bot.attach('test', {
    cards: channel,
    directMessages: async () => undefined,
    fileDelivery: false,
    membership: EVERYONE_IS_A_MEMBER,
  });
  const run = async (
    actor: Actor,
    name: string,
    input: { text: string } | { options: Record<string, unknown> },
  ) => {
    await serveCommand(bot, actor, name, input);
  };
  return {
    bot,
    clock,
    posts,
    updates,
    logs,
    run,
    later: async (minutes: number) => {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
      await bot.rally.tick();
    },
    lastCard: () => cardText(updates.at(-1)?.card ?? (posts.at(-1) as IncidentCard)),
  };
}

/** The real core with private messages that say where they landed, and can be redrawn (or fail to be). */
function messageWorld() {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  const logs = capturingLogger('error');
  const bot = createTestBot(ledger.db, { now: () => clock.now, log: logs.log });
  const sent: { to: string; landed: string; reply: Reply }[] = [];
  const redrawn: { landed: string; reply: Reply }[] = [];
  const fail = { next: 0 };
  bot.attach('test', {
    directMessages: async (to, reply) => {
      const landed = `dm${sent.length + 1}`;
      sent.push({ to, landed, reply });
      return landed;
    },
    redrawPrivateMessage: async (landed, reply) => {
      if (fail.next > 0) {
        fail.next -= 1;
        throw new Error('the platform is down');
      }
      redrawn.push({ landed, reply });
    },
    leadChannel: { alerts: () => ['test:local:leads'], digests: () => [] },
    fileDelivery: false,
    membership: EVERYONE_IS_A_MEMBER,
  });
  return { bot, clock, sent, redrawn, fail, logs };
}

describe('cards changed by jobs', () => {
  let world: ReturnType<typeof cardWorld>;
  beforeEach(() => {
    world = cardWorld();
  });

  it('a second wave redraws the card with the new number alerted', async () => {
    for (const name of ['r01', 'r02', 'r03', 'r04', 'r05', 'r06', 'r07', 'r08', 'r09', 'r10'])
      await world.run(member(name), 'responder', { text: 'on' });
    await world.run(member('ana'), 'flag', { text: 'https://x.com/SomeTroll/status/1 harassment' });
    expect(world.posts).toHaveLength(1);
    expect(world.lastCard()).toContain('8 alerted');

    await world.later(30);
    expect(world.posts).toHaveLength(1);
    expect(world.updates.map((u) => u.messageId)).toEqual(['m1']);
    expect(world.lastCard()).toContain('10 alerted');
  });

  it('a consent question that expires redraws the card as documented only', async () => {
    await world.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/2', target: { id: 'test:local:ana', name: 'ana' } },
    });
    expect(world.lastCard()).toContain('Waiting for ana');

    await world.later(119);
    expect(world.updates).toEqual([]);
    await world.later(1);
    expect(world.posts).toHaveLength(1);
    expect(world.lastCard()).toContain('Documented only');
    expect(world.lastCard()).not.toContain('Waiting for');
  });

  it('a retention purge redraws the card without names or links, once, and forgets where it was', async () => {
    await world.run(member('ben'), 'flag', {
      options: {
        url: 'https://x.com/SomeTroll/status/3',
        target: { id: 'test:local:ana', name: 'ana' },
        target_post: 'https://x.com/ana/status/99',
      },
    });
    await world.bot.incidents.resolve(lead('lee'), 1, 'removed');
    expect(world.lastCard()).toContain('ana');
    expect(world.lastCard()).toContain('ben');

    world.clock.now = new Date('2027-12-01T00:00:00Z');
    expect(await purgeResolvedBefore(ledger.db.pool, new Date('2027-11-01T00:00:00Z'), world.clock.now)).toBe(
      1,
    );
    expect(await world.bot.redrawPurgedCards()).toBe(1);

    const card = world.updates.at(-1)?.card as IncidentCard;
    expect(world.updates.at(-1)?.messageId).toBe('m1');
    expect(cardText(card)).toContain(
      "The details of SW-1 were removed under Test collective's retention policy",
    );
    expect(cardText(card)).toContain('Outcome: Post removed.');
    expect(JSON.stringify(card)).not.toMatch(/ana|ben|lee|https?:|SomeTroll/);
    expect(card.buttons).toEqual([]);
    const cards = await ledger.db.pool.query('SELECT count(*)::int AS n FROM incident_cards');
    expect(cards.rows[0].n).toBe(0);
    const updates = world.updates.length;
    expect(await world.bot.redrawPurgedCards()).toBe(0);
    expect(world.updates).toHaveLength(updates);
  });

  it('a retention purge redraws the rally’s private messages about the incident too, and forgets where they were', async () => {
    const { bot, clock, sent, redrawn, fail } = messageWorld();
    await serveCommand(bot, member('ben'), 'flag', {
      options: {
        url: 'https://x.com/SomeTroll/status/4',
        category: 'threat',
        target: { id: 'test:local:ana', name: 'ana' },
      },
    });
    await bot.idle();
    await bot.rally.deliverPending();
    // The question to ana, and the leads' alert (a threat is critical).
    expect(sent.map((message) => message.to).sort()).toEqual(['test:local:ana', 'test:local:leads']);
    expect(JSON.stringify(sent)).toMatch(/sometroll/i);
    await bot.incidents.resolve(lead('lee'), 1, 'removed');

    clock.now = new Date('2027-12-01T00:00:00Z');
    await purgeResolvedBefore(ledger.db.pool, new Date('2027-11-01T00:00:00Z'), clock.now);
    const kept = await ledger.db.pool.query('SELECT platform, message_ref FROM purged_messages ORDER BY id');
    // Where each landed, and on which platform: nothing says whose, or about what.
    expect(kept.rows.map((row) => `${row.platform} ${row.message_ref}`).sort()).toEqual(
      sent.map((message) => `test ${message.landed}`).sort(),
    );
    fail.next = 1;
    await bot.redrawPurgedCards();
    await bot.redrawPurgedCards();

    expect(redrawn.map((message) => message.landed).sort()).toEqual(
      sent.map((message) => message.landed).sort(),
    );
    for (const message of redrawn) {
      expect(message.reply.title).toBe(
        "This message was about an incident whose details were removed under Test collective's retention policy.",
      );
      expect(JSON.stringify(message.reply)).not.toMatch(/ana|ben|lee|https?:|SomeTroll|SW-/);
    }
    expect((await ledger.db.pool.query('SELECT count(*)::int AS n FROM purged_messages')).rows[0].n).toBe(0);
    await bot.redrawPurgedCards();
    expect(redrawn).toHaveLength(sent.length);
  });

  it('a private message that cannot be redrawn is tried three times, then given up', async () => {
    const { bot, clock, sent, redrawn, fail, logs } = messageWorld();
    await serveCommand(bot, member('ana'), 'flag', { text: 'https://x.com/SomeTroll/status/5 threat' });
    await bot.idle();
    await bot.rally.deliverPending();
    expect(sent).toHaveLength(1);
    await bot.incidents.resolve(lead('lee'), 1, 'removed');
    clock.now = new Date('2027-12-01T00:00:00Z');
    await purgeResolvedBefore(ledger.db.pool, new Date('2027-11-01T00:00:00Z'), clock.now);
    fail.next = 3;
    for (let run = 0; run < 3; run += 1) {
      expect((await ledger.db.pool.query('SELECT count(*)::int AS n FROM purged_messages')).rows[0].n).toBe(
        1,
      );
      await bot.redrawPurgedCards();
    }
    expect((await ledger.db.pool.query('SELECT count(*)::int AS n FROM purged_messages')).rows[0].n).toBe(0);
    expect(redrawn).toEqual([]);
    expect(logs.written()).toContain('a private message of a purged incident could not be redrawn');
  });

  it('a card that cannot be redrawn after a tick is logged, and the tick still completes', async () => {
    const failing = cardWorld({ failUpdates: true });
    await failing.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/4', target: { id: 'test:local:ana', name: 'ana' } },
    });
    await failing.later(120);
    const card = await failing.bot.incidents.card(1);
    expect(cardText(card as IncidentCard)).toContain('Documented only');
    expect(failing.logs.written()).toContain('incident card could not be posted or redrawn');
  });
});
