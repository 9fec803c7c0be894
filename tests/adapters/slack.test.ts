import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScreenshotBudget } from '../../adapters/screenshot-budget.ts';
import { MAX_NOTE_LENGTH, MAX_URL_LENGTH } from '../../src/core/commands/flag-args.ts';
import { createFlagLimiter, DEFAULT_MEMBER_LIMITS } from '../../src/core/limits/member-limits.ts';
import { sendDueDigests } from '../../src/jobs/weekly-digest.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { purgeResolvedBefore } from '../../src/ledger/purge-resolved.ts';
import { countRows, expectLedgerEmpty, resolveLongAgo, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { adapterContract } from './adapter-contract.ts';
import {
  INCIDENTS,
  LEADS_CHANNEL,
  messageText,
  type Person,
  plainText,
  SlackRig,
  TEAM,
  USERS,
} from './slack-rig.ts';

const ledger = useFreshLedger();
let slack: SlackRig;
beforeEach(async () => {
  slack = await SlackRig.start(ledger.db);
});
afterEach(async () => {
  await slack.stop();
});

const FLAG_FORM = 'sw_form_flag';
const input = (value: string) => ({ type: 'plain_text_input', value });
const select = (value: string) => ({ type: 'static_select', selected_option: { value } });

/** The flag modal's state as Slack sends it, with every field a person could fill in. */
function flagForm(fields: {
  url: string;
  category?: string;
  wants?: string;
  target?: string;
  targetPost?: string;
  note?: string;
  anonymous?: boolean;
  files?: object[];
}) {
  return {
    url: { url: input(fields.url) },
    category: {
      category: fields.category ? select(fields.category) : { type: 'static_select', selected_option: null },
    },
    wants: { wants: fields.wants ? select(fields.wants) : { type: 'static_select', selected_option: null } },
    target: { target: { type: 'users_select', selected_user: fields.target ?? null } },
    target_post: { target_post: { type: 'plain_text_input', value: fields.targetPost ?? null } },
    note: { note: { type: 'plain_text_input', value: fields.note ?? null } },
    anonymous: {
      anonymous: { type: 'checkboxes', selected_options: fields.anonymous ? [{ value: 'yes' }] : [] },
    },
    screenshots: { screenshots: { type: 'file_input', files: fields.files ?? [] } },
  };
}

async function flagAndWaitForCard(text: string, person: 'ana' | 'ben' = 'ana'): Promise<string> {
  const reply = await slack.run(person, 'flag', text);
  await slack.fake.waitForCalls('chat.postMessage');
  return reply;
}

describe('Slack: flagging', () => {
  it('flags at once from /flag <url> <category> <note>: a private answer, and a card without the wording', async () => {
    const { status, body, responseId } = await slack.slash(
      'ana',
      'flag',
      'https://x.com/SomeTroll/status/123 threat I know where you work',
    );
    expect(status).toBe(200);
    expect(body).toBe('');
    const reply = await slack.privateReply(responseId);
    expect(reply).toContain('Recorded as SW-1: Violent threat, critical severity.');
    expect(reply).toContain('Your safety first');
    const answered = slack.fake.responseUrlPosts.find((p) => p.id === responseId);
    expect(answered?.body.response_type).toBe('ephemeral');

    const [post] = await slack.fake.waitForCalls('chat.postMessage');
    expect(post?.body.channel).toBe(INCIDENTS);
    expect(post?.body.unfurl_links).toBe('false');
    const [card] = slack.cardPosts();
    expect(card).toContain('SW-1 · Violent threat · critical severity');
    expect(card).toContain('Flagged by Ana Reyes');
    expect(card).toContain("Reply with support on Ana Reyes's own recent posts");
    expect(card).toContain('Never reply to, quote or tag the attacker');
    expect(card).toContain('<https://help.x.com/en/rules-and-policies/abusive-behavior>');
    expect(card).not.toContain('I know where you work');
    expect(JSON.stringify(post?.body)).not.toContain('I know where you work');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });

  it('/flag on its own opens the form with every field, the reporter preselected as the person attacked', async () => {
    await slack.slash('ana', 'flag', '');
    const [open] = await slack.fake.waitForCalls('views.open');
    const view = open?.body.view as {
      callback_id: string;
      blocks: { block_id: string; element: { type: string; initial_user?: string; max_length?: number } }[];
    };
    expect(view.callback_id).toBe(FLAG_FORM);
    expect(view.blocks.map((b) => [b.block_id, b.element.type])).toEqual([
      ['url', 'plain_text_input'],
      ['by', 'plain_text_input'],
      ['category', 'static_select'],
      ['note', 'plain_text_input'],
      ['wants', 'static_select'],
      ['channel', 'static_select'],
      ['target', 'users_select'],
      ['target_post', 'plain_text_input'],
      ['when', 'plain_text_input'],
      ['anonymous', 'checkboxes'],
      ['screenshots', 'file_input'],
    ]);
    expect(view.blocks[6]?.element.initial_user).toBe(USERS.ana);
    // The fields hold what the command accepts, so nothing typed is refused after submission for its length.
    const limits = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.max_length]));
    expect(limits).toMatchObject({ url: MAX_URL_LENGTH, target_post: MAX_URL_LENGTH, note: MAX_NOTE_LENGTH });
    expect(await countRows(ledger.db, 'deliveries')).toBe(0);
  });

  it('a submitted form flags for a colleague, anonymously, with their post and screenshots', async () => {
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-1') });
    const answer = await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({
        url: 'https://www.instagram.com/p/DoxPost1/?igshid=abc',
        category: 'doxxing',
        wants: 'replies',
        target: USERS.ben,
        targetPost: 'https://www.instagram.com/p/BensPost/',
        note: 'posted his home address',
        anonymous: true,
        files: [{ id: 'F1', name: 'shot.png', mimetype: 'image/png', size: 2048 }],
      }),
      metadata,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    const reply = await slack.privateReply('modal-1');
    expect(reply).toContain('Recorded as SW-1: Doxxing, critical severity.');
    expect(reply).toContain('You flagged this for Ben Okafor.');
    await slack.fake.waitForCalls('chat.postMessage');
    const [card] = slack.cardPosts();
    expect(card).toContain('Flagged by a member');
    expect(card).not.toContain('Ana');
    expect(card).toContain('Attacked: Ben Okafor');
    // A colleague's flag waits for the person attacked to choose; nobody is asked to act before that.
    expect(card).toContain('Ben Okafor is being asked privately what they want');
    expect(card).not.toContain('I replied with support');
    expect(card).not.toContain('I reported it');
    expect(card).toContain('1 screenshot kept with the record.');
    const stored = await ledger.db.pool.query(
      `SELECT i.target_id, i.target_name, i.target_wants, r.anonymous, r.reporter_name, f.file_id
       FROM incidents i JOIN incident_reports r ON r.incident_id = i.id JOIN incident_files f ON f.incident_id = i.id`,
    );
    expect(stored.rows).toEqual([
      {
        target_id: `slack:${TEAM}:${USERS.ben}`,
        target_name: 'Ben Okafor',
        target_wants: 'replies',
        anonymous: true,
        reporter_name: 'Ana Reyes',
        file_id: 'F1',
      },
    ]);
  });

  it('answers wrong form fields inside the form and stores nothing', async () => {
    const answer = await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({
        url: 'javascript:alert(1)',
        targetPost: 'not a link',
        note: 'x'.repeat(2001),
        target: USERS.out,
      }),
      '{}',
    );
    const body = JSON.parse(answer.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['note', 'target', 'target_post', 'url']);
    expect(body.errors.url).toContain('Only web links');
    expect(body.errors.note).toContain('please keep it under 2000');
    expect(body.errors.target).toContain('Pick a colleague from the incident channel');
    await expectLedgerEmpty(ledger.db);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('Slack: flagging an attack with no link', () => {
  it("takes where it happened from the form's list, and points a missing link or place at the link field", async () => {
    const shown = plainText(
      await slack.fillFlagForm('ana', { channel: 'dm:instagram', by: '@Someone', note: 'what they sent' }),
    );
    expect(shown).toContain('Where: Direct message on Instagram · Attacker: @Someone (named by a member)');
    expect(shown).toContain('Block and report the sender on Instagram');
    const refused = await slack.submit('ana', FLAG_FORM, flagForm({ url: '', note: 'no link' }), '{}');
    const body = JSON.parse(refused.body) as { errors: Record<string, string> };
    expect(Object.keys(body.errors)).toEqual(['url']);
    expect(body.errors.url).toContain('say where it happened instead');
    const both = await slack.fillFlagForm('ana', { url: 'https://x.com/a/status/1', channel: 'phone' });
    expect(both).toContain('leave "where it happened" empty');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });
});

describe('Slack: the incident card', () => {
  it('counts support and reports on the card, once per person however often they click', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/7 harassment they called me a murderer');
    const first = await slack.press('ben', 'supported', 1);
    expect(first.status).toBe(200);
    expect(await slack.privateReply(first.responseId)).toContain('Your support is counted on SW-1');
    const again = await slack.press('ben', 'supported', 1);
    expect(await slack.privateReply(again.responseId)).toContain('You already told me that for SW-1');
    const report = await slack.press('lee', 'reported', 1);
    expect(await slack.privateReply(report.responseId)).toContain('Your report is counted');
    await slack.waitFor(() =>
      slack.cardUpdates().find((text) => text.includes('1 replied with support · 1 reported it')),
    );
    expect(await countRows(ledger.db, 'incident_actions')).toBe(2);
    const update = slack.fake.callsTo('chat.update').at(-1);
    expect(update?.body.channel).toBe(INCIDENTS);
    const card = await ledger.db.pool.query('SELECT message_id FROM incident_cards');
    expect(update?.body.ts).toBe(card.rows[0]?.message_id);
  });

  it('keeps the person attacked out of the replies', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/8 hate');
    const pressed = await slack.press('ana', 'supported', 1);
    expect(await slack.privateReply(pressed.responseId)).toContain('please stay out of the replies');
    expect(await countRows(ledger.db, 'incident_actions')).toBe(0);
  });

  it('shows the wording privately, behind a content warning, and names anonymous reporters only to leads', async () => {
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-w') });
    await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({ url: 'https://x.com/t/status/9', note: 'you should be shot', anonymous: true }),
      metadata,
    );
    await slack.fake.waitForCalls('chat.postMessage');
    const member = await slack.press('ben', 'wording', 1);
    const shown = await slack.privateReply(member.responseId);
    expect(shown).toContain('Content warning');
    expect(shown).toContain('you should be shot');
    expect(shown).not.toContain('Ana');
    const lead = await slack.press('lee', 'wording', 1);
    expect(await slack.privateReply(lead.responseId)).toContain('by Ana Reyes (anonymous to the channel)');
    const posted = slack.fake.responseUrlPosts.find((p) => p.id === member.responseId);
    expect(posted?.body.response_type).toBe('ephemeral');
  });

  it('shows four long reports in full, in as many section blocks as Slack needs, escaped', async () => {
    const url = 'https://x.com/t/status/2000';
    // `<`, `>` and `&` are escaped as entities, so 2,000 typed characters take far more than 3,000 in Block Kit.
    const notes = [1, 2, 3, 4].map((n) => {
      const end = ` Report ${n} ends here.`;
      return (
        `Report ${n}: <you> & <yours> & @channel `
          .repeat(60)
          .slice(0, 2000 - end.length)
          .trimEnd() + end
      );
    });
    await slack.run('ana', 'flag', `${url} ${notes[0]}`);
    for (const n of [2, 3, 4]) {
      await slack.bot.handle({
        actor: { id: `slack:${TEAM}:UCOL${n}`, name: `Colleague ${n}`, isLead: false },
        delivery: { platform: 'slack', id: `long-wording-${n}` },
        request: { name: 'flag', input: { options: { url, note: notes[n - 1] } } },
      });
    }
    const pressed = await slack.press('ben', 'wording', 1);
    const text = plainText(await slack.privateReply(pressed.responseId));
    // A report longer than one block continues in the next, under its heading marked (continued).
    // The wording sits in code blocks; their fences are not part of it.
    const shown = text
      .replace(/^Reported .* \(continued\)$/gm, '')
      .replace(/^```$/gm, '')
      .replace(/\s+/g, ' ');
    for (const note of notes)
      expect(shown).toContain(note.replace(/\s+/g, ' ').replaceAll('@channel', '＠channel'));
    expect(shown).not.toContain('Too long to show here');
    expect(text).toMatch(/^Reported .* \(continued\)$/m);
  });

  it('shows leads who flagged anonymously even when no wording was given', async () => {
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-anon') });
    await slack.submit(
      'ben',
      FLAG_FORM,
      flagForm({ url: 'https://x.com/t/status/31', anonymous: true }),
      metadata,
    );
    await slack.fake.waitForCalls('chat.postMessage');
    expect(await slack.privateReply((await slack.press('ana', 'wording', 1)).responseId)).not.toContain(
      'Ben',
    );
    const lead = await slack.privateReply((await slack.press('lee', 'wording', 1)).responseId);
    expect(lead).toContain('No wording was given for SW-1 yet.');
    expect(lead).toContain('Ben Okafor (anonymous to the channel)');
  });

  it('lets the person attacked resolve with an outcome, and refuses other members', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/10 pileon');
    const refused = await slack.press('ben', 'resolve', 1);
    expect(await slack.privateReply(refused.responseId)).toContain(
      'Only the person whose post was attacked, or a lead',
    );
    expect(slack.fake.callsTo('views.open')).toHaveLength(0);

    const pressed = await slack.press('ana', 'resolve', 1);
    const [open] = await slack.fake.waitForCalls('views.open');
    const view = open?.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('sw_resolve');
    const answer = await slack.submit(
      'ana',
      'sw_resolve',
      { outcome: { outcome: { type: 'radio_buttons', selected_option: { value: 'removed' } } } },
      view.private_metadata,
    );
    expect(answer.status).toBe(200);
    expect(await slack.privateReply(pressed.responseId)).toContain('SW-1 is resolved: Post removed.');
    await slack.waitFor(() => slack.cardUpdates().find((text) => text.includes('Resolved: SW-1')));
    const resolvedCard = slack.fake.callsTo('chat.update').at(-1)?.body;
    expect(JSON.stringify(resolvedCard)).not.toContain('sw_card_supported');
    const row = await ledger.db.pool.query('SELECT status, outcome, resolved_by FROM incidents');
    expect(row.rows).toEqual([
      { status: 'resolved', outcome: 'removed', resolved_by: `slack:${TEAM}:${USERS.ana}` },
    ]);
  });
});

describe('Slack: correcting an incident', () => {
  it('/correct on its own opens its form, with nobody preselected as the person attacked', async () => {
    await slack.slash('lee', 'correct', '');
    const [open] = await slack.fake.waitForCalls('views.open');
    const view = open?.body.view as {
      callback_id: string;
      submit: { text: string };
      blocks: { block_id: string; element: { type: string; initial_user?: string } }[];
    };
    expect(view.callback_id).toBe('sw_form_correct');
    expect(view.submit.text).toBe('Correct it');
    expect(view.blocks.map((b) => [b.block_id, b.element.type])).toEqual([
      ['incident', 'plain_text_input'],
      ['by', 'plain_text_input'],
      ['target', 'users_select'],
      ['same_as', 'plain_text_input'],
      ['reason', 'plain_text_input'],
    ]);
    expect(view.blocks[2]?.element.initial_user).toBeUndefined();
  });

  it('a lead changes who was attacked through the form; the card follows, and they are asked', async () => {
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/31 hate');
    await slack.fake.waitForCalls('chat.postMessage');
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('correct-1') });
    const text = (value: string | null) => ({ type: 'plain_text_input', value });
    await slack.submit(
      'lee',
      'sw_form_correct',
      {
        incident: { incident: text('SW-1') },
        by: { by: text(null) },
        target: { target: { type: 'users_select', selected_user: USERS.ben } },
        same_as: { same_as: text(null) },
        reason: { reason: text('Ben says it was a reply to his post') },
      },
      metadata,
    );
    const reply = await slack.privateReply('correct-1');
    expect(reply).toContain('Corrected SW-1.');
    expect(reply).toContain('They will be asked privately what they want before colleagues act.');
    expect(reply).not.toContain('Ben');
    await slack.waitFor(() => slack.cardUpdates().find((card) => card.includes('Attacked: Ben Okafor')));
    const stored = await ledger.db.pool.query('SELECT target_id, target_name, consent FROM incidents');
    expect(stored.rows).toEqual([
      { target_id: `slack:${TEAM}:${USERS.ben}`, target_name: 'Ben Okafor', consent: 'asked' },
    ]);
  });
});

describe('Slack: safety rules', () => {
  it('a redelivered command (same trigger, x-slack-retry-num) records nothing twice and posts one card', async () => {
    const triggerId = 'trigger-retried-1';
    const first = await slack.slash('ana', 'flag', 'https://x.com/SomeTroll/status/11 threat', { triggerId });
    await slack.privateReply(first.responseId);
    const retry = await slack.slash('ana', 'flag', 'https://x.com/SomeTroll/status/11 threat', {
      triggerId,
      retryNum: 1,
    });
    expect(await slack.privateReply(retry.responseId)).toContain('Already recorded as SW-1.');
    await slack.fake.waitForCalls('chat.postMessage');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
    expect(await countRows(ledger.db, 'incident_reports')).toBe(1);
    expect(await countRows(ledger.db, 'incident_cards')).toBe(1);
    expect(slack.cardPosts()).toHaveLength(1);
  });

  it('a member past the flag limit is answered kindly, and a redelivery of a recorded flag still gets its answer', async () => {
    const limited = await SlackRig.start(ledger.db, {
      flagLimiter: createFlagLimiter({ ...DEFAULT_MEMBER_LIMITS, flagsBurst: { points: 1, minutes: 10 } }),
    });
    try {
      const triggerId = 'trigger-limited-1';
      await limited.run('ana', 'flag', 'https://x.com/SomeTroll/status/12');
      const again = await limited.slash('ana', 'flag', 'https://x.com/SomeTroll/status/13', { triggerId });
      const answer = await limited.privateReply(again.responseId);
      expect(answer).toContain('This flag was not recorded');
      expect(answer).toContain('contact your leads directly');
      const retry = await limited.slash('ana', 'flag', 'https://x.com/SomeTroll/status/13', {
        triggerId,
        retryNum: 1,
      });
      expect(await limited.privateReply(retry.responseId)).toContain('This flag was not recorded');
      expect(await countRows(ledger.db, 'incidents')).toBe(1);
    } finally {
      await limited.stop();
    }
  });

  it('a form submitted twice (same view) records one report', async () => {
    const form = flagForm({ url: 'https://x.com/SomeTroll/status/22', category: 'hate' });
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-twice') });
    await slack.submit('ana', FLAG_FORM, form, metadata, 'VSAME');
    await slack.submit('ana', FLAG_FORM, form, metadata, 'VSAME');
    // The two answers may arrive in either order; one records, the other recognises the repeat.
    const answers = (await slack.fake.waitForResponseUrlPosts(2)).map((post) => String(post.body.text));
    expect(answers.sort()).toEqual([
      'Already recorded as SW-1.',
      'Recorded as SW-1: Hate / racist abuse, high severity.',
    ]);
    expect(await countRows(ledger.db, 'incident_reports')).toBe(1);
    expect(await countRows(ledger.db, 'deliveries')).toBe(1);
  });

  it('refuses forged and stale signatures with 401 and touches nothing', async () => {
    const startupCalls = slack.fake.calls.length;
    const forged = await slack.slash('ana', 'flag', 'https://x.com/a/status/12', {
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(forged.status).toBe(401);
    const stale = await slack.slash('ana', 'flag', 'https://x.com/a/status/12', {
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);
    await expectLedgerEmpty(ledger.db);
    expect(slack.fake.calls.length).toBe(startupCalls);
    expect(slack.fake.responseUrlPosts).toHaveLength(0);
  });

  it('refuses someone outside the incident channel politely, writing and showing nothing', async () => {
    for (const [command, text] of [
      ['flag', 'https://x.com/SomeTroll/status/13 threat'],
      ['offender', 'SomeTroll'],
      ['flag', ''],
    ] as const) {
      expect(await slack.run('out', command, text)).toContain(
        "Sorry, Shieldwall is only for members of the collective's private incident channel.",
      );
    }
    await slack.event({ type: 'app_home_opened', user: USERS.out, channel: 'DOUT', tab: 'home' });
    const [home] = await slack.fake.waitForCalls('views.publish');
    expect(JSON.stringify(home?.body.view)).toContain('only for members');
    await expectLedgerEmpty(ledger.db);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(slack.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('refuses a card button to someone outside the channel', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/14 hate the wording');
    const pressed = await slack.press('out', 'wording', 1);
    const shown = await slack.privateReply(pressed.responseId);
    expect(shown).toContain('only for members');
    expect(shown).not.toContain('the wording');
  });

  it('escapes mentions in everything people typed, so nobody is pinged', async () => {
    const pings = '<!channel> <!here> <!everyone> <@U0BOSS> <#C0GENERAL> @channel @here';
    await flagAndWaitForCard(`https://x.com/SomeTroll/status/15 hate ${pings}`);
    const pressed = await slack.press('ben', 'wording', 1);
    const shown = await slack.privateReply(pressed.responseId);
    expect(shown).toContain(
      '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U0BOSS&gt; &lt;#C0GENERAL&gt;',
    );
    expect(shown).toContain('＠channel ＠here');
    const everything = JSON.stringify([
      ...slack.fake.calls.map((c) => c.body),
      ...slack.fake.responseUrlPosts.map((p) => p.body),
    ]);
    expect(everything).not.toMatch(/<!(channel|here|everyone)|<@U0BOSS|<#C0GENERAL|(?<!＠)@channel/);
  });

  it('escapes a display name that holds a mention', async () => {
    const named = await SlackRig.start(ledger.db, { displayNames: { UBEN: '<!here> Ben @everyone' } });
    try {
      await named.run('ben', 'flag', 'https://x.com/SomeTroll/status/20 hate');
      await named.fake.waitForCalls('chat.postMessage');
      const [card] = named.cardPosts();
      expect(card).toContain('Flagged by &lt;!here&gt; Ben ＠everyone');
      expect(JSON.stringify(named.fake.callsTo('chat.postMessage'))).not.toMatch(/<!here|(?<!＠)@everyone/);
    } finally {
      await named.stop();
    }
  });

  it('waits out a 429 from Slack and still posts the card', async () => {
    slack.fake.rateLimit('chat.postMessage', 1, 1);
    await flagAndWaitForCard('https://x.com/SomeTroll/status/16 harassment');
    const attempts = slack.fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(attempts).toHaveLength(2);
    expect(slack.cardPosts()).toHaveLength(1);
  });

  it('keeps the wording and links out of the logs', async () => {
    await flagAndWaitForCard('https://x.com/secretive/status/17 hate SENSITIVE-WORDING-42');
    await slack.press('ben', 'wording', 1);
    const logs = slack.logs.written();
    expect(logs).toContain('command handled');
    expect(logs).not.toContain('SENSITIVE-WORDING-42');
    expect(logs).not.toContain('secretive');
    expect(logs).not.toContain('xoxb-test-token');
  });
});

/** Markup an attacker (or a display name, or a reason) could type to dress text up or hide a link. */
const MARKUP_CORPUS = [
  '[click me](https://evil.example)',
  '<https://evil.example|click>',
  'see https://evil.example/bare',
  '# HUGE',
  '-# tiny',
  '> quote',
  '&gt; quote as typed',
  '1. list',
  '*bold* _italic_ ~struck~ `code`',
  '```',
  'end ``` fence',
  '@everyone',
];

/** Slack mrkdwn outside code blocks (where it is active), and the code blocks' contents as shown. */
function splitCode(mrkdwn: string): { outside: string; code: string } {
  const code: string[] = [];
  const outside = mrkdwn.replace(/```\n?([\s\S]*?)```/g, (_, inside: string) => {
    code.push(inside);
    return '';
  });
  const shown = code.join('\n').replaceAll('\u200b', '');
  return { outside, code: shown.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') };
}

/** Each kind of mrkdwn left active in `mrkdwn` outside code, by name (the bot's own bold headings aside). */
function activeMrkdwn(mrkdwn: string): string[] {
  const outside = splitCode(mrkdwn)
    .outside.replace(/^(:[a-z_]+: )?\*[^*\n]+\*$/gm, '')
    .replace(/\*(Flagged by|Reported)[^*\n]*\*/g, '');
  const found: string[] = [];
  if (/<https?:[^>]*\|/.test(outside)) found.push('labelled link');
  if (/^\s*(&gt;|>|＞)/m.test(outside)) found.push('quote');
  if (/(^|[\s(])([*_~`])[^\s*_~`][^\n]*?\2(?=$|[\s.,)])/m.test(outside)) found.push('formatting');
  if (/(?<!＠)@everyone|<!/.test(outside)) found.push('broadcast');
  return found;
}

describe('Slack: markup people typed stays text', () => {
  it('shows the wording in a code block: no link, quote or formatting, and it cannot close the block', async () => {
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-markup') });
    await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({ url: 'https://x.com/t/status/40', note: MARKUP_CORPUS.join('\n') }),
      metadata,
    );
    await slack.fake.waitForCalls('chat.postMessage');
    for (const person of ['ben', 'lee'] as const) {
      const shown = await slack.privateReply((await slack.press(person, 'wording', 1)).responseId);
      const { outside, code } = splitCode(shown);
      expect(outside).toContain('Content warning');
      // Nothing of the wording is left where Slack would format it or link it.
      for (const word of ['evil.example', 'HUGE', 'quote', 'list', 'bold'])
        expect(outside).not.toContain(word);
      for (const line of MARKUP_CORPUS) expect(code).toContain(line.replace('@everyone', '＠everyone'));
      // Inside the block too, nothing Slack reads as a link: every `<` reached Slack as an entity.
      expect(shown).not.toMatch(/<https?:\/\/evil/);
      expect(activeMrkdwn(shown)).toEqual([]);
    }
  });

  it('shows a display name with markup as text on the card', async () => {
    const named = await SlackRig.start(ledger.db, {
      displayNames: { UBEN: '*Dr Evil* _now_ ~gone~ `code` <https://evil.example|click>' },
    });
    try {
      await named.run('ben', 'flag', 'https://x.com/SomeTroll/status/41 hate');
      await named.fake.waitForCalls('chat.postMessage');
      const [card = ''] = named.cardPosts();
      expect(card).toContain('Flagged by');
      expect(card).toContain('Dr Evil');
      expect(activeMrkdwn(card)).toEqual([]);
    } finally {
      await named.stop();
    }
  });

  it('shows a review reason with markup as text under /offender', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/42 hate');
    const reason = '*seen* _it_ ~twice~ <https://evil.example|click>';
    expect(await slack.run('lee', 'review', `x:sometroll confirm ${reason}`)).toContain('onfirmed');
    const record = await slack.run('lee', 'offender', 'x:sometroll');
    expect(record).toContain('seen');
    expect(activeMrkdwn(record)).toEqual([]);
  });
});

describe('Slack: App Home and other commands', () => {
  it('shows my incidents, my rally settings, and the week to a lead', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/18 threat');
    await slack.run('ana', 'responder', 'on x');
    await slack.event({ type: 'app_home_opened', user: USERS.ana, channel: 'DANA', tab: 'home' });
    const [anaHome] = await slack.fake.waitForCalls('views.publish');
    const anaText = JSON.stringify(anaHome?.body.view);
    expect(anaText).toContain('SW-1 · Violent threat · open · about you');
    expect(anaText).toContain('You are a responder on X (Twitter)');
    expect(anaText).not.toContain('This week, for leads');
    await slack.event({ type: 'app_home_opened', user: USERS.lee, channel: 'DLEE', tab: 'home' });
    const leeHome = (await slack.fake.waitForCalls('views.publish', 2))[1];
    expect(JSON.stringify(leeHome?.body.view)).toContain('This week, for leads');
  });

  it('/offender, /responder and /digest answer privately; /digest only for leads', async () => {
    await flagAndWaitForCard('https://x.com/SomeTroll/status/19 hate');
    expect(await slack.run('ben', 'offender', 'x.com/SomeTroll')).toContain('@SomeTroll on X (Twitter)');
    expect(await slack.run('ben', 'digest', '')).toContain('Only association leads can use /digest.');
    expect(await slack.run('lee', 'digest', '2026-W47')).toContain('Digest for 2026-W47');
    expect(await slack.run('ben', 'shieldwall', '')).toContain('/flag &lt;post-url | where&gt;');
  });

  it('lets a newly invited member in as soon as Slack says they joined', async () => {
    expect(await slack.run('out', 'responder', '')).toContain('only for members');
    slack.fake.setChannelMembers(INCIDENTS, [USERS.ana, USERS.ben, USERS.lee, USERS.out]);
    await slack.event({
      type: 'member_joined_channel',
      user: USERS.out,
      channel: INCIDENTS,
      channel_type: 'G',
      team: TEAM,
    });
    expect(await slack.run('out', 'responder', '')).toContain('You are not a responder.');
  });
});

describe('Slack: start-up and Socket Mode', () => {
  it('refuses to start when the incident channel is not private', async () => {
    await expect(SlackRig.start(ledger.db, { incidentChannelPrivate: false })).rejects.toThrow(
      /SLACK_INCIDENT_CHANNEL \(C0INCIDENT\) is not a private channel/,
    );
  });

  it('flags through Socket Mode: the envelope is acknowledged and the card posted', async () => {
    const socket = await SlackRig.start(ledger.db, { socketMode: true });
    try {
      const opened = socket.fake.callsTo('apps.connections.open');
      expect(opened[0]?.token).toBe('xapp-test-token');
      const reply = await socket.run('ben', 'flag', 'https://x.com/SomeTroll/status/21 sexual');
      expect(reply).toContain('Recorded as SW-1: Sexual harassment, high severity.');
      await socket.fake.waitForCalls('chat.postMessage');
      expect(socket.cardPosts()[0]).toContain('SW-1 · Sexual harassment');
      expect(socket.fake.socket.acks.length).toBeGreaterThan(0);
    } finally {
      await socket.stop();
    }
  });
});

adapterContract('slack', async (db) => {
  const rig = await SlackRig.start(db);
  contractRigs.push(rig);
  const people: Record<string, Person> = { ana: 'ana', ben: 'ben', lee: 'lee' };
  const who = (person: { name: string }) => {
    const found = people[person.name];
    if (!found) throw new Error(`no Slack user for ${person.name}`);
    return found;
  };
  return {
    bot: rig.bot,
    async run(person, command, text) {
      return plainText(await rig.run(who(person), command === 'help' ? 'shieldwall' : command, text));
    },
    fillFlagForm: async (person, fields) =>
      plainText(await rig.fillFlagForm(who(person), fields as unknown as Record<string, string>)),
    async pressCard(person, incidentId, action) {
      const { responseId } = await rig.press(who(person), action, incidentId);
      return plainText(await rig.privateReply(responseId));
    },
    pressReply: async (person, actionId) => plainText(await rig.pressReply(who(person), actionId)),
    directMessages: async (person) => rig.directMessages(who(person)).map(plainText),
    cardRedraws: async () => rig.cardUpdates().map(plainText),
  };
});
const contractRigs: SlackRig[] = [];
afterAll(async () => {
  await Promise.all(contractRigs.map((rig) => rig.stop()));
});

describe('Slack: the rally', () => {
  it('asks the colleague attacked first by direct message, then alerts responders; "I\'m on it" shows on the card', async () => {
    await slack.run('lee', 'responder', 'on');
    await slack.run('ana', 'responder', 'on');
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('rally-form') });
    await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({ url: 'https://x.com/SomeTroll/status/40', target: USERS.ben }),
      metadata,
    );
    await slack.privateReply('rally-form');
    await slack.bot.rally.deliverPending();
    const [question] = await slack.waitFor(() =>
      slack.directMessages('ben').length > 0 ? slack.directMessages('ben') : undefined,
    );
    expect(question).toContain('A colleague flagged an attack on your post');
    expect(question).toContain('Supportive replies and reports');
    expect(slack.directMessages('lee')).toEqual([]);

    expect(await slack.pressReply('lee', 'consent:both:1')).toContain(
      'Only the person whose post was attacked can choose',
    );
    expect(await slack.pressReply('ben', 'consent:both:1')).toContain('Colleagues are being asked for');
    await slack.bot.rally.deliverPending();
    const [alert] = slack.directMessages('lee');
    expect(alert).toContain('Ben Okafor needs colleagues: SW-1');
    expect(alert).toContain("I'm on it");
    // The reporter (ana) and the person attacked (ben) are never alerted.
    expect(slack.directMessages('ana')).toEqual([]);
    expect(slack.directMessages('ben')).toHaveLength(1);

    expect(await slack.pressReply('lee', 'rally:on-it:1')).toContain("you're on SW-1");
    await slack.waitFor(() => slack.cardUpdates().find((text) => text.includes('1 alerted · 1 on it')));
  });

  it('tells the leads at once, by direct message, when a threat is flagged', async () => {
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/41 threat');
    await slack.bot.rally.deliverPending();
    const [leadAlert] = slack.directMessages('lee');
    expect(leadAlert).toContain('Critical: SW-1, Violent threat on X (Twitter).');
  });

  it('redraws a purged incident’s alerts in the direct messages they went to, without the details', async () => {
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/42 threat');
    await slack.bot.rally.deliverPending();
    const [sent] = slack.fake.callsTo('chat.postMessage').filter((call) => call.body.channel === USERS.lee);
    expect(messageText(sent?.body ?? {})).toContain('SW-1');
    await resolveLongAgo(ledger.db);
    await purgeResolvedBefore(ledger.db.pool, new Date(), new Date());
    await slack.bot.redrawPurgedCards();

    const redrawn = slack.fake.callsTo('chat.update').filter((call) => call.body.channel === USERS.lee);
    expect(redrawn).toHaveLength(1);
    expect(redrawn[0]?.body.ts).toEqual(expect.stringMatching(/^\d+\.\d+$/));
    const text = messageText(redrawn[0]?.body ?? {});
    expect(text).toContain('This message was about an incident whose details were removed');
    expect(text).not.toMatch(/SW-1|SomeTroll|Ana|threat/i);
  });
});

describe('Slack: cards follow the rally between requests', () => {
  /** A second rig on a clock the test moves, with waves of one a minute apart and two minutes to answer. */
  async function rallyRig() {
    const clock = { now: new Date('2026-11-18T15:00:00Z') };
    const rig = await SlackRig.start(ledger.db, {
      now: () => clock.now,
      settings: {
        ...testSettings,
        rally: { ...testSettings.rally, waveSize: 1, waveGapMinutes: 1, consentMinutes: 2 },
      },
    });
    const later = async (minutes: number) => {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
      await rig.bot.rally.tick();
    };
    return { rig, later };
  }

  it('a second wave a minute later redraws the card with the new number alerted', async () => {
    const { rig, later } = await rallyRig();
    try {
      await rig.run('lee', 'responder', 'on');
      await rig.run('ben', 'responder', 'on');
      await rig.run('ana', 'flag', 'https://x.com/SomeTroll/status/42 harassment');
      await rig.waitFor(() => rig.cardPosts().find((text) => text.includes('1 alerted')));
      await later(1);
      const update = await rig.waitFor(() => rig.cardUpdates().find((text) => text.includes('2 alerted')));
      expect(update).toContain('SW-1');
      expect(rig.cardPosts()).toHaveLength(1);
    } finally {
      await rig.stop();
    }
  });

  it('a consent question nobody answers turns the card to documented only once its time is up', async () => {
    const { rig, later } = await rallyRig();
    try {
      const metadata = JSON.stringify({ responseUrl: rig.fake.responseUrl('expiring-form') });
      await rig.submit(
        'ana',
        FLAG_FORM,
        flagForm({ url: 'https://x.com/SomeTroll/status/43', target: USERS.ben }),
        metadata,
      );
      await rig.waitFor(() => rig.cardPosts().find((text) => text.includes('Waiting for Ben Okafor')));
      await later(2);
      const update = plainText(
        await rig.waitFor(() => rig.cardUpdates().find((text) => text.includes('Documented only'))),
      );
      expect(update).toContain("Ben Okafor didn't answer in time, so this stays documented only");
      expect(update).not.toContain('Waiting for');
      expect(rig.cardPosts()).toHaveLength(1);
    } finally {
      await rig.stop();
    }
  });
});

describe('Slack: the weekly digest', () => {
  it('posts the digest and its chart to the leads channel, once a week', async () => {
    const leads = await SlackRig.start(ledger.db, { leadsChannel: true });
    try {
      await leads.run('ana', 'flag', 'https://x.com/SomeTroll/status/60 hate');
      const delivery = {
        ledger: createPgLedger(ledger.db.pool),
        settings: testSettings,
        cron: '0 9 * * 1',
        now: () => new Date('2026-11-23T15:05:00Z'),
        destinations: () => leads.bot.digestDestinations(),
        send: leads.bot.deliver,
      };
      expect(await sendDueDigests(delivery)).toEqual([`slack:${TEAM}:${LEADS_CHANNEL}`]);
      const posted = leads.fake
        .callsTo('chat.postMessage')
        .find((call) => call.body.channel === LEADS_CHANNEL);
      expect(messageText(posted?.body ?? {})).toContain(
        'Digest for 2026-W47 (2026-11-16 to 2026-11-22): 1 incident.',
      );
      expect(leads.fake.uploads).toHaveLength(1);
      expect(leads.fake.uploads[0]?.bytes).toBeGreaterThan(10_000);
      const [completed] = leads.fake.callsTo('files.completeUploadExternal');
      expect(completed?.body.channel_id).toBe(LEADS_CHANNEL);
      expect(await sendDueDigests(delivery)).toEqual([]);
    } finally {
      await leads.stop();
    }
  });
});

describe('Slack: evidence packs for leads', () => {
  it('sends a lead the pack privately as a file, and refuses members', async () => {
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/70 threat I will find you');
    expect(await slack.run('ben', 'export', 'SW-1')).toContain('Only association leads can use /export.');
    const reply = await slack.run('lee', 'export', 'SW-1 pdf');
    expect(reply).toContain(
      'The evidence pack about incident SW-1 (1 incident, PDF) is on its way to you privately.',
    );
    expect(reply).toMatch(/SHA-256 [0-9a-f]{64}/);
    const [opened] = await slack.fake.waitForCalls('conversations.open');
    expect(opened?.body.users).toBe(USERS.lee);
    const [completed] = await slack.fake.waitForCalls('files.completeUploadExternal');
    expect(completed?.body.channel_id).toBe(`D${USERS.lee}`);
    expect(slack.fake.uploads[0]?.bytes).toBeGreaterThan(1000);
    expect(slack.cardPosts().join('\n')).not.toContain('evidence pack');
  });
});

describe('Slack: screenshots', () => {
  it('downloads an attached screenshot with the bot token, keeps it with its SHA-256, and refuses one over the limit', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => i % 251);
    const url = slack.fake.serveFile('F0SHOT', 'shot.png', bytes);
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('shots') });
    await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({
        url: 'https://x.com/SomeTroll/status/80',
        files: [
          { id: 'F0SHOT', name: 'shot.png', mimetype: 'image/png', size: 5000, url_private_download: url },
          {
            id: 'F0AWAY',
            name: 'elsewhere.png',
            size: 10,
            url_private_download: 'https://example.org/steal-token',
          },
        ],
      }),
      metadata,
    );
    await slack.privateReply('shots');
    expect(slack.fake.fileDownloads).toEqual([
      { path: '/files-pri/F0SHOT/shot.png', authorization: 'Bearer xoxb-test-token' },
    ]);
    const stored = await ledger.db.pool.query(
      'SELECT file_id, sha256, octet_length(content) AS bytes FROM incident_files ORDER BY file_id',
    );
    expect(stored.rows).toEqual([
      { file_id: 'F0AWAY', sha256: null, bytes: null },
      { file_id: 'F0SHOT', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: 5000 },
    ]);

    const tooBig = await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({
        url: 'https://x.com/SomeTroll/status/81',
        files: [{ id: 'F0HUGE', name: 'huge.png', size: 11 * 1024 * 1024, url_private_download: url }],
      }),
      '{}',
    );
    const errors = JSON.parse(tooBig.body) as { errors: Record<string, string> };
    expect(errors.errors.screenshots).toContain('A screenshot is 11.0 MB; the limit is 10 MB.');
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });

  it('holds no more screenshot bytes at once than its budget: one past it is not fetched, the flag is recorded and the member told', async () => {
    const budget = new ScreenshotBudget(8000);
    const tight = await SlackRig.start(ledger.db, { screenshotBudget: budget });
    try {
      const bytes = new Uint8Array(5000).map((_, i) => i % 251);
      const first = tight.fake.serveFile('F0ONE', 'one.png', bytes);
      const second = tight.fake.serveFile('F0TWO', 'two.png', bytes);
      const shot = (id: string, url: string) => ({
        id,
        name: `${id}.png`,
        size: 5000,
        url_private_download: url,
      });
      await tight.submit(
        'ana',
        FLAG_FORM,
        flagForm({
          url: 'https://x.com/SomeTroll/status/90',
          files: [shot('F0ONE', first), shot('F0TWO', second)],
        }),
        JSON.stringify({ responseUrl: tight.fake.responseUrl('tight') }),
      );
      const reply = await tight.privateReply('tight');

      // 5,000 + 5,000 bytes would be over the 8,000 the process may hold: the second was never fetched.
      expect(tight.fake.fileDownloads.map((d) => d.path)).toEqual(['/files-pri/F0ONE/one.png']);
      expect(reply).toContain("I couldn't keep a copy of one of your screenshots just now");
      expect(reply).toContain('Please keep your own copy of it.');
      const stored = await ledger.db.pool.query(
        'SELECT file_id, octet_length(content) AS bytes FROM incident_files ORDER BY file_id',
      );
      expect(stored.rows).toEqual([
        { file_id: 'F0ONE', bytes: 5000 },
        { file_id: 'F0TWO', bytes: null },
      ]);

      // Once that flag was answered, its bytes were given back: the next screenshot fits again.
      await expect.poll(() => budget.heldBytes).toBe(0);
      await tight.submit(
        'ana',
        FLAG_FORM,
        flagForm({ url: 'https://x.com/SomeTroll/status/91', files: [shot('F0TWO', second)] }),
        JSON.stringify({ responseUrl: tight.fake.responseUrl('roomy') }),
      );
      expect(await tight.privateReply('roomy')).not.toContain("couldn't keep a copy");
      expect(tight.fake.fileDownloads.map((d) => d.path)).toContain('/files-pri/F0TWO/two.png');
    } finally {
      await tight.stop();
    }
  });
});

describe('Slack: the member’s language', () => {
  it('answers in the language Slack reports for the member (users.info), until they choose another', async () => {
    slack.fake.setUserLocale(USERS.ana, 'fr-FR');
    expect(plainText(await slack.run('ana', 'language', ''))).toContain('Je vous parle en français.');
    expect(plainText(await slack.run('ben', 'language', ''))).toContain('I speak to you in English.');
    // The locale comes with the name, in the one users.info call per member.
    const lookups = slack.fake.callsTo('users.info').filter((call) => call.body.user === USERS.ana);
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.body.include_locale).toBe('true');

    // The adapter's own words follow the same language.
    const answer = await slack.submit(
      'ana',
      FLAG_FORM,
      flagForm({ url: 'https://x.com/t/status/5', target: USERS.out }),
      '{}',
    );
    const body = JSON.parse(answer.body) as { errors: Record<string, string> };
    expect(body.errors.target).toBe(
      'Choisissez un collègue du canal des incidents : la personne attaquée doit être membre.',
    );
    await expectLedgerEmpty(ledger.db);

    // Her choice wins over her Slack's language.
    expect(plainText(await slack.run('ana', 'language', 'en'))).toContain(
      'From now on I will speak to you in English.',
    );
    expect(plainText(await slack.run('ana', 'language', ''))).toContain('I speak to you in English.');
  });

  it('a failing users.info costs only the name and the language, never the answer', async () => {
    slack.fake.setUserLocale(USERS.ana, 'fr-FR');
    slack.fake.fail('users.info', 1, 200);
    expect(plainText(await slack.run('ana', 'language', ''))).toContain('I speak to you in English.');
    // Not remembered: the next request asks Slack again, and speaks French.
    expect(plainText(await slack.run('ana', 'language', ''))).toContain('Je vous parle en français.');
  });
});
