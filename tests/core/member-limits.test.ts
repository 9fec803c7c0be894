import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/core/chat-adapter.ts';
import type { Actor } from '../../src/core/command.ts';
import {
  createFlagLimiter,
  DEFAULT_MEMBER_LIMITS,
  type MemberLimitsPolicy,
} from '../../src/core/limits/member-limits.ts';
import type { Reply } from '../../src/core/reply.ts';
import {
  countRows,
  createTestBot,
  EVERYONE_IS_A_MEMBER,
  LEDGER_TABLES,
  member,
  replyText,
} from '../support/core-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  await db.pool.query(
    'TRUNCATE incidents, incident_reports, offenders, deliveries, responders, rally_messages RESTART IDENTITY CASCADE',
  );
});

const ana = member('ana');
const ben = member('ben');
const post = (n: number) => `https://x.com/SomeTroll/status/${1000 + n}`;

function botWith(limits: Partial<MemberLimitsPolicy>): Bot {
  return createTestBot(db, { flagLimiter: createFlagLimiter({ ...DEFAULT_MEMBER_LIMITS, ...limits }) });
}

const flag = (bot: Bot, actor: Actor, delivery: string, options: Record<string, unknown>): Promise<Reply> =>
  bot.handle({
    actor,
    delivery: { platform: 'test', id: delivery },
    request: { name: 'flag', input: { options } },
  });

async function ledgerRows(): Promise<number[]> {
  return Promise.all(LEDGER_TABLES.map((table) => countRows(db, table)));
}

describe('per-member limits on flags', () => {
  it('a member who flags too often in a short time is told kindly, and nothing is recorded', async () => {
    const bot = botWith({ flagsBurst: { points: 2, minutes: 10 } });
    await flag(bot, ana, 'd1', { url: post(1) });
    await flag(bot, ana, 'd2', { url: post(2) });
    const before = await ledgerRows();

    const limited = await flag(bot, ana, 'd3', { url: post(3) });

    const text = replyText(limited);
    expect(limited.tone).toBe('warning');
    expect(text).toContain('a lot of flags in a short time');
    expect(text).toContain('This flag was not recorded');
    expect(text).toMatch(/flag it again after \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(text).toContain('call 911 first, and contact your leads directly');
    expect(await ledgerRows()).toEqual(before);
    // Another member is not held back by ana's limit.
    expect(replyText(await flag(bot, ben, 'd4', { url: post(3) }))).toContain('SW-3');
  });

  it('a retry or double click of the same flag counts once and still gets its answer', async () => {
    const bot = botWith({ flagsBurst: { points: 2, minutes: 10 } });
    const first = replyText(await flag(bot, ana, 'd1', { url: post(1) }));
    const [retry, doubleClick] = await Promise.all([
      flag(bot, ana, 'd1', { url: post(1) }),
      flag(bot, ana, 'd1', { url: post(1) }),
    ]);
    expect(first).toContain('SW-1');
    expect(replyText(retry)).toContain('Already recorded as SW-1');
    expect(replyText(doubleClick)).toContain('Already recorded as SW-1');

    // The retries counted for nothing: one more flag fits, then the limit.
    expect(replyText(await flag(bot, ana, 'd2', { url: post(2) }))).toContain('SW-2');
    expect(replyText(await flag(bot, ana, 'd3', { url: post(3) }))).toContain('not recorded');
    // A retry of a recorded flag after the limit is reached is answered as always, never refused.
    expect(replyText(await flag(bot, ana, 'd2', { url: post(2) }))).toContain('Already recorded as SW-2');
  });

  it('a retry that reaches another process is answered as always, even where the member is limited', async () => {
    const first = botWith({ flagsBurst: { points: 1, minutes: 10 } });
    const second = botWith({ flagsBurst: { points: 1, minutes: 10 } });
    await flag(first, ana, 'd1', { url: post(1) });
    await flag(second, ana, 'd2', { url: post(2) });

    expect(replyText(await flag(second, ana, 'd1', { url: post(1) }))).toContain('Already recorded as SW-1');
    expect(replyText(await flag(second, ana, 'd3', { url: post(3) }))).toContain('not recorded');
  });

  it('one colleague is not asked again and again about flags naming them', async () => {
    const bot = botWith({ questionsToOneColleague: { points: 2, minutes: 24 * 60 } });
    const forAna = { id: ana.id, name: 'ana' };
    await flag(bot, member('ben'), 'd1', { url: post(1), target: forAna });
    await flag(bot, member('cy'), 'd2', { url: post(2), target: forAna });
    // Joining an incident already asked about asks nobody again, so it does not count.
    await flag(bot, member('dee'), 'd3', { url: post(2), target: forAna });
    const before = await ledgerRows();

    const limited = replyText(await flag(bot, member('eve'), 'd4', { url: post(3), target: forAna }));

    expect(limited).toContain('ana has already been asked about several flags lately');
    expect(limited).toContain('This flag was not recorded');
    expect(await ledgerRows()).toEqual(before);
    // Ana's own flags never ask her anything, and are not held back.
    expect(replyText(await flag(bot, ana, 'd5', { url: post(3) }))).toContain('SW-3');
  });

  it('a member cannot page the leads again and again, yet an urgent flag is always recorded', async () => {
    const bot = botWith({ leadAlerts: { points: 1, minutes: 60 } });
    bot.attach('test', {
      leadChannel: { alerts: () => ['test:local:leads'], digests: () => [] },
      fileDelivery: false,
      membership: EVERYONE_IS_A_MEMBER,
    });
    const leadPages = async () =>
      (
        await db.pool.query(
          "SELECT incident_id::int FROM rally_messages WHERE kind = 'lead-alert' ORDER BY id",
        )
      ).rows.map((row) => row.incident_id);
    expect(replyText(await flag(bot, ana, 'd1', { url: post(1), category: 'threat' }))).toContain('SW-1');
    expect(await leadPages()).toEqual([1]);

    const second = replyText(await flag(bot, ana, 'd2', { url: post(2), category: 'doxxing' }));

    expect(second).toContain('SW-2');
    expect(second).toContain('I did not page them again for this one; they see it on the incident card');
    expect(second).toContain('call 911 first, and contact your leads directly');
    expect(await leadPages()).toEqual([1]);
    // Another member's urgent flag pages them as ever.
    await flag(bot, ben, 'd3', { url: post(3), category: 'threat' });
    expect(await leadPages()).toEqual([1, 3]);
  });
});
