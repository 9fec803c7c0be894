import { describe, expect, it } from 'vitest';
import { buildIncidentCard } from '../../src/core/incident/incident-card.ts';
import { createTestBot, lead, member, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { cardText, incidentViews } from '../support/incident-views.ts';

const t = useFreshLedger();
const { flagWith, details } = incidentViews(t);
const POST = 'https://x.com/SomeTroll/status/4242';
const ana = member('ana');

describe('doxxing wording', () => {
  const DOXXED = 'https://www.instagram.com/p/DoxPost9/';

  it('is shown only to the person attacked and to leads; others are refused kindly', async () => {
    await flagWith(member('ben'), {
      url: DOXXED,
      category: 'doxxing',
      target: { id: ana.id, name: 'ana' },
      note: 'posted her home address: 12 Elm Street',
    });
    const desk = createTestBot(t.db).incidents;

    const colleague = replyText(await desk.wording(member('cy'), 1));
    expect(colleague).not.toContain('12 Elm Street');
    expect(colleague).toContain('only the person attacked and leads can read it');
    // The colleague who flagged it already knows the wording, but the rule is about the incident, not them.
    expect(replyText(await desk.wording(member('ben'), 1))).not.toContain('12 Elm Street');

    expect(replyText(await desk.wording(ana, 1))).toContain('12 Elm Street');
    expect(replyText(await desk.wording(lead('lee'), 1))).toContain('12 Elm Street');
  });

  it("says so on the card, while other attacks' wording stays open to members", async () => {
    await flagWith(ana, { url: DOXXED, category: 'doxxing', note: 'my address' });
    await flagWith(ana, { url: POST, category: 'hate', note: 'slurs' });

    const doxxing = cardText(buildIncidentCard(await details(1), testSettings));
    expect(doxxing).toContain('only the person attacked and leads can read it');
    expect(doxxing).toContain('Show wording (person attacked, leads)');
    const hate = cardText(buildIncidentCard(await details(2), testSettings));
    expect(hate).toContain('press Show wording to read it privately');
    expect(replyText(await createTestBot(t.db).incidents.wording(member('cy'), 2))).toContain('slurs');
  });
});
