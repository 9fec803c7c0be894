import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { CollectiveSettings } from '../../src/core/settings.ts';
import { createTestBot, lead, member, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { keepSentMessages } from '../support/sent-messages.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const ledger = useFreshLedger();

/** The real core, a messenger that keeps what it was asked to send, and the collective's settings. */
function world(settings: CollectiveSettings = testSettings) {
  const bot = createTestBot(ledger.db, { settings });
  const { sent, run } = keepSentMessages(bot);
  return {
    bot,
    sent,
    run,
    to: (who: Actor) => sent.filter((s) => s.to === who.id).map((s) => s.reply),
  };
}

/**
 * The card's first line (where, and the attacker's account) is written by describe-incident, which is converted
 * separately; everything else on the card is this area's.
 */
function cardLines(card: IncidentCard | undefined): string[] {
  if (!card) throw new Error('no card');
  const [about, ...rest] = card.sections;
  return [
    card.title,
    card.summary,
    ...(about?.lines.slice(1) ?? []),
    ...rest.flatMap((s) => [s.heading ?? '', ...s.lines]),
    ...card.buttons.map((b) => b.label),
  ];
}

const english = (lines: readonly string[]) => strayWords(lines.join('\n'), ENGLISH_WORDS);

const fr = member('francine');
const en = member('ed');
const ana = member('ana');

describe('the rally and the card in French', () => {
  it('alerts a responder who chose French in French, and an English one in English', async () => {
    const w = world();
    for (const responder of [fr, en]) await w.run(responder, 'responder', { text: 'on' });
    await w.run(fr, 'language', { text: 'fr' });
    await w.run(ana, 'flag', { options: { url: 'https://x.com/SomeTroll/status/1', wants: 'replies' } });
    await w.bot.rally.deliverPending();

    const [french] = w.to(fr);
    expect(french?.title).toBe('ana a besoin de ses collègues : SW-1, Harcèlement sur X (Twitter).');
    const frenchText = replyText(french as Reply);
    expect(frenchText).toContain('ana souhaite : Réponses de soutien');
    expect(frenchText).toContain('Ne répondez jamais à l’agresseur');
    expect(frenchText).toContain('Vous recevez au plus');
    expect(french?.actions?.map((a) => a.label)).toEqual([
      'Je m’en occupe',
      'Pas maintenant',
      'J’ai répondu en soutien',
    ]);
    expect(english([frenchText, ...(french?.actions ?? []).map((a) => a.label)])).toEqual([]);

    const [englishAlert] = w.to(en);
    expect(englishAlert?.title).toBe('ana needs colleagues: SW-1, Harassment on X (Twitter).');
    expect(replyText(englishAlert as Reply)).toContain('ana wants: Supportive replies');
    expect(englishAlert?.actions?.map((a) => a.label)).toEqual([
      "I'm on it",
      "Can't now",
      'I replied with support',
    ]);

    // Pressing its buttons is answered in the member's language too.
    const onIt = await w.bot.press(fr, 'rally:on-it:1');
    expect(onIt.reply.title).toBe(
      'Merci : vous vous occupez de SW-1. Appuyez sur « J’ai répondu en soutien » ou « Je l’ai signalé » une fois fait.',
    );
    const supported = await w.bot.press(fr, 'card:supported:1');
    expect(supported.reply.title).toBe('Votre soutien est compté pour SW-1. Merci d’avoir répondu présent.');
    expect((await w.bot.press(fr, 'card:supported:1')).reply.title).toBe(
      'Vous me l’avez déjà dit pour SW-1. Merci.',
    );
    expect((await w.bot.press(en, 'rally:cant:1')).reply.title).toBe(
      'No problem. Look after yourself; someone else will be asked if needed.',
    );
    expect(english([onIt.reply.title, supported.reply.title])).toEqual([]);
  });

  it('asks a person attacked who reads French in French, and thanks them in French', async () => {
    const w = world();
    await w.run(ana, 'language', { text: 'fr' });
    await w.run(member('ben'), 'flag', {
      options: { url: 'https://x.com/SomeTroll/status/3', target: { id: ana.id, name: 'ana' } },
    });
    await w.bot.rally.deliverPending();
    const [question] = w.to(ana);
    expect(question?.title).toBe(
      'Une ou un collègue a signalé une attaque contre votre publication : SW-1, Harcèlement sur X (Twitter). Que souhaitez-vous que vos collègues fassent ?',
    );
    const own = question?.sections[0]?.lines ?? [];
    expect(own[0]).toBe(
      'Personne n’est mobilisé tant que vous n’avez pas choisi. Quel que soit votre choix, il est consigné au registre.',
    );
    const choices = question?.actions?.map((a) => a.label) ?? [];
    expect(choices).toContain('Réponses de soutien');
    expect(english([question?.title ?? '', ...own, ...choices])).toEqual([]);

    const chosen = await w.bot.press(ana, 'consent:replies:1');
    expect(chosen.reply.title).toBe('Merci. Nous demandons à vos collègues : Réponses de soutien.');
    const refused = await w.bot.press(member('ben'), 'consent:both:1');
    expect(refused.reply.title).toContain('Only the person whose post was attacked can choose');
  });

  it('draws the card in the collective’s language', async () => {
    const w = world({ ...testSettings, language: 'fr' });
    await w.run(ana, 'flag', { options: { url: 'https://x.com/SomeTroll/status/5', wants: 'replies' } });
    const open = await w.bot.incidents.card(1);
    expect(open?.title).toBe('SW-1 · Harcèlement · gravité moyenne');
    expect(open?.buttons.map((b) => b.label)).toEqual([
      'J’ai répondu en soutien',
      'Afficher les propos',
      'Résoudre',
    ]);
    const openLines = cardLines(open);
    expect(openLines).toContain('ana souhaite : Réponses de soutien');
    expect(openLines).toContain(
      'Les propos exacts n’ont pas encore été fournis ; la prochaine personne qui signalera l’incident pourra les ajouter.',
    );
    expect(english(openLines)).toEqual([]);

    const resolved = await w.bot.incidents.resolve(ana, 1, 'removed');
    expect(resolved.reply.title).toBe('SW-1 est résolu : Publication retirée.');
    const closed = await w.bot.incidents.card(1);
    expect(closed?.title).toBe('Résolu : SW-1 · Harcèlement · gravité moyenne');
    const closedLines = cardLines(closed);
    expect(closedLines.join('\n')).toContain('Publication retirée (consigné par la personne attaquée');
    expect(english(closedLines)).toEqual([]);
  });

  it('shows a member who reads French their home in French', async () => {
    const w = world();
    await w.run(fr, 'language', { text: 'fr' });
    const empty = await w.bot.incidents.home(fr);
    expect(empty.title).toBe('Shieldwall pour Test collective');
    expect(replyText(empty)).toContain('Vous ne recevez pas les alertes de mobilisation.');
    expect(english(replyText(empty).split('\n').slice(1))).toEqual([]);

    await w.run(fr, 'responder', { text: 'on' });
    await w.run(fr, 'flag', { options: { url: 'https://x.com/SomeTroll/status/7' } });
    const home = replyText(await w.bot.incidents.home(fr));
    expect(home).toMatch(/SW-1 · Harcèlement · ouvert · à votre sujet, \d{4}-\d{2}-\d{2}/);
    expect(home).toContain('Vous recevez les alertes de mobilisation sur toutes les plateformes.');
    expect(english(home.split('\n').slice(1))).toEqual([]);

    // An English member's home stays in English.
    expect((await w.bot.incidents.home(lead('lee'))).sections[0]?.heading).toBe('Your incidents');
  });
});
