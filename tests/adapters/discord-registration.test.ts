import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discordCommandDefinitions } from '../../adapters/discord/discord-commands.ts';
import { registerDiscordCommands } from '../../adapters/discord/register-commands.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { commandsProblem } from '../fakes/discord-command-rules.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { ENGLISH_WORDS, strayWords } from '../i18n/stop-words.ts';
import { countRows } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { DiscordRig, GENERAL, USERS } from './discord-rig.ts';

type Localized = {
  name: string;
  description?: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: Localized[];
  choices?: Localized[];
};

const definitions = () => discordCommandDefinitions(createShieldwallRegistry()) as unknown as Localized[];

describe("Discord's registration, in English and French", () => {
  it('keeps English as the default: command names, option names and descriptions', () => {
    const flag = definitions().find((command) => command.name === 'flag');
    expect(flag?.description).toBe(
      'Flag an attack: the post is recorded in the ledger and you get what to do next.',
    );
    const url = flag?.options?.find((option) => option.name === 'url');
    expect(url?.description).toBe(
      'Link to the post or comment. No link? Where it happened: phone, complaint, dm:instagram…',
    );
    const category = flag?.options?.find((option) => option.name === 'category');
    expect(category?.choices?.find((choice) => choice.name === 'Violent threat')).toBeDefined();
  });

  it('gives every command and option a French description, and every option a French name, within Discord’s rules', () => {
    const all = definitions();
    expect(commandsProblem(all)).toBeUndefined();
    const problems: string[] = [];
    for (const command of all) {
      // Command names stay the keywords every message and the help name.
      expect(command.name_localizations, command.name).toBeUndefined();
      const french = command.description_localizations?.fr ?? '';
      if (french === '' || french === command.description) problems.push(`${command.name}: no French`);
      for (const word of strayWords(french, ENGLISH_WORDS)) problems.push(`${command.name}: "${word}"`);
      for (const option of command.options ?? []) {
        const where = `${command.name} ${option.name}`;
        const name = option.name_localizations?.fr ?? '';
        if (!/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(name)) problems.push(`${where}: French name "${name}"`);
        const description = option.description_localizations?.fr ?? '';
        if (description.length < 1 || description.length > 100) problems.push(`${where}: length`);
        for (const word of strayWords(description, ENGLISH_WORDS)) problems.push(`${where}: "${word}"`);
      }
    }
    expect(problems).toEqual([]);
    const flag = all.find((command) => command.name === 'flag');
    expect(flag?.description_localizations?.fr).toBe(
      'Signaler une attaque : la publication est consignée au registre et vous savez quoi faire ensuite.',
    );
    const category = flag?.options?.find((option) => option.name === 'category');
    expect(category?.name_localizations).toEqual({ fr: 'catégorie' });
    expect(category?.choices?.find((c) => c.name === 'Violent threat')?.name_localizations).toEqual({
      fr: 'Menace violente',
    });
    const channel = flag?.options?.find((option) => option.name === 'channel');
    expect(
      channel?.choices?.find((c) => c.name === 'Direct message on Instagram')?.name_localizations,
    ).toEqual({
      fr: 'Message privé sur Instagram',
    });
  });
});

describe('registering with Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('is accepted as Discord accepts it, localizations included', async () => {
    const registry = createShieldwallRegistry();
    const names = await registerDiscordCommands({
      token: 'test-token',
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      registry,
    });
    expect(names).toEqual(registry.commands.map((command) => command.name));
    const [put] = fake.callsTo('PUT', /\/commands$/);
    expect(JSON.stringify(put?.body)).toContain('"description_localizations":{"fr":');
  });

  it('is refused, as Discord refuses it, when a French description runs over 100 characters', async () => {
    const [flag] = definitions();
    const tooLong = { ...flag, description_localizations: { fr: 'é'.repeat(101) } };
    const response = await fetch(`${fake.apiUrl}/v10/applications/${fake.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: 'Bot test-token', 'content-type': 'application/json' },
      body: JSON.stringify([tooLong]),
    });
    expect(response.status).toBe(400);
  });
});

describe('a member whose Discord speaks French', () => {
  const ledger = useFreshLedger();
  let discord: DiscordRig;
  beforeEach(async () => {
    discord = await DiscordRig.start(ledger.db);
    await registerDiscordCommands({
      token: 'test-token',
      applicationId: discord.fake.applicationId,
      guildId: discord.fake.guildId,
      apiUrl: discord.fake.apiUrl,
      registry: createShieldwallRegistry(),
    });
  });
  afterEach(async () => {
    await discord.stop();
  });

  it('flags with the options named in French: they arrive under their English names', async () => {
    const id = await discord.fake.interact({
      kind: 'command',
      name: 'flag',
      userId: USERS.ana,
      channelId: GENERAL,
      locale: 'fr',
      options: [
        { name: 'lien', type: 3, value: 'https://x.com/SomeTroll/status/123' },
        { name: 'catégorie', type: 3, value: 'threat' },
        { name: 'propos', type: 3, value: 'je sais où vous travaillez' },
      ],
    });
    expect((await discord.callback(id)).body).toMatchObject({ type: 5 });
    await discord.answer(id);
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
    const stored = await ledger.db.pool.query('SELECT category FROM incidents');
    expect(stored.rows).toEqual([{ category: 'threat' }]);
  });

  it('gets the /flag form in French after /language fr', async () => {
    await discord.run('ana', 'language', { language: 'fr' });
    const id = await discord.command('ana', 'flag');
    const modal = (await discord.callback(id)).body as {
      data?: { title?: string; components?: { components: { label?: string; placeholder?: string }[] }[] };
    };
    expect(modal.data?.title).toBe('Signaler une attaque');
    const inputs = (modal.data?.components ?? []).flatMap((row) => row.components);
    expect(inputs.map((input) => input.label)).toContain('Type d’attaque');
    expect(inputs.map((input) => input.placeholder)).toContain(
      'Au choix : threat, sexual, doxxing, hate, complaint, impersonation, pileon, harassment',
    );
    const text = inputs.map((input) => `${input.label} ${input.placeholder}`).join('\n');
    expect(strayWords(`${modal.data?.title}\n${text}`, ENGLISH_WORDS)).toEqual([]);
  });
});
