import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import type { Language } from '../../src/core/i18n/language.ts';
import type { CardChannel } from '../../src/core/incident/card-sync.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { ServeRequest } from '../../src/core/serve/serve-request.ts';
import {
  createTestBot,
  EVERYONE_IS_A_MEMBER,
  lead,
  member,
  replyText,
  testSettings,
} from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { ENGLISH_WORDS, FRENCH_WORDS, strayWords } from './stop-words.ts';

const ledger = useFreshLedger();

/** What members typed, which is theirs and not the bot's: removed before the words are checked. */
const TYPED = [
  'il a dit qu’il me trouverait',
  'he said he would find me',
  'SomeTroll',
  'OtherTroll',
  'ana',
  'bob',
  'carol',
  'lee',
];

function cardText(card: IncidentCard): string {
  return [
    card.title,
    ...card.sections.flatMap((s) => [s.heading ?? '', ...s.lines]),
    card.summary,
    ...card.buttons.map((button) => button.label),
  ].join('\n');
}

function fullText(reply: Reply): string {
  return [
    replyText(reply),
    ...(reply.actions ?? []).map((action) => action.label),
    reply.image?.description ?? '',
  ].join('\n');
}

/**
 * A whole week of the product as one collective lives it, in one language: flags with and without a link, a
 * second member, the card, the rally's alerts, the offender record, the responder settings, a correction, a
 * review, the digest, evidence packs, help and the home view, and a few mistakes.
 */
async function liveAWeek(language: Language): Promise<{ said: string[] }> {
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  // The safety contacts the collective left unset are named in the reader's language.
  const settings = {
    ...testSettings,
    language,
    collectiveName: language === 'fr' ? 'le collectif' : 'the collective',
    safety: {},
  };
  const bot = createTestBot(ledger.db, { now: () => clock.now, settings });
  const said: string[] = [];
  const channel: CardChannel = {
    destination: 'test:local:incidents',
    post: async (card) => {
      said.push(cardText(card));
      return `m${said.length}`;
    },
    update: async (_id, card) => void said.push(cardText(card)),
    privacy: async () => ({ private: true }),
  };
  bot.attach('test', {
    cards: channel,
    directMessages: async (_to, reply) => {
      said.push(fullText(reply));
      return `dm${said.length}`;
    },
    leadChannel: { alerts: () => ['test:local:leads'], digests: () => ['test:local:leads'] },
    fileDelivery: true,
    membership: EVERYONE_IS_A_MEMBER,
  });
  let served = 0;
  const serve = async (actor: Actor, request: ServeRequest) => {
    await bot.serve(request, {
      delivery: { platform: 'test', id: `week-${++served}` },
      acknowledge: async () => undefined,
      actor: async () => actor,
      answer: async (reply) => {
        said.push(fullText(reply));
        if (reply.file) said.push(packWords(reply.file.filename, new TextDecoder().decode(reply.file.data)));
      },
    });
    await bot.idle();
  };
  const run = (actor: Actor, name: string, text = '') =>
    serve(actor, { kind: 'command', name, input: { text } });
  const [ana, bob, carol, lee] = [member('ana'), member('bob'), member('carol'), lead('lee')];
  const note = language === 'fr' ? 'il a dit qu’il me trouverait' : 'he said he would find me';
  const threat = language === 'fr' ? 'menace' : 'threat';

  await run(bob, 'responder', 'on');
  await run(carol, 'responder', 'on');
  await run(bob, 'responder', 'quiet 22:00-07:00');
  await run(bob, 'responder');
  await run(ana, 'flag', `https://x.com/SomeTroll/status/1 ${threat} ${note}`);
  await run(carol, 'flag', 'https://x.com/SomeTroll/status/1');
  await run(ana, 'flag', `phone complaint by:x:OtherTroll ${note}`);
  await bot.rally.tick();
  await bot.rally.deliverPending();
  await serve(bob, { kind: 'press', actionId: 'rally:on-it:1' });
  await serve(bob, { kind: 'card', action: 'supported', incidentId: 1 });
  await serve(ana, { kind: 'home' });
  await run(ana, 'offender', 'SomeTroll');
  await run(lee, 'correct', 'SW-2 by:x:SomeTroll same person, same wording');
  await run(lee, 'review', 'x:SomeTroll confirm repeated threats');
  await run(lee, 'digest');
  for (const format of ['json', 'csv']) await run(lee, 'export', `SW-1 ${format} --lang ${language}`);
  await run(lee, 'help');
  await run(ana, 'language');
  // Mistakes: each gets a kind answer in the same language.
  await run(ana, 'flag', 'not a link at all');
  await run(ana, 'flag', `https://x.com/SomeTroll/status/9 ${language === 'fr' ? 'menance' : 'thret'}`);
  await run(ana, 'responder', 'quiet 25:00-99:00');
  await run(ana, 'language', 'klingon');
  await run(ana, 'digest');
  await run(ana, 'nosuchcommand');
  await serve(ana, { kind: 'resolve', incidentId: 1, outcome: 'removed' });
  return { said };
}

/**
 * A pack's words: a CSV's header row and its yes/no cells are identifiers that stay the same in every language
 * (spreadsheets and scripts are built on them), so only its cells are read; JSON is read whole (its keys are
 * camelCase identifiers, its labels follow the pack's language).
 */
function packWords(filename: string, text: string): string {
  if (!filename.endsWith('.csv')) return text;
  return text
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/(^|,)(yes|no)(?=,|$)/gm, '$1');
}

function strayIn(said: string[], words: ReadonlySet<string>): string[] {
  return said.flatMap((text) => {
    let bots = text;
    for (const typed of TYPED) bots = bots.split(typed).join(' ');
    return strayWords(bots, words).map((word) => `"${word}" in: ${text.slice(0, 300)}`);
  });
}

describe('the whole product in one language', () => {
  it('speaks French throughout for a French-speaking collective, with no English sentence', async () => {
    const { said } = await liveAWeek('fr');
    if (process.env.PEEK) console.log(said.join('\n=====\n'));
    expect(said.length).toBeGreaterThan(20);
    expect(strayIn(said, ENGLISH_WORDS)).toEqual([]);
  });

  it('speaks English throughout for an English-speaking one, with no French sentence', async () => {
    const { said } = await liveAWeek('en');
    if (process.env.PEEK) console.log(said.map((s) => s.slice(0, 160).replace(/\n/g, ' | ')).join('\n'));
    expect(said.length).toBeGreaterThan(20);
    expect(strayIn(said, FRENCH_WORDS)).toEqual([]);
  });
});
