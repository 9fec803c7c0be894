import type { Actor } from '../../src/core/command.ts';
import type { buildIncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import type { Harness } from './core-harness.ts';
import type { TestDatabase } from './test-database.ts';

/** What a test on a fresh ledger reads incidents with: flags sent as options, the details, a card as text. */
export function incidentViews(t: { db: TestDatabase; bot: Harness }) {
  let optionDeliveries = 0;
  return {
    /** A flag sent as named options (as Discord and the forms send it), each a delivery of its own. */
    flagWith: (actor: Actor, options: Record<string, unknown>): Promise<Reply> =>
      t.bot.handle({
        actor,
        delivery: { platform: 'test', id: `private-${++optionDeliveries}` },
        request: { name: 'flag', input: { options } },
      }),
    async details(id = 1) {
      const incident = await createPgLedger(t.db.pool).getIncident(id);
      if (!incident) throw new Error(`no incident ${id}`);
      return incident;
    },
  };
}

/** A card's title, sections and buttons as one text, to assert on what it shows. */
export const cardText = (card: ReturnType<typeof buildIncidentCard>): string =>
  [
    card.title,
    ...card.sections.flatMap((s) => [s.heading ?? '', ...s.lines]),
    ...card.buttons.map((b) => b.label),
  ].join('\n');
