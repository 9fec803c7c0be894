import { lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  localeOfLang,
  TerminalAdapter,
  type TerminalOptions,
} from '../../adapters/terminal/terminal-adapter.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { ENGLISH_WORDS, strayWords } from '../i18n/stop-words.ts';
import { capturingLogger, countRows, createTestBot } from '../support/core-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';
import { adapterContract } from './adapter-contract.ts';
import { TerminalRig } from './terminal-rig.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** Types lines into a real TerminalAdapter through its streams and returns everything it printed. */
async function session(
  lines: string[],
  log = capturingLogger('info'),
  database = db,
  locale?: string,
  banner: TerminalOptions['banner'] = 'Shieldwall test',
) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  const terminal = new TerminalAdapter({
    input,
    output,
    banner,
    ...(locale ? { locale } : {}),
  });
  await terminal.start(createTestBot(database, { log: log.log }));
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await terminal.closed;
  return { printed, logs: log.written() };
}

const terminals: TerminalRig[] = [];
afterAll(async () => {
  await Promise.all(terminals.splice(0).map((rig) => rig.stop()));
});

adapterContract('terminal', async (contractDb) => {
  const rig = await TerminalRig.start(contractDb);
  terminals.push(rig);
  // The terminal asks the form's questions one at a time; whatever the contract leaves out is left empty.
  const questions =
    createShieldwallRegistry()
      .find('flag')
      ?.options.filter((option) => option.kind !== 'files') ?? [];
  return {
    bot: rig.bot,
    run: (person, command, text) => rig.type(person, [`/${command} ${text}`]),
    fillFlagForm: (person, fields) => {
      const given = fields as unknown as Record<string, string>;
      // A question that only matters without another answer (where, without a link) is not asked then.
      const asked = questions.filter((q) => q.onlyWithout === undefined || !given[q.onlyWithout]);
      const answers = asked.map((q) => given[q.name] ?? '');
      // A wrong answer is asked again: the contract then leaves the form, which records nothing.
      return rig.type(person, ['/flag', ...answers, '/cancel']);
    },
    pressCard: (person, incidentId, action) => rig.type(person, [`/press card:${action}:${incidentId}`]),
    pressReply: (person, actionId) => rig.type(person, [`/press ${actionId}`]),
    directMessages: async (person) => rig.directMessages(person.name),
  };
});

describe('the terminal adapter, end to end through its streams', () => {
  it('/flag on its own asks one question at a time, re-asking only the answer that was wrong', async () => {
    const { printed } = await session([
      '/flag',
      'javascript:alert(1)',
      'https://www.instagram.com/p/DoxPost1/',
      '',
      'doxing',
      'they posted my home address',
      'document',
      'dr.chen',
      '',
      '',
      'yes',
    ]);
    expect(printed).toContain('Flag an attack. Answer each question, or type /cancel to stop.');
    expect(printed).toContain('? Link to the post or comment. No link? Where it happened: phone, complaint');
    // With a link given, where a link-less attack happened is not asked.
    expect(printed).not.toContain('Only when there is no link');
    expect(printed.match(/\? Link to the post or comment/g)).toHaveLength(2);
    expect(printed).toContain(
      'One of: threat (Violent threat), sexual (Sexual harassment), doxxing (Doxxing)',
    );
    expect(printed).toContain('You flagged this for dr.chen.');
    expect(printed).toMatch(/Recorded as SW-\d+: Doxxing, critical severity\./);
    const stored = await db.pool.query(
      `SELECT i.category, r.note, i.target_wants, i.target_id, r.anonymous FROM incidents i JOIN incident_reports r ON r.incident_id = i.id
       WHERE i.canonical_url = 'https://instagram.com/p/DoxPost1'`,
    );
    expect(stored.rows).toEqual([
      {
        category: 'doxxing',
        note: 'they posted my home address',
        target_wants: 'document',
        target_id: 'terminal:local:dr.chen',
        anonymous: true,
      },
    ]);
  });

  it('names the member at the keyboard to a colleague by a name, never as "you wants"', async () => {
    const post = 'https://x.com/NameTroll/status/61';
    const { printed } = await session([`/flag ${post} hate`, '/as alice', `/flag ${post}`]);
    const colleague = printed.slice(printed.indexOf('You are now alice'));
    expect(colleague).toContain('guest wants: Supportive replies and reports');
    expect(colleague).toContain('You flagged this for guest.');
    expect(printed).not.toContain('you wants');
    expect(printed).not.toContain('You flagged this for you');
  });

  it('takes "me" in a form as whoever is typing, and refuses a pronoun as a name', async () => {
    const { printed } = await session([
      '/as me',
      '/as dr.lee',
      '/flag',
      'https://x.com/NameTroll/status/62',
      '',
      'hate',
      '',
      '',
      'me',
      '',
      '',
      '',
    ]);
    expect(printed).toContain('Pick a name rather than "me" or "you"');
    expect(printed).toContain('You asked colleagues for: Supportive replies and reports');
    const stored = await db.pool.query(
      "SELECT target_id, target_name FROM incidents WHERE canonical_url = 'https://x.com/i/status/62'",
    );
    expect(stored.rows).toEqual([{ target_id: 'terminal:local:dr.lee', target_name: 'dr.lee' }]);
  });

  it('a form can be cancelled, and then nothing is recorded', async () => {
    const before = await countRows(db, 'incident_reports');
    const { printed } = await session(['/flag', 'https://x.com/someone/status/42', '/cancel']);
    expect(printed).toContain('Cancelled; nothing was recorded.');
    expect(await countRows(db, 'incident_reports')).toBe(before);
  });

  it('answers unknown commands, plain text and bad /as lines kindly', async () => {
    const { printed } = await session(['hello?', '/frobnicate', '/as', '/as two words here']);
    expect(printed).toContain('Commands start with a slash. Type /help to see them.');
    expect(printed).toContain("I don't know that command. Type /help");
    expect(printed.match(/Say \/as <name>/g)).toHaveLength(2);
  });

  it('shows escape sequences someone typed as harmless characters', async () => {
    const { printed } = await session(['/offender \u001b[2J\u001b]0;pwned\u0007']);
    expect(printed).not.toContain('\u001b');
    expect(printed).not.toContain('\u0007');
  });

  it('keeps the note and the link out of the logs at info level', async () => {
    const { logs } = await session(['/flag https://x.com/secretive/status/999 hate SENSITIVE-WORDING-42']);
    expect(logs).toContain('command handled');
    expect(logs).not.toContain('SENSITIVE-WORDING-42');
    expect(logs).not.toContain('secretive');
  });
});

describe('the terminal in French', () => {
  it('takes /language fr, then speaks French to that member, its own words too, and English to the others', async () => {
    const { printed } = await session([
      '/as amelie',
      '/language fr',
      '/language',
      'bonjour',
      '/help',
      '/flag',
      '/cancel',
      '/as',
      '/as moi',
      '/as bob',
      '/language',
    ]);
    expect(printed).toContain('Désormais, je vous parle en français.');
    expect(printed).toContain('Je vous parle en français.');
    expect(printed).toContain('Les commandes commencent par une barre oblique. Tapez /help pour les voir.');
    expect(printed).toContain('Répondez à chaque question, ou tapez /cancel pour arrêter.');
    expect(printed).toContain('Annulé ; rien n’a été enregistré.');
    expect(printed).toContain('Tapez /as <nom> pour agir comme un membre');
    expect(printed).toContain('Choisissez un nom plutôt que « moi » ou « vous »');
    // The terminal's own part of /help, in French with no English left in it.
    const help = printed.slice(printed.indexOf('Dans ce terminal'));
    const ownHelp = help.slice(0, help.lastIndexOf('\n', help.indexOf('Répondez à chaque question')));
    expect(ownHelp).toContain('/as <nom> agit comme un autre membre');
    expect(ownHelp).toContain('/quit (ou Ctrl-D) pour quitter ; tout reste dans le registre.');
    expect(strayWords(ownHelp, ENGLISH_WORDS)).toEqual([]);
    // Another member at the same keyboard keeps English.
    expect(printed).toContain('You are now bob, a member.');
    expect(printed.slice(printed.indexOf('You are now bob'))).toContain('I speak to you in English.');
  });

  it('speaks the language of LANG read at start-up, until the member chooses another', async () => {
    expect(localeOfLang('fr_CA.UTF-8')).toBe('fr-CA');
    expect(localeOfLang('en_US')).toBe('en-US');
    expect(localeOfLang('C.UTF-8')).toBeUndefined();
    expect(localeOfLang('POSIX')).toBeUndefined();
    expect(localeOfLang(undefined)).toBeUndefined();

    const { printed } = await session(
      ['/as claire', '/language', 'bonjour', '/language en', '/language'],
      capturingLogger('info'),
      db,
      localeOfLang('fr_CA.UTF-8'),
    );
    expect(printed).toContain('Vous êtes maintenant claire, membre.');
    expect(printed).toContain('Je vous parle en français.');
    expect(printed).toContain('Les commandes commencent par une barre oblique.');
    // Her choice wins over the terminal's locale.
    expect(printed).toContain('From now on I will speak to you in English.');
    expect(printed.slice(printed.indexOf('From now on'))).toContain('I speak to you in English.');
  });

  it('shows the start-up banner in the language of whoever types', async () => {
    const { printed } = await session(
      [],
      undefined,
      db,
      'fr-CA',
      (t) => `${t('terminal.banner_server')}\n${t('terminal.banner_how')}`,
    );
    expect(printed).toContain('Shieldwall fonctionne dans ce terminal ;');
    expect(printed).toContain('Vous êtes « guest », membre.');
    expect(strayWords(printed, ENGLISH_WORDS)).toEqual([]);
  });
});

describe('a rally in the terminal', () => {
  it('prints private messages with their buttons, and /press answers them', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const terminal = new TerminalAdapter({ input, output });
    const bot = createTestBot(db);
    await terminal.start(bot);
    const waitFor = (text: string) =>
      waitUntil(() => (printed.includes(text) ? true : undefined), 5000, text);
    for (const line of [
      '/as bob',
      '/responder on',
      '/as ana',
      '/flag https://x.com/SomeTroll/status/4242 hate',
    ]) {
      input.write(`${line}\n`);
    }
    await waitFor('Recorded as SW-');
    await bot.rally.deliverPending();
    expect(printed).toContain('✉ Private message to bob (/as bob to answer it):');
    const id = /rally:on-it:(\d+)/.exec(printed)?.[1];
    expect(printed).toContain(`/press rally:on-it:${id} (I'm on it)`);
    input.write(`/as bob\n/press rally:on-it:${id}\n`);
    await waitFor(`Thank you: you're on SW-${id}.`);
    input.end();
    await terminal.closed;
  });
});

describe('an evidence pack the terminal saves', () => {
  let folder: string;
  let before: string;
  beforeEach(async () => {
    before = process.cwd();
    folder = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-terminal-pack-'));
    process.chdir(folder);
  });
  afterEach(async () => {
    process.chdir(before);
    await rm(folder, { recursive: true, force: true });
  });

  it('is created anew and private, never over an earlier file nor through a link left in its place', async () => {
    const rig = await TerminalRig.start(db);
    terminals.push(rig);
    const flagged = await rig.type({ name: 'ana' }, ['/flag https://x.com/PackTroll/status/91 hate']);
    const reference = /Recorded as (SW-\d+)/.exec(flagged)?.[1];
    const lead = { name: 'lee', lead: true };
    const savedAs = (printed: string) => /Saved it as (\S+) in /.exec(printed)?.[1] ?? '';

    const first = savedAs(await rig.type(lead, [`/export ${reference} json`]));
    expect(first).toMatch(/\.json$/);
    expect((await stat(first)).mode & 0o777).toBe(0o600);
    // Someone swaps the pack for a link to a file of the lead's: the next export must not write through it.
    const elsewhere = path.join(folder, 'someone-elses-file.txt');
    await writeFile(elsewhere, 'keep me');
    await rm(first);
    await symlink(elsewhere, first);
    const second = savedAs(await rig.type(lead, [`/export ${reference} json`]));
    expect(second).toBe(first.replace(/\.json$/, '-2.json'));
    expect(await readFile(elsewhere, 'utf8')).toBe('keep me');
    expect((await lstat(first)).isSymbolicLink()).toBe(true);
    expect((await stat(second)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(second, 'utf8'))).toBeTruthy();
  });
});
