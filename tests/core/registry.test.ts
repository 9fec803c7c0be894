import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CommandContext, CommandDefinition } from '../../src/core/command.ts';
import { CORRECT_USAGE } from '../../src/core/commands/correct-args.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import type { Ledger } from '../../src/core/ledger-port.ts';
import { createCommandRegistry } from '../../src/core/registry.ts';
import { runCommand } from '../../src/core/run-command.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { ENGLISH_WORDS, strayWords } from '../i18n/stop-words.ts';
import { testSettings } from '../support/core-harness.ts';

const command = (
  name: string,
  run: CommandDefinition['run'] = async () => ({ tone: 'info', title: 'ok', sections: [] }),
): CommandDefinition => ({
  name,
  summary: 'cmd.help.summary',
  usage: 'cmd.help.usage',
  examples: [],
  access: 'member',
  options: [],
  parseText: () => ({ ok: true, value: {} }),
  args: z.object({}),
  run,
});

const context = (isLead = false, language: 'en' | 'fr' = 'en'): CommandContext => ({
  actor: { id: 'test:local:a', name: 'a', isLead },
  delivery: { platform: 'test', id: '1' },
  now: new Date(),
  ledger: {} as Ledger,
  settings: testSettings,
  t: translator(language),
});

const logged: object[] = [];
const log = { info: () => undefined, error: (details: object) => void logged.push(details) };

describe('the command registry', () => {
  it('refuses two commands with one name', () => {
    expect(() => createCommandRegistry([command('flag'), command('flag')])).toThrow(/defined twice/);
  });

  it('generates help from the registry, showing lead commands only to leads', async () => {
    const registry = createShieldwallRegistry();
    const forMember = await runCommand(registry, { name: 'help', input: { text: '' } }, context(false), log);
    const headings = forMember.sections.map((s) => s.heading);
    expect(headings).toEqual([
      '/flag <post-url | where> [category] [!high|!critical] [by:<account>] [on:<date>] [note…]',
      '/offender <handle or link>',
      '/responder on|off [platforms…] · /responder pause|back · /responder quiet 22:00-07:00 [zone] · /responder cap 5',
      // The member who first flagged an incident may correct it too.
      CORRECT_USAGE,
      '/language en|fr',
      '/help',
    ]);
    const forLead = await runCommand(registry, { name: 'help', input: { text: '' } }, context(true), log);
    expect(forLead.sections.map((s) => s.heading)).toContain('/digest [week, like 2026-W47]');
  });

  it('lists each command with its summary and examples', async () => {
    const registry = createShieldwallRegistry();
    const help = await runCommand(registry, { name: 'help', input: { text: '' } }, context(false), log);
    expect(help.title).toBe(
      `Shieldwall for ${testSettings.collectiveName}: flag attacks, rally colleagues, and keep a shared record of offenders.`,
    );
    expect(help.sections[0]?.lines).toEqual([
      'Flag an attack: the post is recorded in the ledger and you get what to do next.',
      "e.g. /flag https://x.com/SomeTroll/status/123 threat he said he'd find me after my shift",
      'e.g. /flag https://www.instagram.com/p/Cx1yZ/ hate by:@racistguy',
      'e.g. /flag dm:instagram sexual by:@someone on:yesterday what they sent me',
      'e.g. /flag complaint by:"Jo Bloggs" on:2026-11-30 an anonymous complaint to my college',
    ]);
  });

  it('says help in French to a member who reads French, keeping commands and keywords as typed', async () => {
    const registry = createShieldwallRegistry();
    const help = await runCommand(registry, { name: 'help', input: { text: '' } }, context(true, 'fr'), log);
    expect(help.title).toBe(
      `Shieldwall pour ${testSettings.collectiveName} : signalez les attaques, mobilisez vos collègues et tenez un registre commun des agresseurs.`,
    );
    const headings = help.sections.map((s) => s.heading);
    expect(headings).toContain(
      '/flag <lien | lieu> [catégorie] [!high|!critical] [by:<compte>] [on:<date>] [note…]',
    );
    expect(headings).toContain('/digest [semaine, p. ex. 2026-W47]');
    expect(headings).toHaveLength(registry.commands.length);
    expect(help.sections[0]?.lines[0]).toBe(
      'Signaler une attaque : la publication est consignée au registre et vous savez quoi faire ensuite.',
    );
    expect(help.sections[0]?.lines[1]).toMatch(/^p\. ex\. \/flag https:\/\/x\.com\//);
    const text = [help.title, ...help.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
    expect(strayWords(text, ENGLISH_WORDS)).toEqual([]);
  });

  it("keeps the usage lines' English as the commands' own messages quote them", () => {
    expect(translator('en')('cmd.correct.usage')).toBe(CORRECT_USAGE);
    for (const command of createShieldwallRegistry().commands) {
      expect(translator('en')(command.usage)).toMatch(new RegExp(`^/${command.name}\\b`));
      expect(translator('fr')(command.usage)).toMatch(new RegExp(`^/${command.name}\\b`));
    }
  });

  it('turns an unexpected failure into a kind reply with an error id, and logs no message text', async () => {
    const registry = createCommandRegistry([
      command('boom', async () => {
        throw new Error('duplicate key value violates unique constraint: Key (note)=(private words)');
      }),
    ]);
    const reply = await runCommand(registry, { name: 'boom', input: { text: '' } }, context(), log);
    expect(reply.tone).toBe('error');
    expect(reply.title).toMatch(/Sorry, I couldn't finish that \(error [0-9a-f]{8}\)/);
    expect(JSON.stringify(logged)).not.toContain('private words');
  });
});
