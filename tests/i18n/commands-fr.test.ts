import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { countRows, LEDGER_TABLES, lead, member, replyText } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const t = useFreshLedger();
const run = (actor: Actor, name: string, text = '') => t.bot.run(actor, name, text);

/** A French reply: every line of it, checked for English words on the way. */
function french(reply: Reply): string {
  const text = replyText(reply);
  expect(strayWords(text, ENGLISH_WORDS), text).toEqual([]);
  return text;
}

/**
 * A refusal the runner ends with the command's usage line: that line is the definition's, localized apart, so
 * only the problem before it is checked here.
 */
function frenchProblem(reply: Reply): string {
  const [problem = ''] = replyText(reply).split(' Syntaxe : ');
  expect(strayWords(problem, ENGLISH_WORDS), problem).toEqual([]);
  return problem;
}

/** Every table's rows: what a refusal must leave as it was. */
async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of LEDGER_TABLES) counts[table] = await countRows(t.db, table);
  const rows = await t.db.pool.query(
    'SELECT id, offender_id, offender_named_by, target_id FROM incidents ORDER BY id',
  );
  const responders = await t.db.pool.query('SELECT * FROM responders ORDER BY member_id');
  return { counts, incidents: rows.rows, responders: responders.rows };
}

/** Three members flag three posts by the same account: it meets the frequent-offender rule. */
async function threeFlags() {
  t.bot.clock.now = new Date('2026-11-16T12:00:00Z');
  await run(member('ana'), 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate by:@racistguy');
  await run(member('ben'), 'flag', 'https://www.instagram.com/p/Other1/ hate by:@racistguy');
  await run(member('cy'), 'flag', 'https://www.instagram.com/p/Other2/ hate by:@racistguy');
  t.bot.clock.now = new Date('2026-11-18T12:00:00Z');
}

async function inFrench(actor: Actor): Promise<Actor> {
  expect((await run(actor, 'language', 'fr')).tone).toBe('success');
  return actor;
}

describe('the member and lead commands in French', () => {
  it('/offender shows the record in French, with the leads’ part for leads', async () => {
    await threeFlags();
    const dee = await inFrench(member('dee'));
    const seen = french(await run(dee, 'offender', 'instagram:racistguy'));
    expect(seen).toContain('Ce que le registre contient sur ce compte :');
    expect(seen).toContain('@racistguy sur Instagram');
    expect(seen).toContain('3 incidents visant 3 membres : Haine / propos racistes ×3.');
    expect(seen).toContain('Vu pour la première fois le 2026-11-16, pour la dernière fois le 2026-11-16.');
    expect(seen).toContain(
      'Récidiviste : 3 incidents visant 3 membres en 90 jours. Les incidents en cause :',
    );
    expect(seen).toMatch(/• SW-1 · 2026-11-16 · Haine \/ propos racistes · ouvert · nommé par un membre/);
    expect(seen).not.toContain('Pour les responsables');

    const lee = await inFrench(lead('lee'));
    const forLead = french(await run(lee, 'offender', 'instagram:racistguy'));
    expect(forLead).toContain('Pour les responsables');
    expect(forLead).toContain('/review instagram:racistguy confirm|dispute|clear <motif>');

    const none = await run(dee, 'offender', 'x:nobodyhere');
    expect(french(none)).toContain('Aucun incident n’est consigné pour ce compte.');
    const bad = await run(dee, 'offender', 'nosuchplatform:who');
    expect(bad.tone).toBe('error');
    expect(french(bad)).toContain('Je ne connais pas cette plateforme.');
  });

  it('/review and /correct answer in French, and the audit lines read in French', async () => {
    await threeFlags();
    const lee = await inFrench(lead('lee'));
    const reviewed = await run(lee, 'review', 'instagram:racistguy confirm menaces répétées, vérifiées');
    expect(reviewed.tone).toBe('success');
    expect(french(reviewed)).toBe(
      [
        '@racistguy sur Instagram est confirmé comme récidiviste.',
        '',
        'Consigné au journal d’audit avec votre motif.',
      ].join('\n'),
    );

    const corrected = await run(lee, 'correct', 'SW-1 by:unknown le lien désignait le mauvais compte');
    expect(corrected.tone).toBe('success');
    expect(french(corrected)).toBe(
      [
        'SW-1 corrigé.',
        '',
        'Agresseur : maintenant inconnu ; auparavant @racistguy sur Instagram.',
        'Règle des récidivistes',
        '@racistguy sur Instagram ne répond plus à la règle des récidivistes (2 incidents visant 2 membres en 90 jours ; il faut 3 incidents visant 2 membres).',
        '',
        'Consigné au journal d’audit avec votre motif.',
      ].join('\n'),
    );
    const again = await run(lee, 'correct', 'SW-1 by:unknown encore une fois, même chose');
    expect(french(again)).toBe('Rien à changer : l’agresseur de SW-1 est déjà inconnu.');

    const audit = french(await run(lee, 'offender', 'instagram:racistguy'));
    expect(audit).toContain(
      '2026-11-18 · SW-1 déplacé d’ici vers inconnu · par test:local:lee · « le lien désignait le mauvais compte »',
    );
    expect(audit).toContain('2026-11-18 · confirmé · par test:local:lee · « menaces répétées, vérifiées »');
    expect(audit).toContain('Confirmé par un responsable le 2026-11-18.');
  });

  it('refuses /correct and /review in French and changes nothing', async () => {
    await threeFlags();
    const dee = await inFrench(member('dee'));
    const lee = await inFrench(lead('lee'));
    const before = await snapshot();

    const notTheirs = await run(dee, 'correct', 'SW-2 by:@someoneelse c’était un autre compte');
    expect(notTheirs.tone).toBe('error');
    expect(french(notTheirs)).toBe(
      'Seul un responsable, ou le membre qui a signalé SW-2 en premier, peut le corriger. Si quelque chose y est erroné, prévenez un des responsables.',
    );
    const noSuch = await run(lee, 'correct', 'SW-99 by:unknown une raison suffisante');
    expect(french(noSuch)).toContain('Le registre ne contient aucun incident SW-99.');
    const notReference = await run(lee, 'correct', 'douze by:unknown une raison suffisante');
    expect(frenchProblem(notReference)).toMatch(/^Ce n’est pas une référence d’incident\./);
    const nothing = await run(lee, 'correct', 'SW-1 une raison suffisante');
    expect(frenchProblem(nothing)).toMatch(/^Précisez quoi corriger :/);
    const noReason = await run(lee, 'review', 'instagram:racistguy dispute bof');
    expect(frenchProblem(noReason)).toMatch(/^Chaque changement demande un motif de quelques mots/);
    const unknown = await run(lee, 'review', 'x:inconnu confirm une raison suffisante');
    expect(french(unknown)).toBe('Aucun compte nommé x:inconnu ne figure au registre.');

    expect(await snapshot()).toEqual(before);
  });

  it('/responder reads naturally in French: platforms, quiet hours, a daily cap, and bad input', async () => {
    const dee = await inFrench(member('dee'));
    expect(french(await run(dee, 'responder'))).toMatch(/^Vous ne recevez pas les alertes de mobilisation\./);

    const on = await run(dee, 'responder', 'on x instagram');
    expect(on.tone).toBe('success');
    const onText = french(on);
    expect(on.title).toBe('Vous recevrez les alertes de mobilisation pour X (Twitter), Instagram.');
    expect(onText).toContain('Au plus 5 alertes par jour.');

    const quiet = await run(dee, 'responder', 'quiet 22:00-07:30 America/Toronto');
    expect(french(quiet)).toBe(
      'Vous recevez les alertes de mobilisation pour X (Twitter), Instagram, au plus 5 alertes par jour, aucune de 22\u00a0h à 7\u00a0h\u00a030 (America/Toronto).',
    );
    const cap = await run(dee, 'responder', 'cap 1');
    expect(french(cap)).toContain('au plus 1 alerte par jour');
    const paused = await run(dee, 'responder', 'pause');
    expect(french(paused)).toMatch(/^En pause : plus aucune alerte/);
    expect(french(await run(dee, 'responder'))).toMatch(/En pause pour l’instant : tapez \/responder back/);

    const before = await snapshot();
    for (const [typed, said] of [
      ['cap 99', /^Indiquez le nombre maximal d’alertes par jour/],
      ['quiet 25:00-07:00', /^Indiquez vos heures sans alertes/],
      ['quiet 22:00-22:00', /^Les heures sans alertes doivent commencer et finir/],
      ['quiet 22:00-07:00 Lune/Base', /^Je ne connais pas ce fuseau horaire/],
      ['on myspace', /^Je ne connais pas cette plateforme\. Vous pouvez nommer :/],
      ['dance', /^Tapez \/responder/],
    ] as const) {
      const refused = await run(dee, 'responder', typed);
      expect(refused.tone, typed).toBe('error');
      expect(french(refused), typed).toMatch(said);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('takes French words for the commands’ keywords, with or without accents', async () => {
    const eve = await inFrench(member('eve'));
    expect((await run(eve, 'responder', 'activer x')).title).toBe(
      'Vous recevrez les alertes de mobilisation pour X (Twitter).',
    );
    expect(french(await run(eve, 'responder', 'Plafond 2'))).toContain('au plus 2 alertes par jour');
    expect(french(await run(eve, 'responder', 'silence 23:00-06:00'))).toContain('aucune de 23');
    expect(french(await run(eve, 'responder', 'désactiver')).length).toBeGreaterThan(0);
    const off = await t.db.pool.query('SELECT active FROM responders WHERE member_id = $1', [eve.id]);
    expect(off.rows).toEqual([{ active: false }]);

    await threeFlags();
    const lee = await inFrench(lead('lee'));
    const confirmed = await run(lee, 'review', 'instagram:racistguy confirmer mêmes menaces, vérifiées');
    expect(confirmed.tone).toBe('success');
    const audit = await t.db.pool.query('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(audit.rows[0]?.action).toMatch(/confirm/);
    expect((await run(lee, 'export', 'SW-1 json révéler')).tone).toBe('success');

    // Where a link-less attack happened, in French words too. (Only the confirmation is read: the guidance
    // after it quotes the test collective's own safety contacts, which are English text.)
    const confirmation = (reply: Reply) => french({ ...reply, sections: reply.sections.slice(0, 1) });
    const call = await run(eve, 'flag', 'téléphone menace il m’a appelé au bureau');
    expect(call.tone).toBe('success');
    expect(confirmation(call)).toContain('Lieu : Appel ou texto');
    const dm = await run(eve, 'flag', 'mp:instagram sexuel by:@someone');
    expect(confirmation(dm)).toContain('Message privé sur Instagram');
    expect(confirmation(await run(eve, 'flag', 'plainte by:"Jo Bloggs"'))).toContain(
      'Plainte à l’employeur ou à l’ordre professionnel',
    );
  });

  it('/digest refuses a week that is not one in French', async () => {
    const lee = await inFrench(lead('lee'));
    const refused = await run(lee, 'digest', 'W99');
    expect(refused.tone).toBe('error');
    expect(french(refused)).toBe(
      'Donnez la semaine comme 2026-W47 (l’année, un W, puis le numéro de la semaine, de 1 à 53).',
    );
    const tooLong = await run(lee, 'digest', '2026-W47-and-more-and-more');
    expect(replyText(tooLong)).toMatch(/^Donnez la semaine comme 2026-W47\. Syntaxe :/);
    expect(frenchProblem(tooLong)).toBe('Donnez la semaine comme 2026-W47.');
  });
});
