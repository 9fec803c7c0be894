import { describe, expect, it } from 'vitest';
import { buildIncidentCard } from '../../src/core/incident/incident-card.ts';
import { alertMessage, leadAlertMessage } from '../../src/core/rally/rally-messages.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createTestBot, lead, member, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { cardText, incidentViews } from '../support/incident-views.ts';

const t = useFreshLedger();
const { flagWith, details } = incidentViews(t);
const POST = 'https://x.com/SomeTroll/status/4242';
const ana = member('ana');

describe('naming the person attacked', () => {
  it('a colleague who flags the same post is not told the name of a target who flagged it anonymously', async () => {
    await flagWith(ana, { url: POST, category: 'hate', anonymous: true });

    const colleague = replyText(await t.bot.run(member('ben'), 'flag', POST));
    expect(colleague).toContain('Added you to SW-1');
    expect(colleague).not.toContain('ana');
    expect(colleague).toContain('The person attacked wants: Supportive replies and reports');
    expect(colleague).not.toContain('You flagged this for');

    // Every other path reads the same rule: the card and responders' alerts hide it, leads are told.
    const incident = await details();
    expect(cardText(buildIncidentCard(incident, testSettings))).not.toContain('ana');
    expect(replyText(alertMessage(incident, testSettings, 3))).not.toContain('ana');
    expect(replyText(leadAlertMessage(incident, testSettings))).toContain('Attacked: ana.');
    expect(replyText(await t.bot.run(lead('lee'), 'flag', POST))).toContain('ana wants:');
  });

  it('names a target who did not ask to stay anonymous, and speaks to the target as "you"', async () => {
    await flagWith(member('ben'), { url: POST, target: { id: ana.id, name: 'ana' } });
    const colleague = replyText(await t.bot.run(member('cy'), 'flag', POST));
    expect(colleague).toContain('ana wants: Supportive replies and reports');
    expect(colleague).toContain('You flagged this for ana.');

    const target = replyText(await t.bot.run(ana, 'flag', POST));
    expect(target).toContain('You asked colleagues for: Supportive replies and reports');
    expect(target).not.toContain('ana wants');
    expect(target).not.toContain('You flagged this for');
  });
});

describe('a colleague joining a flag when the ledger fails right after it saved the flag', () => {
  it('is told the flag was added (it was), and not the hidden name', async () => {
    const real = createPgLedger(t.db.pool);
    await t.bot.run(member('ana'), 'flag', `${POST} hate`);
    // The read that decides how to name the person attacked fails: the database went away after the commit.
    const bot = createTestBot(t.db, {
      ledger: {
        ...real,
        getIncident: async () => {
          throw new Error('Connection terminated unexpectedly');
        },
      },
    });
    const reply = await bot.handle({
      actor: member('ben'),
      delivery: { platform: 'test', id: 'joins-while-the-ledger-fails' },
      request: { name: 'flag', input: { text: `${POST} hate` } },
    });
    expect(reply.title).toBe('Added you to SW-1: 2 members have flagged this post.');
    expect(replyText(reply)).not.toContain('NOT saved');
  });
});
