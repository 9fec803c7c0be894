import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DiscordInteraction, defaultButtonMessage, interactionPayload } from './discord-payloads.ts';
import {
  channelObject,
  channelWorld,
  type FakeDiscordOptions,
  type Json,
  makeWorld,
  type PermissionOverwriteSpec,
  roleObject,
  snowflake,
} from './discord-world.ts';
import { FakeDiscordGateway, type GatewayDispatch } from './fake-discord-gateway.ts';
import {
  type DiscordRestCall,
  RateLimits,
  Refusals,
  readBody,
  safeDecode,
  sendJson,
} from './fake-discord-http.ts';
import { answerRest, dmChannelWith, type RestState } from './fake-discord-rest.ts';
import { Waiters } from './waiters.ts';

export * from './discord-payloads.ts';
export * from './discord-permissions.ts';
export * from './discord-world.ts';
export { FakeDiscordGateway, type GatewayDispatch } from './fake-discord-gateway.ts';
export type { DiscordRestCall } from './fake-discord-http.ts';

/**
 * Discord's REST API (under /api/v10) and gateway WebSocket on one real HTTP server on 127.0.0.1, for driving a real
 * discord.js 14 Client: `new Client({ intents, rest: { api: fake.apiUrl } })`. See fake-discord-gateway.ts for the
 * session/resume rules and fake-discord-webhooks.ts for interaction responses.
 */
export class FakeDiscord {
  readonly apiUrl: string;
  readonly guildId: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly gateway: FakeDiscordGateway;
  calls: DiscordRestCall[] = [];
  /** Messages the bot created or edited (and button messages seen), by id: what GET answers. */
  readonly messages: Map<string, Json>;
  private readonly state: RestState;
  private readonly limits = new RateLimits();
  private readonly refusals = new Refusals();
  private readonly waiters = new Waiters();

  private constructor(
    private readonly server: Server,
    options: FakeDiscordOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const world = makeWorld(options);
    this.apiUrl = `${baseUrl}/api`;
    this.guildId = world.guildId;
    this.applicationId = world.applicationId;
    this.botUserId = world.botUserId;
    const gatewayUrl = `ws://127.0.0.1:${port}`;
    this.gateway = new FakeDiscordGateway(world, gatewayUrl, options.heartbeatIntervalMs ?? 500);
    this.messages = new Map();
    this.state = {
      world,
      gatewayUrl,
      messages: this.messages,
      interactions: new Map(),
      dmChannels: new Map(),
      commands: new Map(),
    };
    server.on('request', (req, res) => {
      this.route(req, res, baseUrl).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeDiscord(server, options);
  }

  get identifies(): number {
    return this.gateway.identifies;
  }

  get resumes(): number {
    return this.gateway.resumes;
  }

  /** Successful (2xx/3xx) calls only; `pathPattern` is matched against the path without /api/v10. */
  callsTo(method: string, pathPattern: RegExp): DiscordRestCall[] {
    return this.calls.filter(
      (c) => c.method === method && c.status < 400 && c.path.search(pathPattern) !== -1,
    );
  }

  waitForCalls(method: string, pathPattern: RegExp, count = 1, timeoutMs = 5000): Promise<DiscordRestCall[]> {
    return this.waiters.waitFor(
      () => {
        const calls = this.callsTo(method, pathPattern);
        return calls.length >= count ? calls : undefined;
      },
      timeoutMs,
      () =>
        this.timedOut(
          timeoutMs,
          `${count} successful ${method} ${pathPattern} (got ${this.callsTo(method, pathPattern).length})`,
        ),
    );
  }

  /** The next `count` calls matching get 429 with Retry-After (seconds) and `{ message, retry_after, global: false }`. */
  rateLimit(method: string, pathPattern: RegExp, count: number, retryAfterSeconds: number): void {
    this.limits.add(method, pathPattern, count, retryAfterSeconds);
  }

  /** The bot's direct-message channel with a user, opened as the bot would: interactions there come from no guild. */
  openDm(userId: string): string {
    return String(dmChannelWith(this.state, userId).id);
  }

  /** The direct-message channel the bot opened with a user, if it did. */
  dmChannelOf(userId: string): string | undefined {
    const channel = [...this.state.dmChannels.values()].find(
      (c) => (c.recipients as Json[] | undefined)?.[0]?.id === userId,
    );
    return channel ? String(channel.id) : undefined;
  }

  /**
   * The next `count` calls matching are refused with `status` and `body` (Discord's `{ message, code }`), as when
   * an interaction's token has expired (404, code 10015) or Discord has an incident (5xx, which discord.js retries).
   */
  fail(method: string, pathPattern: RegExp, count: number, status: number, body: object): void {
    this.refusals.add({ method, pattern: pathPattern, count, status, body });
  }

  /** Dispatches an INTERACTION_CREATE built from `interaction`; resolves with its id once sent (or queued for RESUME). */
  async interact(interaction: DiscordInteraction): Promise<string> {
    const { interactions } = this.state;
    // The interaction comes from the guild its channel is in.
    const world = channelWorld(this.state.world, interaction.channelId);
    const id = interaction.id ?? snowflake();
    const existing = interactions.get(id);
    const token = existing?.token ?? `aW50ZXJhY3Rpb246${id}${randomBytes(24).toString('base64url')}`;
    const dmChannel = this.state.dmChannels.get(interaction.channelId);
    const messageId = interaction.kind === 'command' ? undefined : interaction.messageId;
    const known = messageId ? this.messages.get(messageId) : undefined;
    // A message the bot did not post through the fake is made up (with the button on it) and remembered.
    const message =
      known ??
      (messageId && interaction.kind !== 'command'
        ? defaultButtonMessage(
            world,
            messageId,
            interaction.channelId,
            interaction.customId,
            dmChannel ? null : world.guildId,
          )
        : undefined);
    const commandName = interaction.kind === 'command' ? interaction.name : undefined;
    const commandId = commandName ? this.commandId(commandName) : undefined;
    const payload = interactionPayload(world, this.canonicalOptions(interaction), {
      id,
      token,
      message,
      commandId,
      ...(dmChannel ? { dmChannel } : {}),
    });
    if (messageId && message && !known) this.messages.set(messageId, message);
    if (!existing) {
      interactions.set(id, {
        id,
        token,
        type: Number(payload.type),
        userId: interaction.userId,
        channelId: interaction.channelId,
        commandName,
        message,
        acknowledged: false,
      });
    }
    await this.gateway.dispatch('INTERACTION_CREATE', payload);
    return id;
  }

  /**
   * Someone leaves the server (or is kicked): REST no longer knows them. GUILD_MEMBER_REMOVE would need the
   * privileged Server Members intent, which bots asking only for `Guilds` don't get, so nothing is dispatched.
   */
  removeMember(userId: string): void {
    this.state.world.members.delete(userId);
  }

  /** A channel's permission overwrites change; CHANNEL_UPDATE reaches every bot with the `Guilds` intent. */
  setChannelOverwrites(channelId: string, overwrites: PermissionOverwriteSpec[]): Promise<void> {
    const world = channelWorld(this.state.world, channelId);
    const channel = world.channels.get(channelId);
    if (!channel) return Promise.reject(new Error(`FakeDiscord: no channel ${channelId}`));
    channel.permissionOverwrites = [...overwrites];
    return this.gateway.dispatch('CHANNEL_UPDATE', channelObject(world, channelId));
  }

  /** A role's server-wide permissions change (`roleId` = the guild id for @everyone); GUILD_ROLE_UPDATE follows. */
  setRolePermissions(roleId: string, permissions: string): Promise<void> {
    const role = this.state.world.roles.get(roleId);
    if (!role) return Promise.reject(new Error(`FakeDiscord: no role ${roleId}`));
    role.permissions = permissions;
    return this.gateway.dispatch('GUILD_ROLE_UPDATE', {
      guild_id: this.state.world.guildId,
      role: roleObject(this.state.world, roleId, [...this.state.world.roles.keys()].indexOf(roleId)),
    });
  }

  /**
   * A member's roles change. Like Discord without the privileged Server Members intent, no gateway event says
   * so: only REST answers with the new roles.
   */
  setMemberRoles(userId: string, roles: string[]): void {
    const member = this.state.world.members.get(userId);
    if (member) member.roles = [...roles];
  }

  /** The member switches their Discord client's language: their next interactions carry this `locale`. */
  setUserLocale(userId: string, locale: string): void {
    const member = this.state.world.members.get(userId);
    if (member) member.locale = locale;
  }

  /** Any other gateway event, e.g. `dispatch('GUILD_MEMBER_ADD', {...})`. */
  dispatch(t: string, d: unknown): Promise<void> {
    return this.gateway.dispatch(t, d);
  }

  /** The callback POST, follow-ups and webhook message calls made with this interaction's token (429s excluded). */
  callbacksFor(interactionId: string): DiscordRestCall[] {
    const record = this.state.interactions.get(interactionId);
    if (!record) return [];
    const callback = `/interactions/${interactionId}/${record.token}/callback`;
    const webhook = `/webhooks/${this.applicationId}/${record.token}`;
    return this.calls.filter(
      (c) =>
        !c.rateLimited && (c.path === callback || c.path === webhook || c.path.startsWith(`${webhook}/`)),
    );
  }

  /** The first interaction callback POST (reply, deferReply, update, deferUpdate, showModal...) for this id. */
  waitForCallback(interactionId: string, timeoutMs = 5000): Promise<DiscordRestCall> {
    return this.waiters.waitFor(
      () => this.callbacksFor(interactionId).find((c) => c.path.endsWith('/callback')),
      timeoutMs,
      () => this.timedOut(timeoutMs, `the callback of interaction ${interactionId}`),
    );
  }

  dropGateway(code = 4000): Promise<void> {
    return this.gateway.dropGateway(code);
  }

  ready(timeoutMs?: number): Promise<void> {
    return this.gateway.ready(timeoutMs);
  }

  /** Dispatches never delivered because the client identified afresh (e.g. after a close with code 1000). */
  get lostDispatches(): GatewayDispatch[] {
    return this.gateway.lostDispatches;
  }

  /** Destroy the client first (`client.destroy()`), or it will try to reconnect to the closed fake. */
  async close(): Promise<void> {
    this.waiters.abortAll('FakeDiscord closed while waiting');
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // undici keeps idle keep-alive sockets open; without this close() waits for them to time out.
      this.server.closeAllConnections();
    });
  }

  private commandId(name: string): string | undefined {
    const command = this.registeredCommand(name);
    return command ? String(command.id) : undefined;
  }

  private registeredCommand(name: string): Json | undefined {
    const scopes = [this.guildId, 'global'];
    for (const scope of scopes) {
      const command = this.state.commands.get(scope)?.find((c) => c.name === name);
      if (command) return command;
    }
    return undefined;
  }

  /** Options named as a localized client shows them arrive under their canonical names, as Discord sends them. */
  private canonicalOptions(interaction: DiscordInteraction): DiscordInteraction {
    if (interaction.kind !== 'command' || !interaction.locale || !interaction.options) return interaction;
    const { locale } = interaction;
    const registered = (this.registeredCommand(interaction.name)?.options ?? []) as Json[];
    const canonical = (name: string) =>
      registered.find((o) => (o.name_localizations as Record<string, string> | undefined)?.[locale] === name)
        ?.name as string | undefined;
    return {
      ...interaction,
      options: interaction.options.map((option) => ({
        ...option,
        name: canonical(option.name) ?? option.name,
      })),
    };
  }

  private timedOut(timeoutMs: number, what: string): string {
    const seen = this.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ') || 'none';
    return `FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}; seen: ${seen}`;
  }

  /** Attachment bytes served like Discord's CDN, at `${attachmentUrl}`. */
  private readonly attachments = new Map<string, Uint8Array>();

  /** Serves `bytes` as an attachment and returns its URL (pass it as an attachment's `url`). */
  serveAttachment(id: string, name: string, bytes: Uint8Array): string {
    this.attachments.set(`/attachments/${id}/${name}`, bytes);
    return `${this.apiUrl.replace(/\/api$/, '')}/attachments/${id}/${name}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const attachment = req.method === 'GET' ? this.attachments.get(url.pathname) : undefined;
    if (attachment) {
      res
        .writeHead(200, { 'content-type': 'image/png', 'content-length': attachment.byteLength })
        .end(attachment);
      return;
    }
    // Decoded, so a test can match an emoji or a token as it is; the query is not part of it.
    const pathname = safeDecode(url.pathname);
    const path = pathname.startsWith('/api/v10/') ? pathname.slice('/api/v10'.length) : pathname;
    const method = req.method ?? 'GET';
    const { body, payload, files } = await readBody(req);
    const call: DiscordRestCall = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      at: Date.now(),
      status: 0,
    };
    if (req.headers.authorization !== undefined) call.authorization = req.headers.authorization;
    const refused = this.refusals.answer(method, path, res);
    if (refused !== undefined) {
      call.status = refused;
      this.calls.push(call);
    } else if (this.limits.answer(method, path, res)) {
      call.status = 429;
      call.rateLimited = true;
      this.calls.push(call);
    } else {
      const answer = answerRest(this.state, { method, path, query: url.searchParams, payload, files });
      call.status = answer.status;
      this.calls.push(call);
      if (answer.body === undefined) res.writeHead(answer.status).end();
      else sendJson(res, answer.status, answer.body);
    }
    this.waiters.notify();
  }
}
