import { request } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalAdapter } from '../../adapters/terminal/terminal-adapter.ts';
import {
  INCIDENTS as DISCORD_INCIDENTS,
  USERS as DISCORD_USERS,
  DiscordRig,
  GENERAL,
  messageText,
} from '../adapters/discord-rig.ts';
import { INCIDENTS, type Person, SECRET, SlackRig, TEAM, USERS } from '../adapters/slack-rig.ts';
import {
  blockActionPayload,
  signSlackRequest,
  slashCommandFields,
  uniqueTriggerId,
  viewSubmissionPayload,
} from '../fakes/fake-slack.ts';
import { capturingLogger, createTestBot } from '../support/core-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';
import {
  ACCEPTED_UNICODE,
  expectLedgerUnchanged,
  expectTablesIntact,
  freshPost,
  HUGE_NOTE,
  LONE_SURROGATES,
  LONE_SURROGATES_STORED,
  LONG_URL,
  ledgerCounts,
  livePings,
  MARKER,
  MEGABYTE_NOTE,
  MENTIONS,
  PING_HANDLE_POSTS,
  REFUSED_UNICODE,
  SQL_NOTES,
  storedNotes,
} from './bad-input-corpus.ts';

// One database for the file; each case compares the ledger's row counts before and after, so cases need not
// start from an empty ledger and the rigs are started once per platform.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** Nothing from the corpus reached the logs, and no command or request failed unexpectedly along the way. */
function expectCleanLogs(logs: string, adapterFailure: string): void {
  expect(logs).toContain('command handled');
  expect(logs).not.toContain(MARKER);
  expect(logs).not.toContain('DROP TABLE');
  expect(logs).not.toContain('"msg":"command failed"');
  expect(logs).not.toContain(adapterFailure);
}

/** Waits until the card of `post`'s incident is posted and saved: nothing more is written for it after that. */
async function cardKept(post: string): Promise<void> {
  const id = /status\/(\d+)/.exec(post)?.[1];
  let kept = false;
  await waitUntil(
    () => (kept ? true : undefined),
    5000,
    `the card of ${post}`,
    async () => {
      const { rows } = await db.pool.query(
        `SELECT 1 FROM incident_cards c JOIN incidents i ON i.id = c.incident_id
         WHERE i.canonical_url = $1 AND c.message_id IS NOT NULL`,
        [`https://x.com/i/status/${id}`],
      );
      kept = rows.length > 0;
    },
  );
}

// C0 controls, DEL and the bidirectional overrides and isolates: none may reach a screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const FORM = 'application/x-www-form-urlencoded';

describe('Slack over HTTP: bad requests and bad input', () => {
  let slack: SlackRig;
  beforeAll(async () => {
    slack = await SlackRig.start(db);
  });
  afterAll(async () => {
    await slack.stop();
  });

  async function send(rawBody: string, headers: Record<string, string>) {
    const response = await fetch(slack.eventsUrl, { method: 'POST', headers, body: rawBody });
    return { status: response.status, body: await response.text() };
  }
  function statusOnNewConnection(rawBody: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const sent = request(slack.eventsUrl, { method: 'POST', headers, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // The server may close while the body is still going out; the status already came back by then.
      sent.on('error', reject);
      sent.end(rawBody);
    });
  }
  const signed = (rawBody: string, contentType = FORM, timestamp?: number) =>
    send(rawBody, { 'content-type': contentType, ...signSlackRequest(SECRET, rawBody, timestamp) });
  function slashBody(text: string, command = '/flag', person: Person = 'ana', responseId = 'unused') {
    return new URLSearchParams(
      slashCommandFields({
        command,
        text,
        userId: USERS[person],
        teamId: TEAM,
        channelId: INCIDENTS,
        responseUrl: slack.fake.responseUrl(responseId),
      }),
    ).toString();
  }
  const interactive = (payload: object) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  function button(actionId: string, value: string, responseId: string) {
    return blockActionPayload({
      userId: USERS.ben,
      teamId: TEAM,
      channelId: INCIDENTS,
      messageTs: '1700000000.000100',
      actionId,
      value,
      responseUrl: slack.fake.responseUrl(responseId),
    }) as Record<string, unknown>;
  }
  function view(callbackId: string, values: Record<string, Record<string, object>>, metadata = '{}') {
    return viewSubmissionPayload({
      userId: USERS.ana,
      teamId: TEAM,
      callbackId,
      privateMetadata: metadata,
      values,
    }) as Record<string, unknown> & { view: Record<string, unknown> };
  }
  /** A /flag typed by a member, signed properly; resolves with the private answer. */
  const flag = (text: string, person: Person = 'ana') => slack.run(person, 'flag', text);

  it('refuses forged, stale, unsigned and tampered requests with 401; nothing reaches the ledger or Slack', async () => {
    const before = await ledgerCounts(db);
    const callsBefore = slack.fake.calls.length;
    const body = slashBody(`${freshPost()} hate ${MARKER} forged`, '/flag', 'ana', 'forged');
    const now = Math.floor(Date.now() / 1000);
    const good = signSlackRequest(SECRET, body, now);
    const hex = good['x-slack-signature'].slice(3);
    const cases: Record<string, Record<string, string>> = {
      'a signature of zeros': { ...good, 'x-slack-signature': `v0=${'0'.repeat(64)}` },
      'signed with another secret': signSlackRequest('not-the-secret', body, now),
      'a v1= signature': { ...good, 'x-slack-signature': `v1=${hex}` },
      'an empty signature': { ...good, 'x-slack-signature': '' },
      'no signature header': { 'x-slack-request-timestamp': String(now) },
      'no timestamp header': { 'x-slack-signature': good['x-slack-signature'] },
      'no headers at all': {},
      'a timestamp that is not a number': { ...good, 'x-slack-request-timestamp': 'yesterday' },
      // Slack's window is five minutes: a correctly signed request from six minutes ago is a replay.
      'a stale timestamp (6 minutes)': signSlackRequest(SECRET, body, now - 6 * 60),
      'the timestamp changed after signing': { ...good, 'x-slack-request-timestamp': String(now - 1) },
    };
    for (const [what, headers] of Object.entries(cases)) {
      const answer = await send(body, { 'content-type': FORM, ...headers });
      expect(answer.status, what).toBe(401);
      expect(answer.body, what).toBe('');
    }
    // The body swapped under a valid signature: another note, another post.
    const swapped = await send(slashBody(`${freshPost()} threat ${MARKER} swapped`), {
      'content-type': FORM,
      ...good,
    });
    expect(swapped.status).toBe(401);
    // A forged button press and a stale form submission are refused the same way.
    const press = interactive(button('sw_card_supported', '1', 'forged-press'));
    const forgedPress = await send(press, {
      'content-type': FORM,
      ...signSlackRequest('not-the-secret', press),
    });
    expect(forgedPress.status).toBe(401);
    const form = interactive(
      view('sw_form_flag', { url: { url: { type: 'plain_text_input', value: freshPost() } } }),
    );
    const forgedForm = await send(form, {
      'content-type': FORM,
      ...signSlackRequest(SECRET, form, now - 10 * 60),
    });
    expect(forgedForm.status).toBe(401);
    await expectLedgerUnchanged(db, before, 'after forged requests');
    expect(slack.fake.calls.length).toBe(callsBefore);
    expect(slack.fake.responseUrlPosts).toHaveLength(0);
  });

  it('answers malformed bodies with 400, and a body over 4 MB with 413, before any listener runs', async () => {
    const before = await ledgerCounts(db);
    const callsBefore = slack.fake.calls.length;
    const slash = slashBody(`${freshPost()} hate ${MARKER} wrong type`);
    const cases: [string, string, string, number][] = [
      [
        'broken JSON in payload=',
        `payload=${encodeURIComponent(`{"type":"block_actions","x":"${MARKER}`)}`,
        FORM,
        400,
      ],
      [
        'payload= that is not JSON at all',
        `payload=${encodeURIComponent(`${MARKER}-you-will-regret-it`)}`,
        FORM,
        400,
      ],
      ['a form body sent as text/plain', slash, 'text/plain', 400],
      ['a form body sent as JSON', slash, 'application/json', 400],
      ['a form content type with a charset', slash, `${FORM}; charset=utf-8`, 400],
      ['an empty JSON body', '', 'application/json', 400],
      [
        'a JSON body cut short',
        `{"type":"event_callback","event":{"text":"${MARKER}`,
        'application/json',
        400,
      ],
    ];
    for (const [what, body, contentType, status] of cases) {
      const answer = await signed(body, contentType);
      expect(answer.status, what).toBe(status);
    }
    // Bolt answers 413 before reading the rest, and drops the connection: sent on a connection of its own.
    const huge = `"${'z'.repeat(5 * 1024 * 1024)}"`;
    expect(
      await statusOnNewConnection(huge, {
        'content-type': 'application/json',
        ...signSlackRequest(SECRET, huge),
      }),
    ).toBe(413);
    await expectLedgerUnchanged(db, before, 'after malformed bodies');
    expect(slack.fake.calls.length).toBe(callsBefore);
  });

  it('leaves requests no listener takes unanswered (Bolt answers 404 after 3 s) and writes nothing', async () => {
    const before = await ledgerCounts(db);
    const { actions: _actions, ...noActions } = button('sw_card_supported', '1', 'no-actions');
    const unknownView = view('sw_form_launch_missiles!', {
      note: { note: { type: 'plain_text_input', value: `${MARKER} unknown view` } },
    });
    // Sent together, so the file waits Bolt's 3 s once. Slack only sends these for views this app does not
    // have (a stale manifest), or not at all.
    const answers = await Promise.all([
      signed(''),
      signed(interactive(noActions)),
      signed(interactive({ ...button('sw_card_supported', '1', 'x'), actions: [] })),
      signed(interactive(unknownView)),
      signed(JSON.stringify({ hello: MARKER }), 'application/json'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    await expectLedgerUnchanged(db, before, 'after unanswered requests');
  });

  it('answers a command this version does not have kindly, and writes nothing', async () => {
    const before = await ledgerCounts(db);
    const responseId = `unknown-command-${uniqueTriggerId()}`;
    const answer = await signed(
      slashBody(`${MARKER} unknown command`, '/launch-missiles', 'ana', responseId),
    );
    expect(answer.status).toBe(200);
    expect(await slack.privateReply(responseId)).toContain("I don't know that command. Type /shieldwall");
    await expectLedgerUnchanged(db, before, 'after an unknown command');
  });

  it('answers buttons it does not draw, and payloads of the wrong shape, kindly and without a crash', async () => {
    const before = await ledgerCounts(db);
    const unknown = "That button isn't one I know any more; nothing was changed.";
    const presses: [string, string, string][] = [
      ['sw_card_explode', '1', 'unknown card action'],
      ['launch_missiles', '1', 'an action id of another app'],
      ['sw_card_supported', '1; DROP TABLE incidents; --', 'a card button whose value is not an id'],
      ['sw_card_wording', '9'.repeat(40), 'a card button whose id is too long'],
      ['sw_act_0', 'rally:on-it:abc', 'a private-message button with a malformed action'],
      ['sw_act_0', 'rally:explode:1', 'a private-message button with an unknown action'],
    ];
    for (const [actionId, value, what] of presses) {
      const responseId = `shape-${uniqueTriggerId()}`;
      const answer = await signed(interactive(button(actionId, value, responseId)));
      expect(answer.status, what).toBe(200);
      expect(await slack.privateReply(responseId), what).toContain(unknown);
    }

    const formErrors = async (payload: object) => {
      const answer = await signed(interactive(payload));
      expect(answer.status).toBe(200);
      return (JSON.parse(answer.body) as { errors: Record<string, string> }).errors;
    };
    const stateless = view('sw_form_flag', {});
    delete stateless.view.state;
    expect((await formErrors(stateless)).url).toContain('Paste the link to the post');
    const wrongTypes = await formErrors(
      view('sw_form_flag', {
        url: { url: { type: 'plain_text_input', value: 42 as unknown as string } },
        note: { note: { type: 'plain_text_input', value: ['a', 'b'] as unknown as string } },
        category: { category: { type: 'static_select', selected_option: { value: 'nonsense' } } },
        anonymous: { anonymous: { type: 'checkboxes', selected_options: 'yes' as never } },
        screenshots: { screenshots: { type: 'file_input', files: [{ id: 7, size: 'big' }] } },
      }),
    );
    expect(Object.keys(wrongTypes).sort()).toEqual(['category', 'note', 'screenshots', 'url']);
    expect(
      (await formErrors(view('sw_resolve', {}, JSON.stringify({ incidentId: "1' OR 1=1 --" })))).outcome,
    ).toBe('Choose how it ended.');
    const outsider = view('sw_form_flag', { url: { url: { type: 'plain_text_input', value: freshPost() } } });
    outsider.user = { id: USERS.out, username: 'out', name: 'out', team_id: TEAM };
    expect((await formErrors(outsider)).url).toContain('only for members');

    // A payload Slack never sends (no user): Bolt fails inside its own routing, before any listener.
    const { user: _user, ...userless } = button('sw_card_supported', '1', 'userless');
    expect((await signed(interactive(userless))).status).toBe(500);
    await expectLedgerUnchanged(db, before, 'after payloads of the wrong shape');
  });

  it('refuses huge fields kindly: a 100 KB note, a 1 MB body, a 10,000-character link', async () => {
    const before = await ledgerCounts(db);
    expect(await flag(`${freshPost()} hate ${HUGE_NOTE}`)).toContain(
      `Your note is ${HUGE_NOTE.length} characters; please keep it under 2000.`,
    );
    const megabyte = slashBody(`${freshPost()} hate ${MEGABYTE_NOTE}`, '/flag', 'ana', 'megabyte');
    expect(megabyte.length).toBeGreaterThan(1024 * 1024);
    expect((await signed(megabyte)).status).toBe(200);
    expect(await slack.privateReply('megabyte')).toContain(`Your note is ${MEGABYTE_NOTE.length} characters`);
    expect(await flag(`${LONG_URL} hate`)).toContain('That link is too long to be a post address');
    expect(await slack.run('ben', 'offender', LONG_URL)).toContain('too long');
    const errors = JSON.parse(
      (
        await signed(
          interactive(
            view('sw_form_flag', {
              url: { url: { type: 'plain_text_input', value: LONG_URL } },
              note: { note: { type: 'plain_text_input', value: HUGE_NOTE } },
            }),
          ),
        )
      ).body,
    ) as { errors: Record<string, string> };
    expect(errors.errors.url).toContain('too long');
    expect(errors.errors.note).toContain('please keep it under 2000');
    await expectLedgerUnchanged(db, before, 'after huge fields');
  });

  it('refuses notes and links with control characters; stores joiners, combining marks and emoji as typed', async () => {
    for (const [what, note] of Object.entries(REFUSED_UNICODE)) {
      const before = await ledgerCounts(db);
      const reply = await flag(`${freshPost()} hate ${note}`);
      expect(reply, what).toContain('Your note contains invisible control characters');
      expect(reply, what).not.toMatch(CONTROL_CHARACTERS);
      await expectLedgerUnchanged(db, before, what);
    }
    const before = await ledgerCounts(db);
    expect(await flag(`https://x.com/Some\u0000Troll/status/${Date.now()} hate`)).toContain(
      'That link has hidden characters in it.',
    );
    expect(await slack.run('ben', 'offender', 'Some\u0000Troll')).toContain("doesn't look like a handle");
    expect(await slack.run('ben', 'responder', 'on x\u202einstagram')).toContain(
      "I don't know that platform",
    );
    expect(await slack.run('lee', 'digest', '2026-W47\u0000')).toContain('Give the week like 2026-W47');
    await expectLedgerUnchanged(db, before, 'after NUL and overrides in commands');

    for (const [what, note] of Object.entries(ACCEPTED_UNICODE)) {
      const post = freshPost();
      expect(await flag(`${post} hate ${note}`), what).toContain('Recorded as SW-');
      expect(await storedNotes(db, post), what).toEqual([note]);
      await cardKept(post);
    }
    // URL-encoded forms can't carry a lone surrogate; the JSON inside payload= can.
    const post = freshPost();
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('lone') });
    await signed(
      interactive(
        view(
          'sw_form_flag',
          {
            url: { url: { type: 'plain_text_input', value: post } },
            note: { note: { type: 'plain_text_input', value: LONE_SURROGATES } },
          },
          metadata,
        ),
      ),
    );
    expect(await slack.privateReply('lone')).toContain('Recorded as SW-');
    expect(await storedNotes(db, post)).toEqual([LONE_SURROGATES_STORED]);
    await cardKept(post);
  });

  it('stores SQL-looking notes verbatim, as parameters, and the tables stay', async () => {
    for (const note of SQL_NOTES) {
      const post = freshPost();
      expect(await flag(`${post} hate ${note}`), note).toContain('Recorded as SW-');
      expect(await storedNotes(db, post), note).toEqual([note]);
      await cardKept(post);
    }
    const before = await ledgerCounts(db);
    expect(await slack.run('ben', 'offender', "' OR 1=1 --")).toContain("doesn't look like a handle");
    expect(await slack.run('ben', 'offender', "x:a' OR '1'='1")).not.toContain('incidents against');
    expect(await slack.run('lee', 'digest', "'; DROP TABLE incidents; --")).toContain('Give the week like');
    await expectLedgerUnchanged(db, before, 'after SQL-looking queries');
    await expectTablesIntact(db);
  });

  it('shows mentions typed into a note, a link or a query as text: no ping reaches Slack', async () => {
    const note = `${MARKER} ${MENTIONS}`;
    const post = freshPost();
    const recorded = await flag(`${post} hate ${note}`);
    const id = /Recorded as SW-(\d+)/.exec(recorded)?.[1];
    expect(id).toBeDefined();
    expect(await storedNotes(db, post)).toEqual([note]);
    await cardKept(post);
    const pressed = await slack.press('ben', 'wording', Number(id));
    const shown = await slack.privateReply(pressed.responseId);
    expect(shown).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt;');
    expect(shown).toContain('＠everyone ＠here ＠channel &lt;@U123&gt; &lt;#C123&gt;');
    for (const prefix of PING_HANDLE_POSTS) {
      const handlePost = `${prefix}${Date.now()}${Math.floor(Math.random() * 1000)}`;
      expect(await flag(`${handlePost} hate`)).toContain('Recorded as SW-');
    }
    await slack.fake.waitForCalls('chat.postMessage', 3);
    await slack.run('ben', 'offender', MENTIONS);
    await slack.run('ben', 'offender', 'x:here');
    await slack.run('ben', 'responder', `on ${MENTIONS}`);
    await slack.run('lee', 'digest', '<!everyone>');
    const everything = JSON.stringify([
      ...slack.fake.calls.map((call) => call.body),
      ...slack.fake.responseUrlPosts.map((post) => post.body),
    ]);
    expect(everything).toContain('＠here');
    expect(livePings('slack', everything)).toEqual([]);
  });

  it('keeps the corpus out of the logs, failed nothing unexpectedly, and still flags afterwards', async () => {
    const post = freshPost();
    expect(await flag(`${post} harassment still here`)).toContain('Recorded as SW-');
    await cardKept(post);
    expectCleanLogs(slack.logs.written(), 'Slack request failed');
  });
});

describe('Slack in Socket Mode: bad envelopes and bad input', () => {
  let slack: SlackRig;
  beforeAll(async () => {
    slack = await SlackRig.start(db, { socketMode: true });
  });
  afterAll(async () => {
    await slack.stop();
  });

  const flag = (text: string) => slack.run('ana', 'flag', text);
  function button(actionId: string, value: string, responseId: string) {
    return blockActionPayload({
      userId: USERS.ben,
      teamId: TEAM,
      channelId: INCIDENTS,
      messageTs: '1700000000.000100',
      actionId,
      value,
      responseUrl: slack.fake.responseUrl(responseId),
    }) as Record<string, unknown>;
  }

  it('refuses huge fields, control characters and forged buttons; writes nothing', async () => {
    const before = await ledgerCounts(db);
    expect(await flag(`${freshPost()} hate ${HUGE_NOTE}`)).toContain('please keep it under 2000');
    expect(await flag(`${freshPost()} hate ${MEGABYTE_NOTE}`)).toContain('please keep it under 2000');
    expect(await flag(`${LONG_URL} hate`)).toContain('too long');
    for (const [what, note] of Object.entries(REFUSED_UNICODE))
      expect(await flag(`${freshPost()} hate ${note}`), what).toContain('invisible control characters');

    const ack = await slack.fake.socket.send('interactive', button('sw_card_explode', '1', 'socket-unknown'));
    expect(ack.envelope_id).toBeTruthy();
    expect(await slack.privateReply('socket-unknown')).toContain("That button isn't one I know any more");
    const stateless = viewSubmissionPayload({
      userId: USERS.ana,
      teamId: TEAM,
      callbackId: 'sw_form_flag',
      values: {},
    }) as { view: Record<string, unknown> };
    delete stateless.view.state;
    const formAck = await slack.fake.socket.send('interactive', stateless);
    expect(formAck.payload).toMatchObject({ response_action: 'errors' });
    // Envelopes no listener takes get no ack (Slack redelivers, then gives up); the connection stays up.
    const { actions: _actions, ...noActions } = button('sw_card_supported', '1', 'socket-none');
    await expect(slack.fake.socket.send('interactive', noActions, { timeoutMs: 300 })).rejects.toThrow(
      /no ack/,
    );
    await expectLedgerUnchanged(db, before, 'after bad envelopes');
  });

  it('stores SQL-looking and odd Unicode notes verbatim, shows mentions as text, and still flags', async () => {
    // The same text as over HTTP, through the other transport: one of each kind is enough here.
    const notes = [
      SQL_NOTES[0] ?? '',
      ACCEPTED_UNICODE['emoji ZWJ sequences and flags'] ?? '',
      ACCEPTED_UNICODE['combining marks (zalgo)'] ?? '',
      `${MARKER} ${MENTIONS}`,
    ];
    for (const note of notes) {
      const post = freshPost();
      expect(await flag(`${post} hate ${note}`), note).toContain('Recorded as SW-');
      expect(await storedNotes(db, post), note).toEqual([note]);
      await cardKept(post);
    }
    await expectTablesIntact(db);
    // The last note held the mentions: its wording, shown to a colleague, is where they would ping.
    const incidentId = /Recorded as SW-(\d+)/.exec(
      String(slack.fake.responseUrlPosts.at(-1)?.body.text),
    )?.[1];
    await slack.fake.socket.send(
      'interactive',
      button('sw_card_wording', String(incidentId), 'socket-wording'),
    );
    expect(await slack.privateReply('socket-wording')).toContain('&lt;!channel&gt; &lt;!here&gt;');
    const everything = JSON.stringify([
      ...slack.fake.calls.map((call) => call.body),
      ...slack.fake.responseUrlPosts.map((post) => post.body),
    ]);
    expect(everything).toContain('＠everyone');
    expect(livePings('slack', everything)).toEqual([]);
    const logs = slack.logs.written();
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain('"msg":"command failed"');
    const post = freshPost();
    expect(await flag(`${post} harassment still here`)).toContain('Recorded as SW-');
    await cardKept(post);
  });
});

describe('Discord: bad interactions and bad input', () => {
  let discord: DiscordRig;
  beforeAll(async () => {
    discord = await DiscordRig.start(db);
  });
  afterAll(async () => {
    await discord.stop();
  });

  type Option = { name: string; type: number; value: unknown };
  const STRING = 3;
  const command = (name: string, options: Option[], person: 'ana' | 'ben' | 'lee' = 'ana') =>
    discord.fake.interact({
      kind: 'command',
      name,
      userId: DISCORD_USERS[person],
      channelId: GENERAL,
      options,
    });
  const flag = (url: string, note?: unknown, noteType = STRING) =>
    command('flag', [
      { name: 'url', type: STRING, value: url },
      { name: 'category', type: STRING, value: 'hate' },
      ...(note === undefined ? [] : [{ name: 'note', type: noteType, value: note }]),
    ]);
  const shown = async (id: string) => discord.answer(id);

  it('refuses options that are missing, of the wrong type or not options at all; writes nothing', async () => {
    const before = await ledgerCounts(db);
    const cases: [string, Option[], string][] = [
      ['a url that is a number', [{ name: 'url', type: 4, value: 42 }], 'Paste the link to the post'],
      [
        'anonymous as a word',
        [
          { name: 'url', type: STRING, value: freshPost() },
          { name: 'anonymous', type: STRING, value: 'maybe' },
        ],
        'Answer yes to hide your name',
      ],
      [
        'a note that is a boolean',
        [
          { name: 'url', type: STRING, value: freshPost() },
          { name: 'note', type: 5, value: true },
        ],
        'expected string',
      ],
      [
        'a target that is a string, not a member',
        [
          { name: 'url', type: STRING, value: freshPost() },
          { name: 'target', type: STRING, value: '<@&987654321098765432>' },
        ],
        'expected object',
      ],
      [
        'a target nobody on the server is',
        [
          { name: 'url', type: STRING, value: freshPost() },
          { name: 'target', type: 6, value: '1399999999999999999' },
        ],
        'Pick a colleague who is in the incident channel',
      ],
      [
        'a category that is not one',
        [
          { name: 'url', type: STRING, value: freshPost() },
          { name: 'category', type: STRING, value: "hate'; DROP TABLE incidents; --" },
        ],
        'Choose one of these categories',
      ],
    ];
    for (const [what, options, refusal] of cases) {
      const answer = await shown(await command('flag', options));
      expect(answer, what).toContain(refusal);
      expect(answer, what).not.toContain('Recorded as');
    }
    expect(await shown(await command('offender', []))).toContain('Tell me which account');
    expect(await shown(await command('offender', [{ name: 'query', type: 4, value: 7 }]))).toContain(
      'Tell me which account',
    );
    expect(await shown(await command('launch-missiles', []))).toContain("I don't know that command.");
    await expectLedgerUnchanged(db, before, 'after wrong options');
  });

  it('answers buttons, menus and forms it does not draw kindly; writes nothing', async () => {
    const before = await ledgerCounts(db);
    const unknown = "That button isn't one I know any more; nothing was changed.";
    let messageId = 1_500_000_000_000_000_000n;
    const press = (customId: string) =>
      discord.fake.interact({
        kind: 'button',
        customId,
        userId: DISCORD_USERS.ben,
        channelId: DISCORD_INCIDENTS,
        messageId: String(++messageId),
      });
    for (const customId of [
      'sw:card:explode:1',
      'launch_missiles',
      '',
      'sw:card:wording:99999999999999999999',
      "sw:card:wording:1' OR 1=1 --",
      'sw:act:rally:explode:1',
    ])
      expect(await shown(await press(customId)), customId).toContain(unknown);
    expect(await shown(await press('sw:card:wording:999999'))).toContain("I can't find SW-999999");
    for (const [customId, values] of [
      ['sw:resolve:1', ['nonsense']],
      ['sw:resolve:abc', ['removed']],
      ['who-knows', ['removed']],
    ] as const) {
      const id = await discord.fake.interact({
        kind: 'select',
        customId,
        values: [...values],
        userId: DISCORD_USERS.ana,
        channelId: DISCORD_INCIDENTS,
        messageId: String(++messageId),
      });
      expect(await shown(id), customId).toContain(unknown);
    }
    for (const customId of ['sw:form:launch-missiles:1', 'garbage', 'sw:form:flag:abc']) {
      const id = await discord.submitForm('ana', customId, { url: freshPost(), note: `${MARKER} form` });
      expect(await shown(id), customId).toContain("That form isn't one I know any more");
    }
    const empty = await discord.submitForm('ana', 'sw:form:flag:123', {});
    expect(await shown(empty)).toContain(
      'Link to the abusive post (or where it happened): Paste the link to the post',
    );
    await expectLedgerUnchanged(db, before, 'after unknown custom ids');
  });

  it('refuses huge fields and control characters kindly; writes nothing', async () => {
    const before = await ledgerCounts(db);
    expect(await shown(await flag(freshPost(), HUGE_NOTE))).toContain('please keep it under 2000');
    expect(await shown(await flag(freshPost(), MEGABYTE_NOTE))).toContain(
      `Your note is ${MEGABYTE_NOTE.length} characters`,
    );
    expect(await shown(await flag(LONG_URL))).toContain('That link is too long');
    expect(
      await shown(await command('offender', [{ name: 'query', type: STRING, value: LONG_URL }])),
    ).toContain('too long');
    for (const [what, note] of Object.entries(REFUSED_UNICODE))
      expect(await shown(await flag(freshPost(), note)), what).toContain('invisible control characters');
    expect(await shown(await flag(`https://x.com/a\u0000b/status/${Date.now()}`))).toContain(
      'That link has hidden characters',
    );
    expect(
      await shown(await command('offender', [{ name: 'query', type: STRING, value: 'a\u0000b' }])),
    ).toContain("doesn't look like a handle");
    await expectLedgerUnchanged(db, before, 'after huge fields and control characters');
  });

  it('stores SQL-looking and odd Unicode notes verbatim (lone surrogates as U+FFFD)', async () => {
    const notes: [string, string][] = [
      ...SQL_NOTES.map((note): [string, string] => [note, note]),
      ...Object.values(ACCEPTED_UNICODE).map((note): [string, string] => [note, note]),
      [LONE_SURROGATES, LONE_SURROGATES_STORED],
    ];
    for (const [note, stored] of notes) {
      const post = freshPost();
      expect(await shown(await flag(post, note)), note).toContain('Recorded as SW-');
      expect(await storedNotes(db, post), note).toEqual([stored]);
      await cardKept(post);
    }
    await expectTablesIntact(db);
  });

  it('shows mentions as text, and every message goes out with no mentions allowed', async () => {
    const note = `${MARKER} ${MENTIONS}`;
    const post = freshPost();
    const recorded = await shown(await flag(post, note));
    const incidentId = /Recorded as SW-(\d+)/.exec(recorded)?.[1];
    await cardKept(post);
    const cardId = await discord.waitFor(
      () =>
        [...discord.fake.messages.entries()].find(
          ([, message]) =>
            message.channel_id === DISCORD_INCIDENTS &&
            JSON.stringify(message.components).includes(`sw:card:wording:${incidentId}"`),
        )?.[0],
    );
    const wording = await shown(await discord.press('ben', `sw:card:wording:${incidentId}`, String(cardId)));
    // The wording is shown in a code block, where Discord shows a mention as typed and pings nobody.
    expect(wording).toMatch(/```\n[\s\S]*<@&987654321098765432>[\s\S]*\n```/);
    expect(wording).toContain('＠everyone ＠here');
    for (const prefix of PING_HANDLE_POSTS)
      expect(await shown(await flag(`${prefix}${Date.now()}${Math.floor(Math.random() * 1000)}`))).toContain(
        'Recorded as SW-',
      );
    await shown(await command('offender', [{ name: 'query', type: STRING, value: MENTIONS }], 'ben'));
    await shown(await command('offender', [{ name: 'query', type: STRING, value: 'x:here' }], 'ben'));
    await shown(await command('responder', [{ name: 'mode', type: STRING, value: `on ${MENTIONS}` }], 'ben'));

    const sent = discord.fake.calls.filter((call) => ['POST', 'PATCH'].includes(call.method) && call.body);
    const messages = sent
      .map((call) => {
        const body = call.body as Record<string, unknown>;
        // Interaction callbacks carry the message in `data`; uploads in `payload_json`.
        return (body.data ?? body.payload_json ?? body) as Record<string, unknown>;
      })
      .filter((message) => 'embeds' in message || 'content' in message);
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) expect(message.allowed_mentions).toEqual({ parse: [] });
    const everything = messages.map((message) => messageText(message)).join('\n');
    expect(everything).toContain('＠everyone');
    expect(livePings('discord', everything)).toEqual([]);
  });

  it('keeps the corpus out of the logs, failed nothing unexpectedly, and still flags afterwards', async () => {
    const post = freshPost();
    expect(await shown(await flag(post))).toContain('Recorded as SW-');
    await cardKept(post);
    expectCleanLogs(discord.logs.written(), 'Discord interaction failed');
  });
});

describe('the terminal: bad lines', () => {
  const logs = capturingLogger('info');

  /** Types `lines` into a real TerminalAdapter and returns what it printed. */
  async function session(lines: string[]): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const terminal = new TerminalAdapter({ input, output });
    await terminal.start(createTestBot(db, { log: logs.log }));
    for (const line of lines) input.write(`${line}\n`);
    input.end();
    await terminal.closed;
    return printed;
  }

  it('refuses huge, hidden-character and malformed lines kindly, printing no control character', async () => {
    const refusals: [string, string][] = [
      [`/flag ${freshPost()} hate ${HUGE_NOTE}`, 'please keep it under 2000'],
      [`/flag ${freshPost()} hate ${MEGABYTE_NOTE}`, `Your note is ${MEGABYTE_NOTE.length} characters`],
      [`/flag ${LONG_URL} hate`, 'That link is too long'],
      ...Object.values(REFUSED_UNICODE).map((note): [string, string] => [
        `/flag ${freshPost()} hate ${note}`,
        'invisible control characters',
      ]),
      [`/flag https://x.com/a\u0000b/status/${Date.now()} hate`, 'That link has hidden characters'],
      ['/offender a\u0000b', "doesn't look like a handle"],
      [`/offender ${MENTIONS}`, "doesn't look like a handle"],
      ["/offender ' OR 1=1 --", "doesn't look like a handle"],
      ['/responder on \u202ex', "I don't know that platform"],
      ['/as \u202eadmin lead', 'A name is one word'],
      ['/as ana\u0000 lead', 'A name is one word'],
      ['/press rally:on-it:1\u0000', "That button isn't one I know any more"],
      ['/press card:wording:1; DROP TABLE incidents', "That button isn't one I know any more"],
      ['/\u0000', "I don't know that command"],
      ['\u001b[2J\u0000', 'Commands start with a slash'],
    ];
    for (const [line, refusal] of refusals) {
      const before = await ledgerCounts(db);
      const printed = await session([line]);
      expect(printed, line.slice(0, 60)).toContain(refusal);
      expect(printed, line.slice(0, 60)).not.toContain('Recorded as');
      expect(printed, line.slice(0, 60)).not.toMatch(CONTROL_CHARACTERS);
      await expectLedgerUnchanged(db, before, line.slice(0, 60));
    }
  });

  it('stores SQL-looking and odd Unicode notes verbatim, keeps them out of the logs, and still flags', async () => {
    const notes: [string, string][] = [
      ...SQL_NOTES.map((note): [string, string] => [note, note]),
      ...Object.values(ACCEPTED_UNICODE).map((note): [string, string] => [note, note]),
      // The terminal reads bytes: a lone surrogate arrives already replaced, as U+FFFD.
      [LONE_SURROGATES, LONE_SURROGATES_STORED],
    ];
    for (const [note, stored] of notes) {
      const post = freshPost();
      expect(await session([`/flag ${post} hate ${note}`]), note).toContain('Recorded as SW-');
      expect(await storedNotes(db, post), note).toEqual([stored]);
    }
    await expectTablesIntact(db);
    expect(await session([`/flag ${freshPost()} harassment still here`])).toContain('Recorded as SW-');
    const written = logs.written();
    expect(written).toContain('command handled');
    expect(written).not.toContain(MARKER);
    expect(written).not.toContain('"msg":"command failed"');
  });
});
