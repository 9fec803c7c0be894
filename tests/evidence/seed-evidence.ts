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
