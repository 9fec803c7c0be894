import {
  ActionRowBuilder,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';

const GUILD = '3000000000000000001';
const GENERAL = '3000000000000000010';
const MODS_ONLY = '3000000000000000011';
const MOD_ROLE = '3000000000000000020';
const ALICE = '3000000000000000100';
const BOB = '3000000000000000101';
const P = PermissionFlagsBits;

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake?.close();
  fake = undefined;
});

/** A fake guild with a moderators-only channel, and a logged-in real discord.js Client. */
async function start(
  onInteraction?: (interaction: Interaction) => Promise<void>,
  ws: ClientOptions['ws'] = {},
): Promise<[FakeDiscord, Client]> {
  fake = await FakeDiscord.start({
    guildId: GUILD,
    channels: {
      [GENERAL]: { name: 'general' },
      [MODS_ONLY]: {
        name: 'mods',
        permissionOverwrites: [
          { id: GUILD, type: 0, allow: '0', deny: String(P.ViewChannel) },
          { id: MOD_ROLE, type: 0, allow: String(P.ViewChannel), deny: '0' },
        ],
      },
    },
    roles: { [MOD_ROLE]: { name: 'moderator', permissions: String(P.ManageMessages | P.KickMembers) } },
    members: {
      [ALICE]: { username: 'alice', globalName: 'Alice', roles: [MOD_ROLE] },
      [BOB]: { username: 'bob', roles: [] },
    },
  });
  const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, ws });
  client = bot;
  if (onInteraction) bot.on(Events.InteractionCreate, (i) => void onInteraction(i).catch(() => {}));
  const ready = new Promise<void>((resolve) => bot.once(Events.ClientReady, () => resolve()));
  // Not 'bot-token': Client#login strips a leading /^(Bot|Bearer)\s*/i, so that would arrive as 'Bot -token'.
  await bot.login('test-token');
  await ready;
  return [fake, bot];
}

describe('FakeDiscord with a real discord.js Client', () => {
  it('serves gateway/bot, IDENTIFY → READY + GUILD_CREATE, and discord.js caches the guild', async () => {
    const [discord, bot] = await start();

    const [gatewayCall] = discord.callsTo('GET', /^\/gateway\/bot$/);
    expect(gatewayCall?.authorization).toBe('Bot test-token');
    expect(discord.identifies).toBe(1);
    expect(discord.gateway.identifyPayloads[0]).toMatchObject({ token: 'test-token', intents: 1 });
    const guild = bot.guilds.cache.get(GUILD);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(GENERAL)?.name).toBe('general');
    expect(guild?.roles.everyone.id).toBe(GUILD);
    expect(guild?.roles.cache.get(MOD_ROLE)?.name).toBe('moderator');
    expect(guild?.members.cache.get(ALICE)?.user.globalName).toBe('Alice');
    expect(guild?.members.me?.id).toBe(discord.botUserId);
    const mods = guild?.channels.cache.get(MODS_ONLY);
    expect(mods?.permissionsFor(ALICE)?.has(P.ViewChannel)).toBe(true);
    expect(mods?.permissionsFor(BOB)?.has(P.ViewChannel)).toBe(false);
    expect(guild?.members.cache.get(ALICE)?.permissions.has(P.KickMembers)).toBe(true);
  });

  it('records an ephemeral reply to a slash command as callback type 4 with flags 64', async () => {
    let seen: ChatInputCommandInteraction | undefined;
    const [discord] = await start(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = interaction;
      await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
    });

    const id = await discord.interact({
      kind: 'command',
      name: 'ping',
      options: [{ name: 'target', type: 6, value: BOB }],
      userId: ALICE,
      channelId: MODS_ONLY,
    });

    const callback = await discord.waitForCallback(id);
    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: 'pong', flags: 64 }) });
    expect(callback).toMatchObject({ status: 204, query: { with_response: 'false' } });
    expect(callback.authorization).toBeUndefined();
    expect(seen?.options.getUser('target')?.username).toBe('bob');
    expect(seen?.memberPermissions?.has(P.ViewChannel | P.ManageMessages)).toBe(true);
    expect(seen?.channel?.id).toBe(MODS_ONLY);
  });

  it('answers withResponse, deferReply + editReply + followUp, and 40060 for a second acknowledgement', async () => {
    const results: unknown[] = [];
    const [discord] = await start(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      if (interaction.commandName === 'with-response') {
        try {
          const response = await interaction.reply({ content: 'hi', withResponse: true });
          results.push(response.resource?.message?.content);
        } catch (error) {
          results.push(error);
        }
        return;
      }
      await interaction.deferReply();
      const edited = await interaction.editReply('done');
      const followUp = await interaction.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
      results.push(edited.content, followUp.content, followUp.flags.has(MessageFlags.Ephemeral));
    });

    const first = await discord.interact({
      kind: 'command',
      name: 'with-response',
      userId: BOB,
      channelId: GENERAL,
    });
    await expect.poll(() => results.length).toBe(1);
    expect(results[0]).toBe('hi');
    expect(discord.callbacksFor(first)[0]).toMatchObject({ status: 200, query: { with_response: 'true' } });
    // A redelivered interaction (same id and token) that the app acknowledges again gets Discord's 40060.
    await discord.interact({
      kind: 'command',
      name: 'with-response',
      userId: BOB,
      channelId: GENERAL,
      id: first,
    });
    await expect.poll(() => results.length).toBe(2);
    expect(results[1]).toBeInstanceOf(DiscordAPIError);
    expect((results[1] as DiscordAPIError).code).toBe(40060);

    const second = await discord.interact({
      kind: 'command',
      name: 'defer',
      userId: BOB,
      channelId: GENERAL,
    });
    await expect.poll(() => results.length).toBe(5);
    expect(results.slice(2)).toEqual(['done', 'more', true]);
    const calls = discord
      .callbacksFor(second)
      .map((c) => `${c.method} ${c.path.replace(/\/[^/]+(\/callback)?$/, '')}`);
    expect(calls).toEqual([
      `POST /interactions/${second}`,
      expect.stringMatching(/^PATCH \/webhooks\/\d+\/[^/]+\/messages$/),
      `POST /webhooks/${discord.applicationId}`,
    ]);
    expect(discord.callbacksFor(second)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(discord.callbacksFor(second)[2]?.query).toEqual({ wait: 'true' });
  });

  it('records update() and deferUpdate() for buttons, and showModal() for a command', async () => {
    const [discord, bot] = await start(async (interaction) => {
      if (interaction.isButton() && interaction.customId === 'approve')
        await interaction.update({ content: 'ok' });
      if (interaction.isButton() && interaction.customId === 'later') {
        await interaction.deferUpdate();
        await interaction.editReply({ content: 'decided later', components: [] });
      }
      if (interaction.isChatInputCommand()) {
        const input = new TextInputBuilder().setCustomId('x').setLabel('X').setStyle(TextInputStyle.Short);
        const modal = new ModalBuilder().setCustomId('report').setTitle('Report');
        await interaction.showModal(
          modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
        );
      }
    });
    const channel = bot.channels.cache.get(GENERAL);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const sent = await channel.send({ content: 'vote', allowedMentions: { parse: [] } });

    const update = await discord.interact({
      kind: 'button',
      customId: 'approve',
      userId: ALICE,
      channelId: GENERAL,
      messageId: sent.id,
    });
    expect((await discord.waitForCallback(update)).body).toMatchObject({ type: 7, data: { content: 'ok' } });
    expect(discord.messages.get(sent.id)?.content).toBe('ok');
    const defer = await discord.interact({
      kind: 'button',
      customId: 'later',
      userId: ALICE,
      channelId: GENERAL,
      messageId: '3000000000000009999',
    });
    expect((await discord.waitForCallback(defer)).body).toEqual({ type: 6 });
    // After deferUpdate, @original is the button's message (made up by the fake when it did not post it).
    await discord.waitForCalls('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(discord.messages.get('3000000000000009999')).toMatchObject({
      content: 'decided later',
      components: [],
    });
    const modal = await discord.interact({
      kind: 'command',
      name: 'report',
      userId: ALICE,
      channelId: GENERAL,
    });
    expect((await discord.waitForCallback(modal)).body).toMatchObject({
      type: 9,
      data: {
        custom_id: 'report',
        title: 'Report',
        components: [{ type: 1, components: [{ custom_id: 'x' }] }],
      },
    });
  });

  it('delivers modal submits in the ActionRow and the Label shape', async () => {
    const values: string[] = [];
    const [discord] = await start(async (interaction) => {
      if (!interaction.isModalSubmit()) return;
      values.push(interaction.fields.getTextInputValue('x'));
      if (interaction.isFromMessage()) await interaction.update({ content: 'reported', components: [] });
      else await interaction.reply({ content: 'thanks', flags: MessageFlags.Ephemeral });
    });

    const row = await discord.interact({
      kind: 'modal',
      customId: 'm',
      fields: { x: 'row' },
      userId: BOB,
      channelId: GENERAL,
    });
    const label = await discord.interact({
      kind: 'modal',
      customId: 'm',
      fields: { x: 'label', y: 'other' },
      shape: 'label',
      userId: BOB,
      channelId: GENERAL,
      messageId: '3000000000000008888',
    });

    expect((await discord.waitForCallback(row)).body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect((await discord.waitForCallback(label)).body).toMatchObject({
      type: 7,
      data: { content: 'reported' },
    });
    expect(values).toEqual(['row', 'label']);
  });

  it('receives channel messages with allowed_mentions and uploads as multipart', async () => {
    const [discord, bot] = await start();
    const channel = bot.channels.cache.get(GENERAL);
    if (!channel?.isSendable()) throw new Error('general is not sendable');

    const message = await channel.send({ content: 'hello <@1>', allowedMentions: { parse: [] } });
    await channel.send({ content: 'file', files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }] });

    expect(message.author.id).toBe(discord.botUserId);
    const [plain, upload] = discord.callsTo('POST', /^\/channels\/\d+\/messages$/);
    expect(plain).toMatchObject({
      path: `/channels/${GENERAL}/messages`,
      authorization: 'Bot test-token',
      body: { content: 'hello <@1>', allowed_mentions: { parse: [] } },
    });
    expect(upload?.body).toMatchObject({
      payload_json: { content: 'file' },
      files: [{ name: 'a.txt', size: 5 }],
    });
    const edited = await message.edit('edited');
    expect(edited.content).toBe('edited');
    const dm = await (await bot.users.fetch(ALICE)).send('psst');
    expect(dm.channel.isDMBased()).toBe(true);
    expect(discord.callsTo('POST', /^\/users\/@me\/channels$/)[0]?.body).toEqual({ recipient_id: ALICE });
    await expect(bot.rest.get('/nope')).rejects.toThrow(DiscordAPIError);
    expect(discord.calls.at(-1)).toMatchObject({ method: 'GET', path: '/nope', status: 404 });
  });

  it('waits out a 429 with Retry-After 1 and then succeeds', async () => {
    const [discord, bot] = await start();
    const channel = bot.channels.cache.get(GENERAL);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    discord.rateLimit('POST', /^\/channels\/\d+\/messages$/, 1, 1);

    const started = Date.now();
    await channel.send('after the limit');

    const attempts = discord.calls.filter((c) => c.path === `/channels/${GENERAL}/messages`);
    expect(attempts.map((c) => [c.status, c.rateLimited ?? false])).toEqual([
      [429, true],
      [200, false],
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(discord.callsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });

  it('resumes after dropGateway() and delivers an interaction from the outage exactly once', async () => {
    const handled: string[] = [];
    const [discord, bot] = await start(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      handled.push(interaction.id);
      await interaction.reply('ok');
    });
    const resumed = new Promise<number>((resolve) =>
      bot.once(Events.ShardResume, (_id, replayed) => resolve(replayed)),
    );
    const before = await discord.interact({ kind: 'command', name: 'a', userId: ALICE, channelId: GENERAL });
    await discord.waitForCallback(before);

    await discord.dropGateway(4000);
    const during = await discord.interact({ kind: 'command', name: 'b', userId: ALICE, channelId: GENERAL });
    await discord.ready();

    expect(discord.resumes).toBe(1);
    expect(discord.identifies).toBe(1);
    await discord.waitForCallback(during);
    expect(await resumed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(handled).toEqual([before, during]);
    expect(discord.callbacksFor(before)).toHaveLength(1);
    expect(discord.callbacksFor(during)).toHaveLength(1);
  });

  it('makes the client identify afresh after a close with code 1000 (missed events are lost)', async () => {
    // @discordjs/ws waits 5-6.5 s between two IDENTIFYs (max_concurrency 1); a no-op throttler skips that.
    const [discord, bot] = await start(undefined, {
      buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }),
    });
    const reidentified = new Promise<void>((resolve) => bot.once(Events.ShardReady, () => resolve()));

    await discord.dropGateway(1000);
    await discord.interact({ kind: 'command', name: 'lost', userId: ALICE, channelId: GENERAL });
    await discord.ready();
    // Destroying the client before it has processed READY makes @discordjs/ws reconnect: wait for its own event.
    await reidentified;

    expect(discord.identifies).toBe(2);
    expect(discord.resumes).toBe(0);
    expect(discord.lostDispatches.map((d) => d.t)).toEqual(['INTERACTION_CREATE']);
  });

  it('echoes bulk command registration and stamps the registered id on command interactions', async () => {
    let commandId: string | undefined;
    const [discord, bot] = await start(async (interaction) => {
      if (interaction.isChatInputCommand()) commandId = interaction.commandId;
    });
    const registered = await bot.application?.commands.set([{ name: 'ping', description: 'Ping' }], GUILD);
    const id = registered?.first()?.id;
    expect(id).toMatch(/^\d+$/);
    await discord.interact({ kind: 'command', name: 'ping', userId: ALICE, channelId: GENERAL });
    await expect.poll(() => commandId).toBe(id);
  });

  it('shuts down promptly after client.destroy(), leaving no timers behind', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const [discord, bot] = await start();
    const started = Date.now();
    await bot.destroy();
    client = undefined;
    await discord.close();
    fake = undefined;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
