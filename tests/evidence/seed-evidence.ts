import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import type { Harness } from '../support/core-harness.ts';
import type { TestDatabase } from '../support/test-database.ts';

/** The member attacked: their name, id and handle must never reach a pack. */
export const TARGET = { id: 'test:local:zora', name: 'Zora Quillfeather', handle: 'DrQuillfeather' };
const person = (id: string, name: string): Actor => ({ id: `test:local:${id}`, name, isLead: false });
export const ZORA: Actor = { id: TARGET.id, name: TARGET.name, isLead: false };
export const BEN = person('ben', 'Benedikt Reporterson');
export const CY = person('cy', 'Cyrille Witness');
export const DEE = person('dee', 'Delphine Hidden');

/** Commas, quotes and a line break: everything a CSV must quote. */
export const TRICKY_WORDING = 'He wrote: "you, doctor, are next"\nand then, later: "see you soon"';

let deliveries = 0;
async function flag(bot: Harness, actor: Actor, options: Record<string, unknown>): Promise<Reply> {
  const reply = await bot.handle({
    actor,
    delivery: { platform: 'test', id: `evidence-${++deliveries}` },
    request: { name: 'flag', input: { options } },
  });
  if (reply.tone === 'error') throw new Error(`seeding failed: ${reply.title}`);
  return reply;
}

/**
 * Through the real core, on the harness's clock:
 * - SW-1 (2026-11-18 15:00 UTC), a threat on Zora's post flagged by Ben with a screenshot, co-reported by Cy
 *   (tricky wording) and by Dee (who asked to stay anonymous); colleagues acted; resolved as removed by Zora.
 * - SW-2 (2026-11-17 10:00 UTC, earlier than SW-1), hate, flagged by Zora herself.
 * - SW-3, another account's post, which no @SomeTroll pack may hold.
 */
export async function seedEvidence(db: TestDatabase, bot: Harness): Promise<void> {
  bot.clock.now = new Date('2026-11-18T15:00:00Z');
  await flag(bot, BEN, {
    url: 'https://x.com/SomeTroll/status/1',
    category: 'threat',
    note: "he said he'd find her after her shift",
    target: { id: TARGET.id, name: TARGET.name },
    target_post: `https://x.com/${TARGET.handle}/status/500`,
    screenshots: [{ id: 'F0SHOT1', name: 'threat-post.png', mimetype: 'image/png', size: 18342 }],
  });
  bot.clock.now = new Date('2026-11-18T16:00:00Z');
  await flag(bot, CY, { url: 'https://twitter.com/SomeTroll/status/1?s=20', note: TRICKY_WORDING });
  bot.clock.now = new Date('2026-11-18T16:30:00Z');
  await flag(bot, DEE, {
    url: 'https://x.com/sometroll/status/1',
    note: 'Même chose — I saw it too',
    anonymous: true,
  });
  bot.clock.now = new Date('2026-11-17T10:00:00Z');
  await flag(bot, ZORA, {
    url: 'https://x.com/SomeTroll/status/2',
    category: 'hate',
    note: 'go back to where you came from',
  });
  bot.clock.now = new Date('2026-11-19T09:00:00Z');
  await flag(bot, BEN, { url: 'https://x.com/OtherTroll/status/9', note: 'not about SomeTroll' });

  const ledger = createPgLedger(db.pool);
  await ledger.recordAction(1, CY.id, 'supported', new Date('2026-11-18T17:00:00Z'));
  await ledger.recordAction(1, DEE.id, 'supported', new Date('2026-11-18T17:05:00Z'));
  await ledger.recordAction(1, BEN.id, 'reported', new Date('2026-11-18T17:10:00Z'));
  await ledger.resolveIncident(1, 'removed', TARGET.id, new Date('2026-11-20T12:00:00Z'));
}

/** Every way the member attacked could be named, for `not.toContain` checks on whole files. */
export const TARGET_TRACES = [TARGET.name, 'Zora', 'zora', TARGET.handle, TARGET.handle.toLowerCase()];
export const REPORTER_NAMES = [BEN.name, CY.name, DEE.name];

/** The incidents seedEveryKindOfAttack records, by what each is. */
export interface EveryKind {
  comment: number;
  phoneCall: number;
  directMessage: number;
  complaint: number;
}

/** The caller of the phone call: a person known only by name. */
export const CALLER = 'Jo Bloggs';

/**
 * One attack of each kind with no account read from a link, through the real core, for Zora, on 2026-11-19:
 * - a comment under a news page's post, whose link never names the commenter (account unknown);
 * - a phone call from a caller a member named, on a day given without a time (2026-11-16);
 * - a direct message on Instagram from an account a member named, at a time given (2026-11-18 21:30 Chicago);
 * - a complaint to her college by someone nobody knows, flagged by Zora herself.
 */
export async function seedEveryKindOfAttack(bot: Harness): Promise<EveryKind> {
  const id = (reply: Reply) => {
    if (reply.incidentId === undefined) throw new Error(`seeding failed: ${reply.title}`);
    return reply.incidentId;
  };
  const target = { id: TARGET.id, name: TARGET.name };
  bot.clock.now = new Date('2026-11-19T18:00:00Z');
  const comment = await flag(bot, BEN, {
    url: 'https://www.facebook.com/CityNews/posts/123?comment_id=9',
    category: 'hate',
    note: 'a comment under the news story about her clinic',
    target,
  });
  bot.clock.now = new Date('2026-11-19T19:00:00Z');
  const phoneCall = await flag(bot, CY, {
    channel: 'phone',
    by: CALLER,
    when: '2026-11-16',
    category: 'threat',
    note: 'called the clinic and said he knows where she parks',
    target,
  });
  bot.clock.now = new Date('2026-11-19T20:00:00Z');
  const directMessage = await flag(bot, BEN, {
    channel: 'dm:instagram',
    by: 'racistguy',
    when: '2026-11-18 21:30',
    category: 'hate',
    note: 'a direct message full of slurs',
    target,
  });
  bot.clock.now = new Date('2026-11-19T21:00:00Z');
  const complaint = await flag(bot, ZORA, {
    channel: 'complaint',
    note: 'an anonymous complaint to the college about her posts',
  });
  return {
    comment: id(comment),
    phoneCall: id(phoneCall),
    directMessage: id(directMessage),
    complaint: id(complaint),
  };
}
