import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { packEmbeds } from '../../adapters/discord/pack-embeds.ts';
import { renderReply as renderSlackReply } from '../../adapters/slack/render-blocks.ts';
import { TerminalForm } from '../../adapters/terminal/terminal-form.ts';
import { categoryList } from '../../src/core/categories.ts';
import type { Actor } from '../../src/core/command.ts';
import { checkForm, checkFormField } from '../../src/core/command-form.ts';
import { exportCommand } from '../../src/core/commands/export-command.ts';
import { flagCommand } from '../../src/core/commands/flag-command.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { PRIVATE_ANSWER_REUSED_MS } from '../../src/core/incident/channel-privacy.ts';
import { buildMemberHome } from '../../src/core/incident/member-home.ts';
import { createFlagLimiter, DEFAULT_MEMBER_LIMITS } from '../../src/core/limits/member-limits.ts';
import { parseAccountQuery } from '../../src/core/post-url/index.ts';
import { parseAttacker, resolveAttacker } from '../../src/core/post-url/parse-attacker.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { UserError } from '../../src/core/result.ts';
import { sayError } from '../../src/core/spoken-error.ts';
import { parseWeek } from '../../src/core/time.ts';
import { parseWhen, resolveWhen } from '../../src/core/when-it-happened.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { INCIDENTS as SLACK_INCIDENTS, SlackRig } from '../adapters/slack-rig.ts';
import { createTestBot, lead, member, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const fresh = useFreshLedger();
const run = (actor: Actor, name: string, text = '') => fresh.bot.run(actor, name, text);
const fr = translator('fr');
const en = translator('en');

/** A French reply's text, checked for English words on the way (the usage line the runner adds is left out). */
function french(reply: Reply): string {
  const [text = ''] = replyText(reply).split(' Syntaxe : ');
  expect(strayWords(text, ENGLISH_WORDS), text).toEqual([]);
  return text;
}

async function inFrench(actor: Actor): Promise<Actor> {
  expect((await run(actor, 'language', 'fr')).tone).toBe('success');
  return actor;
}

const errorOf = <T>(result: { ok: true; value: T } | { ok: false; error: UserError }): UserError => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('the French words for when it happened', () => {
  const now = new Date('2026-11-30T15:00:00Z');
  const at = (text: string) => {
    const spec = parseWhen(text);
    if (!spec.ok) return spec.error.code;
    const resolved = resolveWhen(spec.value, now, 'America/Toronto');
    return resolved.ok ? resolved.value.toISOString() : resolved.error.code;
  };

  it('reads aujourd’hui and hier as today and yesterday, in any case, accents and apostrophe optional', () => {
    for (const today of [
      'aujourd’hui',
      "aujourd'hui",
      'aujourdhui',
      'Aujourd’hui',
      'AUJOURD’HUI',
      '« aujourd’hui »',
    ])
      expect(at(today), today).toBe(at('today'));
    for (const yesterday of ['hier', 'Hier', 'HIER', 'hièr'])
      expect(at(yesterday), yesterday).toBe(at('yesterday'));
    expect(at('hier 21:30')).toBe('2026-11-30T02:30:00.000Z');
    expect(at('aujourd’hui 09:15')).toBe('2026-11-30T14:15:00.000Z');
    expect(at('aujourd’hui 11:00')).toBe('when.future');
    expect(at('avant-hier')).toBe('when.invalid');
  });

  it('a French member flags a call from hier, and it is recorded on that day', async () => {
    const claire = await inFrench(member('claire'));
    const reply = await run(claire, 'flag', 'phone on:hier appel menaçant');
    expect(reply.tone).toBe('success');
    const rows = await fresh.db.pool.query('SELECT occurred_at FROM incidents');
    expect((rows.rows[0] as { occurred_at: Date }).occurred_at.toISOString()).toBe(
      '2026-11-17T06:00:00.000Z',
    );
  });
});

describe('the parsers’ refusals carry their catalogue key', () => {
  it('an attacker’s account: English exactly as before, French for a French reader', () => {
    const cases: Array<[UserError, string]> = [
      [
        errorOf(parseAttacker('???')),
        "That doesn't look like an account. Give a handle like @name, instagram:name, a profile link, an email address, or a name.",
      ],
      [
        errorOf(parseAttacker('x'.repeat(5000))),
        "That's too long for an account. Give a handle like @name, instagram:name, a profile link, an email address, or a name.",
      ],
      [
        errorOf(parseAttacker('myspace:tom')),
        "I don't know that platform. Start with one of x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon or email, like instagram:name, or paste a profile link.",
      ],
      [
        errorOf(parseAttacker('mastodon:nobody')),
        'Give a Mastodon account with its server, like @name@mastodon.social.',
      ],
      [
        errorOf(parseAttacker('https://x.com/i/web/status/123')),
        "That link doesn't say whose account it is. Paste their profile link (open their name, copy the address), or give their handle like @name.",
      ],
    ];
    const spec = (text: string) => {
      const parsed = parseAttacker(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value;
    };
    cases.push(
      [
        errorOf(resolveAttacker(spec('@someone'), null)),
        'Say which platform that account is on, like instagram:name or x:name, or paste their profile link.',
      ],
      [
        errorOf(resolveAttacker(spec('Jean Tremblay'), 'instagram')),
        'That looks like a name, not an account on Instagram. Give their handle, like @name, or paste their profile link.',
      ],
      [
        errorOf(resolveAttacker(spec('troll@example.com'), 'x')),
        "That's an account on Email, but this happened on X (Twitter). Give the X (Twitter) account, like @name.",
      ],
      [
        errorOf(resolveAttacker(spec('instagram:troll'), 'x')),
        "That's an account on Instagram, but this happened on X (Twitter). Give the X (Twitter) account, like @name.",
      ],
    );
    for (const [error, english] of cases) {
      expect(error.message).toBe(english);
      expect(sayError(error, en)).toBe(english);
      const said = sayError(error, fr);
      expect(said).not.toBe(english);
      expect(strayWords(said, ENGLISH_WORDS), said).toEqual([]);
    }
    expect(sayError(cases[6]?.[0] as UserError, fr)).toContain('pas à un compte Instagram');
    expect(sayError(cases[7]?.[0] as UserError, fr)).toMatch(
      /^C’est une adresse courriel, mais l’attaque a eu lieu sur X/,
    );
  });

  it('a week and an account query', () => {
    const week = errorOf(parseWeek('2026-W99', 'UTC'));
    expect(week.message).toBe(
      'Give the week like 2026-W47 (the year, a W, and the week number from 1 to 53).',
    );
    expect(sayError(week, fr)).toBe(
      'Donnez la semaine comme 2026-W47 (l’année, un W, puis le numéro de la semaine, de 1 à 53).',
    );
    const query = errorOf(parseAccountQuery('myspace:tom'));
    expect(query.message).toMatch(/^I don't know that platform/);
    expect(sayError(query, fr)).toMatch(/^Je ne connais pas cette plateforme/);
  });

  it('a French member hears them in French through the commands; an English one as before', async () => {
    const claire = await inFrench(member('claire'));
    const lucie = await inFrench(lead('lucie'));

    const byRefused = french(await run(claire, 'flag', 'https://x.com/SomeTroll/status/1 by:myspace:tom'));
    expect(byRefused).toContain('Je ne connais pas cette plateforme');
    const nameOnX = french(await run(claire, 'flag', 'https://x.com/i/web/status/1 by:"Jean Tremblay"'));
    expect(nameOnX).toContain('Cela ressemble à un nom, pas à un compte X (Twitter).');

    expect(french(await run(claire, 'offender', 'myspace:tom'))).toMatch(
      /^Je ne connais pas cette plateforme/,
    );
    expect(french(await run(claire, 'offender', 'https://x.com/i/web/status/123'))).toContain('Ce lien');
    expect(french(await run(lucie, 'digest', '2026-W99'))).toContain('Donnez la semaine comme 2026-W47');
    expect(french(await run(lucie, 'review', 'myspace:tom confirm seen twice'))).toContain(
      'Je ne connais pas cette plateforme',
    );

    const bob = member('bob');
    expect(replyText(await run(bob, 'offender', 'myspace:tom'))).toMatch(/^I don't know that platform/);
    expect(replyText(await run(lead('leo'), 'digest', '2026-W99'))).toContain(
      'Give the week like 2026-W47 (the year, a W, and the week number from 1 to 53).',
    );
    expect(replyText(await run(bob, 'flag', 'https://x.com/SomeTroll/status/1 by:myspace:tom'))).toContain(
      "I don't know that platform.",
    );
  });
});

describe('numbers in a flag’s refusals, and yes or no', () => {
  const flagWith = (actor: Actor, options: Record<string, unknown>) =>
    fresh.bot.handle({
      actor,
      delivery: { platform: 'test', id: `o-${Math.random()}` },
      request: { name: 'flag', input: { options } },
    });
  const url = 'https://x.com/SomeTroll/status/1';
  const shot = (size: number) => ({ id: `s${Math.random()}`, name: 'capture.png', size });

  it('say the numbers in the member’s language, and in English exactly as before', async () => {
    const claire = await inFrench(member('claire'));
    const bob = member('bob');

    expect(french(await flagWith(claire, { url, category: 'thret' }))).toContain(
      'Je ne connais pas cette catégorie. Vouliez-vous dire threat ? Catégories : ',
    );
    expect(french(await flagWith(claire, { url, category: 'zzz' }))).toContain(
      'Choisissez une de ces catégories : threat, ',
    );
    expect(french(await flagWith(claire, { url, note: 'x'.repeat(2500) }))).toContain(
      'Votre note compte 2500 caractères ; gardez-la sous 2000.',
    );
    expect(french(await flagWith(claire, { url, screenshots: [shot(12.5 * 1024 * 1024)] }))).toContain(
      'Une capture d’écran fait 12,5 Mo ; la limite est de 10 Mo.',
    );
    const many = Array.from({ length: 11 }, () => shot(1000));
    expect(french(await flagWith(claire, { url, screenshots: many }))).toContain(
      'Joignez au plus 10 captures d’écran',
    );

    const english = async (options: Record<string, unknown>) => replyText(await flagWith(bob, options));
    expect(await english({ url, category: 'thret' })).toContain(
      "That category isn't one I know. Did you mean threat? Categories: threat, ",
    );
    expect(await english({ url, category: 'zzz' })).toContain('Choose one of these categories: threat, ');
    expect(await english({ url, note: 'x'.repeat(2500) })).toContain(
      'Your note is 2500 characters; please keep it under 2000. The exact wording of the post and a line of context are plenty.',
    );
    expect(await english({ url, screenshots: [shot(12.5 * 1024 * 1024)] })).toContain(
      'A screenshot is 12.5 MB; the limit is 10 MB. Crop it, or save it as a JPEG, and attach it again.',
    );
    expect(await english({ url, screenshots: many })).toContain(
      'Attach at most 10 screenshots; the clearest few are enough.',
    );
  });

  it('a form says its problems in the member’s language', () => {
    expect(checkForm(flagCommand, { url, category: 'thret' }, fr).category).toBe(
      `Je ne connais pas cette catégorie. Vouliez-vous dire threat ? Catégories : ${categoryList()}.`,
    );
    expect(checkForm(flagCommand, { url, category: 'thret' }).category).toBe(
      `That category isn't one I know. Did you mean threat? Categories: ${categoryList()}.`,
    );
  });

  it('every yes-or-no field takes oui and non, and the French form asks for « oui » ou « non »', () => {
    for (const [command, field] of [
      [flagCommand, 'anonymous'],
      [exportCommand, 'reveal'],
    ] as const) {
      const shape = (command.args as unknown as { shape: Record<string, z.ZodType> }).shape;
      const read = (value: unknown) => shape[field]?.safeParse(value);
      for (const yes of ['oui', 'OUI', 'o', 'yes', 'y', true])
        expect(read(yes)?.data, `${field} ${yes}`).toBe(true);
      for (const no of ['non', 'Non', 'n', 'no', false]) expect(read(no)?.data, `${field} ${no}`).toBe(false);
      expect(checkFormField(command, field, 'peut-être', fr), field).toMatch(/« oui ».*« non »/);
    }
    expect(checkFormField(exportCommand, 'reveal', 'maybe')).toBe('Answer yes or no.');

    const form = new TerminalForm(flagCommand, () => ({ ok: false, error: { code: 'x', message: 'x' } }), fr);
    let step = form.begin();
    for (let i = 0; i < 20 && step.kind === 'ask' && !step.text.includes('« oui » ou « non »'); i++) {
      step = form.answer(i === 0 ? url : '');
    }
    expect(step.kind === 'ask' ? step.text : '').toContain('« oui » ou « non »');
    expect(fr('cmd.form.yes_or_no')).toBe('« oui » ou « non »');
    expect(en('cmd.form.yes_or_no')).toBe('yes or no');
  });
});

describe('what a lead and a flagger read around their answer', () => {
  const settings = { ...testSettings, language: 'fr' as const };

  it('a lead’s home view shows the week’s digest in the collective’s language, the rest in the lead’s', async () => {
    const ledger = createPgLedger(fresh.db.pool);
    const now = () => new Date('2026-11-18T15:00:00Z');
    const home = await buildMemberHome(lead('leo'), { ledger, settings, now }, en);
    const text = replyText(home);
    expect(text).toContain('This week, for leads');
    expect(text).toMatch(/Bilan de la semaine 2026-W47/);
    const english = replyText(
      await buildMemberHome(lead('leo'), { ledger, settings: testSettings, now }, fr),
    );
    expect(english).toMatch(/Digest for 2026-W47/);
  });

  it('a French member over the flag limit is told so in French; an English one as before', async () => {
    const bot = createTestBot(fresh.db, {
      flagLimiter: createFlagLimiter({ ...DEFAULT_MEMBER_LIMITS, flagsBurst: { points: 1, minutes: 10 } }),
    });
    const say = (actor: Actor, name: string, text: string) =>
      bot.handle({
        actor,
        delivery: { platform: 'test', id: `l-${Math.random()}` },
        request: { name, input: { text } },
      });
    const claire = member('claire');
    expect((await say(claire, 'language', 'fr')).tone).toBe('success');
    await say(claire, 'flag', 'https://x.com/SomeTroll/status/1');
    const limited = await say(claire, 'flag', 'https://x.com/SomeTroll/status/2');
    expect(limited.tone).toBe('warning');
    const text = french(limited);
    expect(text).toContain('beaucoup de signalements en peu de temps');
    expect(text).toContain('Ce signalement n’a pas été enregistré.');
    expect(text).toContain('911');

    const bob = member('bob');
    await say(bob, 'flag', 'https://x.com/SomeTroll/status/3');
    const english = replyText(await say(bob, 'flag', 'https://x.com/SomeTroll/status/4'));
    expect(english).toContain('a lot of flags in a short time');
    expect(english).toContain('This flag was not recorded');
    expect(english).toContain('call 911 first, and contact your leads directly');
  });
});

describe('a card withheld from a channel no longer private', () => {
  it('is said to the member who flagged, in their language', async () => {
    const clock = { now: new Date('2026-11-18T15:00:00Z') };
    const slack = await SlackRig.start(fresh.db, { now: () => clock.now });
    try {
      expect(await slack.run('ana', 'language', 'fr')).toContain('français');
      slack.fake.setChannelPrivacy(SLACK_INCIDENTS, { isPrivate: false });
      clock.now = new Date(clock.now.getTime() + PRIVATE_ANSWER_REUSED_MS);
      const reply = await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/84 hate');
      expect(reply).toContain('Non affiché dans le canal des incidents');
      expect(reply).toContain('Le canal des incidents n’est plus privé');
      const english = await slack.run('ben', 'flag', 'https://x.com/SomeTroll/status/85 hate');
      expect(english).toContain('Not shown in the incident channel');
    } finally {
      await slack.stop();
    }
  });
});

describe('what a platform could not show of a long answer', () => {
  const sections = Array.from({ length: 30 }, (_, i) => ({
    heading: `Signalé par ${i + 1}`,
    lines: [`${'propos '.repeat(470)}fin ${i + 1}`],
  }));
  const notice = (t = en) => packEmbeds(0, 'Titre', sections, undefined, t).flat().at(-1)?.description ?? '';

  it('is named on Discord in the reader’s language, English as before', () => {
    const french = notice(fr);
    expect(french).toMatch(/^Trop long pour être affiché ici\. Parties non affichées : « Signalé par \d+ »/);
    expect(french).toMatch(/ et \d+ autres\.$/);
    expect(strayWords(french.replace(/« [^»]* »/g, ''), ENGLISH_WORDS)).toEqual([]);
    const english = notice();
    expect(english).toMatch(/^Too long to show here: “Signalé par \d+”/);
    expect(english).toMatch(/ and \d+ more are not shown\.$/);
  });

  it('is counted on Slack in the reader’s language, English as before', () => {
    const reply: Reply = {
      tone: 'info',
      title: 'Titre',
      sections: Array.from({ length: 60 }, (_, i) => ({ lines: [`ligne ${i}`] })),
    };
    const last = (t?: typeof en) => JSON.stringify(renderSlackReply(reply, t).blocks.at(-1));
    expect(last(fr)).toContain(
      'Trop long pour être affiché ici : les 12 dernières parties de cette réponse ne sont pas affichées.',
    );
    expect(last()).toContain('Too long to show here: the last 12 parts of this answer are not shown.');
  });
});
