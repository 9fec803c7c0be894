import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCorrectText } from '../../src/core/commands/correct-args.ts';
import { MAX_NOTE_LENGTH, MAX_URL_LENGTH } from '../../src/core/commands/flag-args.ts';
import { parseFlagText } from '../../src/core/commands/parse-flag-text.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { sendDueDigests } from '../../src/jobs/weekly-digest.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { purgeResolvedBefore } from '../../src/ledger/purge-resolved.ts';
import { countRows, expectLedgerEmpty, resolveLongAgo, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { adapterContract } from './adapter-contract.ts';
import {
  DiscordRig,
  GENERAL,
  GUILD,
  LEADS_CHANNEL,
  messageText,
  type Person,
  plainText,
  USERS,
} from './discord-rig.ts';

const ledger = useFreshLedger();
let discord: DiscordRig;
beforeEach(async () => {
  discord = await DiscordRig.start(ledger.db);
});
afterEach(async () => {
  await discord.stop();
});

type TextInput = {
  custom_id: string;
  max_length?: number;
  min_length?: number;
  required?: boolean;
  value?: string;
};
type CallbackBody = { type: number; data?: { flags?: number; custom_id?: string; components?: unknown[] } };

/** Forms waiting in the ledger for their submission. */
async function stashedForms(): Promise<number> {
  return (await ledger.db.pool.query('SELECT count(*)::int AS n FROM form_stash')).rows[0].n;
}

/** The text inputs of a modal callback, one per action row. */
function textInputs(modal: CallbackBody): TextInput[] {
  const rows = (modal.data?.components ?? []) as { components: TextInput[] }[];
  return rows.flatMap((row) => row.components);
}

describe('Discord: flagging', () => {
  it('flags at once with options: a private answer, and an embed card without the wording', async () => {
    const id = await discord.command('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/123',
      category: 'threat',
      note: 'I know where you work',
    });
    const callback = (await discord.callback(id)).body as CallbackBody;
    expect(callback.type).toBe(5);
    expect(callback.data?.flags).toBe(64);
    expect(await discord.answer(id)).toContain('Recorded as SW-1: Violent threat, critical severity.');
    const card = await discord.firstCard();
    expect(card.text).toContain('SW-1 · Violent threat · critical severity');
    expect(card.text).toContain("Reply with support on Ana Reyes's own recent posts");
    expect(card.text).toContain('Never reply to, quote or tag the attacker');
    expect(card.text).not.toContain('I know where you work');
    expect((card.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });

  it('/flag without a url opens the form; the form flags, keeping the options a form cannot hold', async () => {
    const id = await discord.command('ana', 'flag', {
      target: { user: USERS.ben },
      anonymous: true,
      category: 'hate',
    });
    const modal = (await discord.callback(id)).body as CallbackBody;
    expect(modal.type).toBe(9);
    expect(JSON.stringify(modal.data)).toContain('"value":"hate"');
    const inputs = JSON.stringify(modal.data?.components);
    for (const field of ['url', 'by', 'category', 'note', 'wants'])
      expect(inputs).toContain(`"custom_id":"${field}"`);
    const submitted = await discord.submitForm('ana', String(modal.data?.custom_id), {
      url: 'https://www.instagram.com/p/RacistPost/',
      by: '@SlurPoster',
      category: 'hate',
      wants: 'replies',
      note: 'slur in the comments',
    });
    expect(await discord.answer(submitted)).toContain(
      'Recorded as SW-1: Hate / racist abuse, high severity.',
    );
    const card = await discord.firstCard();
    expect(card.text).toContain('Flagged by a member');
    expect(card.text).toContain('Account: @SlurPoster (named by a member)');
    expect(card.text).toContain('Attacked: Ben Okafor');
    expect(card.text).not.toContain('Ana');
    const stored = await ledger.db.pool.query(
      'SELECT i.target_id, i.target_wants, r.anonymous FROM incidents i JOIN incident_reports r ON r.incident_id = i.id',
    );
    expect(stored.rows).toEqual([
      { target_id: `discord:${GUILD}:${USERS.ben}`, target_wants: 'replies', anonymous: true },
    ]);
  });

  it('answers a wrong form privately, naming each wrong field, and stores nothing', async () => {
    const id = await discord.command('ana', 'flag');
    const modal = (await discord.callback(id)).body as CallbackBody;
    const submitted = await discord.submitForm('ana', String(modal.data?.custom_id), {
      url: 'javascript:alert(1)',
      category: 'thraet',
      wants: '',
      by: '',
      note: '',
    });
    const shown = await discord.answer(submitted);
    expect(shown).toContain('Nothing was recorded yet');
    expect(shown).toContain('Link to the abusive post (or where it happened): Only web links');
    expect(shown).toContain("What kind of attack: That category isn't one I know. Did you mean threat?");
    await expectLedgerEmpty(ledger.db);
    expect(discord.cardPosts()).toHaveLength(0);
  });

  it("the form's text fields hold exactly what the command accepts", async () => {
    const modal = (await discord.callback(await discord.command('ana', 'flag'))).body as CallbackBody;
    const inputs = new Map(textInputs(modal).map((input) => [input.custom_id, input]));
    expect(inputs.get('note')).toMatchObject({ max_length: MAX_NOTE_LENGTH, required: false });
    // Neither is required alone: a flag needs a link, or where it happened, judged when the form is sent.
    expect(inputs.get('url')).toMatchObject({ max_length: MAX_URL_LENGTH, required: false });
    expect(inputs.get('by')).toMatchObject({ max_length: MAX_URL_LENGTH, required: false });
  });

  it("a refused form keeps the member's text: it is shown back, and a button reopens the form filled in", async () => {
    const id = await discord.command('ana', 'flag', { target: { user: USERS.ben }, anonymous: true });
    const modal = (await discord.callback(id)).body as CallbackBody;
    const note = `${'he wrote this, word for word. '.repeat(83)}END`;
    expect(note.length).toBeGreaterThan(MAX_NOTE_LENGTH);
    const submitted = await discord.submitForm('ana', String(modal.data?.custom_id), {
      url: 'https://x.com/SomeTroll/status/77',
      by: '',
      category: 'thraet',
      wants: '',
      note,
    });
    const shown = await discord.answer(submitted);
    expect(shown).toContain('Nothing was recorded yet');
    expect(shown).toContain('Did you mean threat?');
    expect(plainText(shown)).toContain(note.trim());
    await expectLedgerEmpty(ledger.db);
    const again = JSON.stringify(
      (
        discord.fake.callbacksFor(submitted).find((c) => c.method === 'PATCH')?.body as {
          components?: unknown;
        }
      )?.components,
    );
    const buttonId = /"custom_id":"(sw:form-again:flag:\d+)"/.exec(again)?.[1];
    expect(buttonId).toBeDefined();
    const answerMessage = [...discord.fake.messages.values()].find((m) =>
      JSON.stringify(m).includes(buttonId ?? '-'),
    );
    const pressed = await discord.press('ana', String(buttonId), String(answerMessage?.id));
    const reopened = (await discord.callback(pressed)).body as CallbackBody;
    expect(reopened.type).toBe(9);
    const values = Object.fromEntries(textInputs(reopened).map((input) => [input.custom_id, input.value]));
    expect(values).toMatchObject({
      url: 'https://x.com/SomeTroll/status/77',
      category: 'thraet',
      note: note.trim().slice(0, MAX_NOTE_LENGTH),
    });
    const fixed = await discord.submitForm('ana', String(reopened.data?.custom_id), {
      url: 'https://x.com/SomeTroll/status/77',
      category: 'threat',
      wants: '',
      by: '',
      note: 'he wrote this, word for word.',
    });
    expect(await discord.answer(fixed)).toContain('Recorded as SW-1: Violent threat');
    const stored = await ledger.db.pool.query(
      'SELECT i.target_id, r.anonymous FROM incidents i JOIN incident_reports r ON r.incident_id = i.id',
    );
    expect(stored.rows).toEqual([{ target_id: `discord:${GUILD}:${USERS.ben}`, anonymous: true }]);
  });

  it("keeps the options given with /flag for the form's submission after a restart, on a new adapter", async () => {
    const id = await discord.command('ana', 'flag', { target: { user: USERS.ben }, anonymous: true });
    const modal = (await discord.callback(id)).body as CallbackBody;
    expect(await stashedForms()).toBe(1);
    // Another process (or this one, restarted) receives the submission: a new adapter on a new core.
    const restarted = await DiscordRig.start(ledger.db);
    try {
      const submitted = await restarted.submitForm('ana', String(modal.data?.custom_id), {
        url: 'https://x.com/SomeTroll/status/88',
        category: '',
        wants: '',
        by: '',
        note: '',
      });
      expect(await restarted.answer(submitted)).toContain('Recorded as SW-1');
    } finally {
      await restarted.stop();
    }
    const stored = await ledger.db.pool.query(
      'SELECT i.target_id, r.anonymous FROM incidents i JOIN incident_reports r ON r.incident_id = i.id',
    );
    expect(stored.rows).toEqual([{ target_id: `discord:${GUILD}:${USERS.ben}`, anonymous: true }]);
    expect(await stashedForms()).toBe(0);
  });

  it('keeps a screenshot attached to the command with the record', async () => {
    const id = await discord.fake.interact({
      kind: 'command',
      name: 'flag',
      userId: USERS.ana,
      channelId: '1200000000000000021',
      options: [
        { name: 'url', type: 3, value: 'https://x.com/SomeTroll/status/6' },
        { name: 'screenshots', type: 11, value: '1400000000000000001' },
      ],
      resolvedAttachments: {
        '1400000000000000001': { filename: 'shot.png', size: 4096, content_type: 'image/png' },
      },
    });
    expect(await discord.answer(id)).toContain('Recorded as SW-1');
    const files = await ledger.db.pool.query(
      'SELECT platform, file_id, name, mimetype, size_bytes FROM incident_files',
    );
    expect(files.rows).toEqual([
      {
        platform: 'discord',
        file_id: '1400000000000000001',
        name: 'shot.png',
        mimetype: 'image/png',
        size_bytes: '4096',
      },
    ]);
    expect((await discord.firstCard()).text).toContain('1 screenshot kept with the record.');
  });

  it('refuses a person attacked who is not in the incident channel', async () => {
    const shown = await discord.run('ana', 'flag', {
      url: 'https://x.com/t/status/5',
      target: { user: USERS.out },
    });
    expect(shown).toContain('Pick a colleague who is in the incident channel');
    await expectLedgerEmpty(ledger.db);
  });
});

describe('Discord: the incident card', () => {
  it('counts support and reports on the embed, once per person however often they click', async () => {
    await discord.run('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/7',
      note: 'called me a murderer',
    });
    const card = await discord.firstCard();
    expect(await discord.answer(await discord.press('ben', 'sw:card:supported:1', card.id))).toContain(
      'Your support is counted on SW-1',
    );
    expect(await discord.answer(await discord.press('ben', 'sw:card:supported:1', card.id))).toContain(
      'You already told me that',
    );
    expect(await discord.answer(await discord.press('lee', 'sw:card:reported:1', card.id))).toContain(
      'Your report is counted',
    );
    await discord.waitFor(() =>
      discord
        .cardEdits()
        .find((edit) => messageText(edit.body).includes('1 replied with support · 1 reported it')),
    );
    expect(discord.cardEdits().every((edit) => edit.path.endsWith(`/${card.id}`))).toBe(true);
    expect(await countRows(ledger.db, 'incident_actions')).toBe(2);
  });

  it('shows the wording privately behind a content warning, and lets only the person attacked or a lead resolve', async () => {
    await discord.run('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/8',
      category: 'pileon',
      note: 'you should quit medicine',
    });
    const card = await discord.firstCard();
    const wording = await discord.press('ben', 'sw:card:wording:1', card.id);
    const shown = await discord.answer(wording);
    expect(shown).toContain('Content warning');
    expect(shown).toContain('you should quit medicine');
    expect(((await discord.callback(wording)).body as CallbackBody).data?.flags).toBe(64);

    expect(await discord.answer(await discord.press('ben', 'sw:card:resolve:1', card.id))).toContain(
      'Only the person whose post was attacked, or a lead',
    );
    const asked = await discord.press('ana', 'sw:card:resolve:1', card.id);
    const menu = (await discord.callback(asked)).body as CallbackBody;
    expect(menu.data?.flags).toBe(64);
    expect(JSON.stringify(menu.data?.components)).toContain('sw:resolve:1');
    const chosen = await discord.fake.interact({
      kind: 'select',
      customId: 'sw:resolve:1',
      values: ['suspended'],
      userId: USERS.ana,
      channelId: GENERAL_CHANNEL,
      messageId: card.id,
    });
    await discord.waitFor(() => discord.fake.callbacksFor(chosen).find((c) => c.method === 'PATCH'));
    await discord.waitFor(() =>
      discord.cardEdits().find((edit) => messageText(edit.body).includes('Resolved: SW-1')),
    );
    const row = await ledger.db.pool.query('SELECT status, outcome FROM incidents');
    expect(row.rows).toEqual([{ status: 'resolved', outcome: 'suspended' }]);
  });
});

describe('Discord: long wording', () => {
  it('shows four reports of 2,000 characters each in full, over several private messages, as plain text', async () => {
    const url = 'https://x.com/SomeTroll/status/2000';
    const notes = [1, 2, 3, 4].map((n) => longNote(n));
    await discord.run('ana', 'flag', { url, note: notes[0] });
    const card = await discord.firstCard();
    // Three more colleagues flag the same post through the core, each with their own wording.
    for (const n of [2, 3, 4]) {
      const actor = { id: `discord:${GUILD}:13000000000000000${n}9`, name: `Colleague ${n}`, isLead: false };
      await discord.bot.handle({
        actor,
        delivery: { platform: 'discord', id: `long-wording-${n}` },
        request: { name: 'flag', input: { options: { url, note: notes[n - 1] } } },
      });
    }
    const pressed = await discord.press('ben', 'sw:card:wording:1', card.id);
    await discord.answer(pressed);
    const sent = await discord.waitFor(() => {
      const calls = discord.fake
        .callbacksFor(pressed)
        .filter((c) => c.method !== 'POST' || c.path.includes('/webhooks/'));
      const text = plainText(calls.map((c) => messageText(c.body)).join('\n'));
      return text.includes('Report 4 ends here.') ? calls : undefined;
    });
    expect(sent.every((call) => call.status < 400)).toBe(true);
    // More than one message can hold (6,000 characters): the rest came as private follow-ups.
    expect(sent.filter((c) => c.method === 'POST' && c.path.includes('/webhooks/')).length).toBeGreaterThan(
      0,
    );
    const shown = plainText(sent.map((c) => messageText(c.body)).join('\n')).replace(/\s+/g, ' ');
    // Shown as typed, except that a broadcast word gets a full-width at sign, so it can never ping.
    for (const note of notes)
      expect(shown).toContain(note.replace(/\s+/g, ' ').replaceAll('@everyone', '＠everyone'));
    expect(shown).not.toContain('Too long to show here');
    for (const call of sent.filter((c) => c.body && typeof c.body === 'object' && 'embeds' in c.body)) {
      expect((call.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
      expect((call.body as { flags?: number }).flags ?? 64).toBe(64);
    }
  });
});

/** 2,000 characters of wording with markdown, a would-be ping and a mention, numbered so each can be found. */
function longNote(n: number): string {
  const end = `Report ${n} ends here.`;
  const body = `Report ${n}: you *will* pay, __doctor__, @everyone <@1300000000000000002> knows. `;
  return `${body.repeat(40).slice(0, 2000 - end.length - 1)} ${end}`.replace(/\s+ /g, ' ');
}

describe('Discord: safety rules', () => {
  it('a redelivered interaction does nothing twice', async () => {
    const options = { url: 'https://x.com/SomeTroll/status/11', category: 'threat' };
    const id = await discord.command('ana', 'flag', options);
    await discord.answer(id);
    await discord.firstCard();
    await discord.command('ana', 'flag', options, id);
    await discord.waitFor(() =>
      discord.fake.callbacksFor(id).filter((c) => c.path.endsWith('/callback')).length >= 2
        ? true
        : undefined,
    );
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
    expect(await countRows(ledger.db, 'incident_reports')).toBe(1);
    expect(await countRows(ledger.db, 'deliveries')).toBe(1);
    expect(discord.cardPosts()).toHaveLength(1);
  });

  it('refuses someone who cannot see the incident channel, writing and showing nothing', async () => {
    for (const [name, options] of [
      ['flag', { url: 'https://x.com/SomeTroll/status/13', category: 'threat' }],
      ['flag', {}],
      ['offender', { query: 'SomeTroll' }],
    ] as const) {
      const id = await discord.command('out', name, options);
      expect(await discord.answer(id)).toContain(
        "Sorry, Shieldwall is only for members of the collective's private incident channel.",
      );
      expect(((await discord.callback(id)).body as CallbackBody).data?.flags).toBe(64);
    }
    await expectLedgerEmpty(ledger.db);
    expect(discord.cardPosts()).toHaveLength(0);
  });

  it('sends every message with no mentions allowed, and shows typed mentions as text', async () => {
    const pings = '@everyone @here <@1300000000000000002> <@&1200000000000000010> **bold**';
    await discord.run('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/15',
      category: 'hate',
      note: pings,
    });
    const card = await discord.firstCard();
    const wording = await discord.press('ben', 'sw:card:wording:1', card.id);
    const shown = await discord.answer(wording);
    // The wording is shown in a code block, where Discord neither pings nor formats.
    expect(splitCode(shown).code).toContain(
      '＠everyone ＠here <@1300000000000000002> <@&1200000000000000010> **bold**',
    );
    const sent = discord.fake.calls.filter(
      (c) => ['POST', 'PATCH'].includes(c.method) && c.body && typeof c.body === 'object',
    );
    for (const call of sent) {
      const body = call.body as {
        data?: { allowed_mentions?: unknown };
        allowed_mentions?: unknown;
        type?: number;
      };
      if (call.path.endsWith('/callback') && (body.type === 5 || body.type === 6 || body.type === 9))
        continue;
      expect(body.allowed_mentions ?? body.data?.allowed_mentions, call.path).toEqual({ parse: [] });
    }
  });

  it('escapes a display name that holds a mention', async () => {
    await discord.stop();
    discord = await DiscordRig.start(ledger.db, { globalNames: { ben: '@everyone Ben' } });
    await discord.run('ben', 'flag', { url: 'https://x.com/SomeTroll/status/20' });
    const card = await discord.firstCard();
    expect(card.text).toContain('Flagged by ＠everyone Ben');
  });

  it('waits out a 429 on the card and posts it once', async () => {
    discord.fake.rateLimit('POST', /^\/channels\/\d+\/messages$/, 1, 1);
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/16' });
    await discord.firstCard();
    expect(
      discord.fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')),
    ).toHaveLength(2);
    expect(discord.cardPosts()).toHaveLength(1);
  });

  it('resumes after the gateway drops, and answers an interaction sent during the outage exactly once', async () => {
    const before = await discord.command('ana', 'flag', { url: 'https://x.com/SomeTroll/status/17' });
    await discord.answer(before);
    await discord.fake.dropGateway(4000);
    const during = await discord.command('ben', 'flag', { url: 'https://x.com/SomeTroll/status/17' });
    expect(await discord.answer(during)).toContain('Added you to SW-1: 2 members have flagged this post.');
    expect(discord.fake.resumes).toBe(1);
    expect(discord.fake.callbacksFor(before).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
    expect(discord.fake.callbacksFor(during).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
    expect(await countRows(ledger.db, 'incident_reports')).toBe(2);
  });

  it('keeps the wording and links out of the logs', async () => {
    await discord.run('ana', 'flag', {
      url: 'https://x.com/secretive/status/18',
      note: 'SENSITIVE-WORDING-42',
    });
    const logs = discord.logs.written();
    expect(logs).toContain('command handled');
    expect(logs).not.toContain('SENSITIVE-WORDING-42');
    expect(logs).not.toContain('secretive');
    expect(logs).not.toContain('discord-test-token');
  });
});

describe('Discord: the rally', () => {
  it('alerts responders by direct message, with the alert buttons, and never mentions anyone', async () => {
    await discord.run('lee', 'responder', { mode: 'on' });
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/50', category: 'hate' });
    await discord.bot.rally.deliverPending();
    const [opened] = await discord.fake.waitForCalls('POST', /^\/users\/@me\/channels$/);
    expect(opened?.body).toEqual({ recipient_id: USERS.lee });
    const dm = discord.fake
      .callsTo('POST', /^\/channels\/\d+\/messages$/)
      .find((call) => messageText(call.body).includes('needs colleagues: SW-1'));
    expect(JSON.stringify(dm?.body)).toContain('sw:act:rally:on-it:1');
    expect((dm?.body as { allowed_mentions?: unknown } | undefined)?.allowed_mentions).toEqual({ parse: [] });
  });

  it('redraws a purged incident’s alerts where they went, without the details', async () => {
    await discord.run('lee', 'responder', { mode: 'on' });
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/51', category: 'hate' });
    await discord.bot.rally.deliverPending();
    await discord.waitFor(() => (discord.directMessages('lee').length > 0 ? true : undefined));
    const channel = discord.fake.dmChannelOf(USERS.lee);
    await resolveLongAgo(ledger.db);
    await purgeResolvedBefore(ledger.db.pool, new Date(), new Date());
    await discord.bot.redrawPurgedCards();

    const edits = discord.fake.callsTo('PATCH', new RegExp(`^/channels/${channel}/messages/\\d+$`));
    expect(edits).toHaveLength(1);
    const text = messageText(edits[0]?.body);
    expect(text).toContain('This message was about an incident whose details were removed');
    expect(text).not.toMatch(/SW-1|SomeTroll|Ana|colleagues/i);
    expect((edits[0]?.body as { components?: unknown } | undefined)?.components).toEqual([]);
  });
});

/** Markdown an attacker (or a display name, or a reason) could type to dress text up or hide a link. */
const MARKDOWN_CORPUS = [
  '[click me](https://evil.example)',
  '# HUGE',
  '## big',
  '-# tiny',
  '> quote',
  '>>> all quoted',
  '1. list',
  '- bullet',
  '+ plus',
  '@everyone',
  '<https://evil.example|click>',
  '```',
  'end ``` fence',
  '**bold** __under__ ~~gone~~ ||spoiler||',
];

/** Discord markdown outside code blocks (where it is active), and the code blocks' contents. */
function splitCode(markdown: string): { outside: string; code: string } {
  const code: string[] = [];
  const outside = markdown.replace(/```\n?([\s\S]*?)```/g, (_, inside: string) => {
    code.push(inside);
    return '';
  });
  return { outside, code: code.join('\n').replaceAll('\u200b', '') };
}

/** Each kind of markdown left active in `markdown` (unescaped, outside code), by name. */
function activeMarkdown(markdown: string): string[] {
  // The bot's own section headings are the only bold it writes.
  const outside = splitCode(markdown).outside.replace(/^\*\*[^\n]*\*\*$/gm, '');
  const found: string[] = [];
  if (/(?<!\\)\[[^\]\n]*(?<!\\)\]\((?!\s)/.test(outside)) found.push('masked link');
  if (/^\s*(-#|#{1,3})\s/m.test(outside)) found.push('heading');
  if (/^\s*>/m.test(outside)) found.push('quote');
  if (/^\s*([-*+]|\d+\.)\s/m.test(outside)) found.push('list');
  if (/(?<!\\)\*\*|(?<!\\)__|(?<!\\)~~|(?<!\\)\|\|/.test(outside)) found.push('formatting');
  if (/@everyone/.test(outside)) found.push('@everyone');
  return found;
}

describe('Discord: markdown people typed stays text', () => {
  it('shows the wording in a code block: no link, heading, quote or list, and it cannot close the block', async () => {
    await discord.run('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/40',
      note: MARKDOWN_CORPUS.join('\n'),
    });
    const card = await discord.firstCard();
    for (const person of ['ben', 'lee'] as const) {
      const shown = await discord.answer(await discord.press(person, 'sw:card:wording:1', card.id));
      const { outside, code } = splitCode(shown);
      expect(outside).toContain('Content warning');
      // Nothing of the wording is left where Discord would format it or link it.
      for (const word of ['evil.example', 'HUGE', 'tiny', 'quote', 'list', 'bold'])
        expect(outside).not.toContain(word);
      for (const line of MARKDOWN_CORPUS) expect(code).toContain(line.replace('@everyone', '＠everyone'));
      expect(activeMarkdown(shown)).toEqual([]);
    }
  });

  it('escapes markdown in a display name on the card, so it can hide no link', async () => {
    await discord.stop();
    discord = await DiscordRig.start(ledger.db, {
      globalNames: { ana: '[click me](https://evil.example) **Dr** ||x|| -# tiny' },
    });
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/41' });
    const card = messageText((await discord.firstCard()).body);
    expect(plainText(card)).toContain('[click me](https://evil.example) **Dr** ||x|| -# tiny');
    expect(activeMarkdown(card)).toEqual([]);
  });

  it('escapes markdown in a review reason that leads read under /offender', async () => {
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/42' });
    await discord.firstCard();
    const reason = '[click me](https://evil.example) **seen** ~~it~~';
    expect(
      await discord.run('lee', 'review', { account: 'x:sometroll', action: 'confirm', reason }),
    ).toContain('onfirmed');
    const record = await discord.run('lee', 'offender', { query: 'x:sometroll' });
    expect(plainText(record)).toContain(reason);
    expect(activeMarkdown(record)).toEqual([]);
  });
});

describe('Discord: other commands and start-up', () => {
  it('/offender, /responder and /digest answer privately; /digest only for the lead role', async () => {
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/19', category: 'hate' });
    expect(await discord.run('ben', 'offender', { query: 'SomeTroll' })).toContain(
      '@SomeTroll on X (Twitter)',
    );
    expect(await discord.run('ben', 'responder', { mode: 'on', platforms: 'x instagram' })).toContain(
      "You're a responder on X (Twitter), Instagram.",
    );
    expect(await discord.run('ben', 'digest', {})).toContain('Only association leads can use /digest.');
    expect(await discord.run('lee', 'digest', { week: '2026-W47' })).toContain('Digest for 2026-W47');
  });

  it('refuses to start with a lead role that is @everyone (every member would lead) or not in the server', async () => {
    await expect(DiscordRig.start(ledger.db, { leadRole: GUILD })).rejects.toThrow(
      /DISCORD_LEAD_ROLE \(\d+\) is the server's @everyone role/,
    );
    await expect(DiscordRig.start(ledger.db, { leadRole: '1299999999999999999' })).rejects.toThrow(
      /DISCORD_LEAD_ROLE \(1299999999999999999\) is not a role of the server/,
    );
  });

  it('refuses to start when @everyone can view the incident channel', async () => {
    await expect(DiscordRig.start(ledger.db, { incidentChannelPublic: true })).rejects.toThrow(
      /DISCORD_INCIDENT_CHANNEL \(\d+\) can be viewed by @everyone/,
    );
  });
});

const GENERAL_CHANNEL = '1200000000000000021';

const contractRigs: DiscordRig[] = [];
afterAll(async () => {
  await Promise.all(contractRigs.map((rig) => rig.stop()));
});

/** The contract speaks in typed lines; a Discord member fills in the command's options instead. */
function optionsFor(command: string, text: string): Record<string, unknown> {
  const [first = '', second, ...rest] = text.trim().split(/\s+/);
  switch (command) {
    case 'flag': {
      // The same fields as the text syntax, as Discord's named options (it has no severity option).
      const parsed = parseFlagText(text, translator('en'));
      if (!parsed.ok) {
        // Text the syntax refuses is still sent as options, for Discord's own refusal to show.
        return {
          url: first,
          ...(second ? { category: second } : {}),
          ...(rest.length ? { note: rest.join(' ') } : {}),
        };
      }
      const { severity: _severity, ...options } = parsed.value;
      return Object.fromEntries(
        Object.entries(options).filter(([, value]) => value !== undefined && value !== ''),
      );
    }
    case 'offender':
      return { query: text.trim() };
    case 'digest':
      return text.trim() ? { week: text.trim() } : {};
    case 'responder':
      return {
        ...(first ? { mode: first } : {}),
        ...(second ? { platforms: [second, ...rest].join(' ') } : {}),
      };
    case 'correct': {
      // The same fields as typed: the incident, by:, same-as: and the reason.
      const parsed = parseCorrectText(text);
      return parsed.ok ? parsed.value : {};
    }
    default:
      return {};
  }
}

adapterContract('discord', async (db) => {
  const rig = await DiscordRig.start(db);
  contractRigs.push(rig);
  const who = (person: { name: string }) => person.name as Person;
  return {
    bot: rig.bot,
    async run(person, command, text) {
      return plainText(await rig.run(who(person), command, optionsFor(command, text)));
    },
    async fillFlagForm(person, fields) {
      const opened = await rig.command(who(person), 'flag', {});
      const modal = (await rig.callback(opened)).body as { data?: { custom_id?: string } };
      const submitted = await rig.submitForm(who(person), String(modal.data?.custom_id), { ...fields });
      return plainText(await rig.answer(submitted));
    },
    async pressCard(person, incidentId, action) {
      const card = await rig.firstCard();
      return plainText(
        await rig.answer(await rig.press(who(person), `sw:card:${action}:${incidentId}`, card.id)),
      );
    },
    async pressReply(person, actionId) {
      // Rally buttons sit on a direct message; the fake draws the message the button belongs to.
      const pressed = await rig.fake.interact({
        kind: 'button',
        customId: `sw:act:${actionId}`,
        userId: USERS[who(person)],
        channelId: GENERAL,
        messageId: '1500000000000000001',
      });
      return plainText(await rig.answer(pressed));
    },
    async directMessages(person) {
      return rig.directMessages(who(person)).map(plainText);
    },
    cardRedraws: async () => rig.cardEdits().map((call) => plainText(messageText(call.body))),
  };
});

describe('Discord: the weekly digest', () => {
  it('posts the digest with its chart attached to the leads channel, once a week', async () => {
    await discord.stop();
    discord = await DiscordRig.start(ledger.db, { leadsChannel: true });
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/61', category: 'hate' });
    const delivery = {
      ledger: createPgLedger(ledger.db.pool),
      settings: testSettings,
      cron: '0 9 * * 1',
      now: () => new Date('2026-11-23T15:05:00Z'),
      destinations: () => discord.bot.digestDestinations(),
      send: discord.bot.deliver,
    };
    expect(await sendDueDigests(delivery)).toEqual([`discord:${GUILD}:${LEADS_CHANNEL}`]);
    const [posted] = discord.fake.callsTo('POST', new RegExp(`^/channels/${LEADS_CHANNEL}/messages$`));
    const body = posted?.body as { payload_json?: unknown; files?: { name: string; size: number }[] };
    expect(messageText(body.payload_json)).toContain(
      'Digest for 2026-W47 (2026-11-16 to 2026-11-22): 1 incident.',
    );
    expect(body.files?.[0]?.name).toBe('shieldwall-2026-W47.png');
    expect(body.files?.[0]?.size).toBeGreaterThan(10_000);
    expect(await sendDueDigests(delivery)).toEqual([]);
  });
});

describe('Discord: evidence packs for leads', () => {
  it("attaches the pack to the lead's private answer", async () => {
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/71', category: 'threat' });
    const id = await discord.command('lee', 'export', { about: 'x:sometroll', format: 'json' });
    expect(await discord.answer(id)).toContain('The evidence pack about @SomeTroll on X (Twitter)');
    const edit = discord.fake.callbacksFor(id).find((call) => call.method === 'PATCH');
    const body = edit?.body as { files?: { name: string; size: number }[] };
    expect(body.files?.[0]?.name).toMatch(/^shieldwall-evidence-x-sometroll-.*\.json$/);
    expect(((await discord.callback(id)).body as CallbackBody).data?.flags).toBe(64);
  });
});

describe('Discord: screenshots', () => {
  it('downloads an attached screenshot and keeps it with its SHA-256; one over the limit is refused', async () => {
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const url = discord.fake.serveAttachment('1400000000000000009', 'shot.png', bytes);
    const flag = (size: number) =>
      discord.fake.interact({
        kind: 'command',
        name: 'flag',
        userId: USERS.ana,
        channelId: '1200000000000000021',
        options: [
          { name: 'url', type: 3, value: `https://x.com/SomeTroll/status/${size}` },
          { name: 'screenshots', type: 11, value: '1400000000000000009' },
        ],
        resolvedAttachments: {
          '1400000000000000009': { filename: 'shot.png', size, content_type: 'image/png', url },
        },
      });
    expect(await discord.answer(await flag(3000))).toContain('Recorded as SW-1');
    const stored = await ledger.db.pool.query(
      'SELECT sha256, octet_length(content) AS bytes FROM incident_files',
    );
    expect(stored.rows).toEqual([{ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: 3000 }]);
    expect(await discord.answer(await flag(12 * 1024 * 1024))).toContain(
      'A screenshot is 12.0 MB; the limit is 10 MB.',
    );
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });
});

describe('Discord: the member’s language', () => {
  it('answers in the language of the member’s Discord client, until they choose another with /language', async () => {
    discord.fake.setUserLocale(USERS.ana, 'fr');
    expect(await discord.run('ana', 'language')).toContain('Je vous parle en français.');
    expect(await discord.run('ben', 'language')).toContain('I speak to you in English.');

    // The adapter's own words follow the same language.
    const refused = await discord.run('ana', 'flag', {
      url: 'https://x.com/t/status/5',
      target: { user: USERS.out },
    });
    expect(refused).toContain(
      'Choisissez un collègue qui fait partie du canal des incidents : la personne attaquée doit être membre.',
    );
    await expectLedgerEmpty(ledger.db);

    // Her choice wins over her client's language.
    expect(await discord.run('ana', 'language', { language: 'en' })).toContain(
      'From now on I will speak to you in English.',
    );
    expect(await discord.run('ana', 'language')).toContain('I speak to you in English.');
  });

  it('answers someone outside the collective in the collective’s language, whatever their client says', async () => {
    discord.fake.setUserLocale(USERS.out, 'fr');
    expect(await discord.run('out', 'language')).toContain('Shieldwall is only for members');
  });
});
