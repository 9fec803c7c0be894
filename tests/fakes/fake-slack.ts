import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultAnswer, type FakeSlackState, type FakeUser, mergeAnswer } from './fake-slack-answers.ts';
import { FakeSocketMode } from './fake-slack-socket.ts';
import { blocksProblem } from './slack-block-limits.ts';
import { Waiters } from './waiters.ts';

export { type EnvelopeType, FakeSocketMode, type SocketAck } from './fake-slack-socket.ts';
export * from './slack-payloads.ts';
export * from './slack-signing.ts';

export interface SlackApiCall {
  method: string;
  body: Record<string, unknown>;
  token?: string;
  /** The workspace of the token it came with (see `FakeSlackOptions.teams`). */
  team: string;
  at: number;
  /** What the fake answered: 200 when it accepted the call, else the refusal (rateLimit, fail, limitPerSecond). */
  status: number;
}
/** How fail() picks the calls it refuses. */
export interface FailOptions {
  /** Let this many of the calls it applies to through first (counted from when it becomes the next refusal). */
  after?: number;
  /** Only calls whose body satisfies this are counted or refused, e.g. direct messages but not the card. */
  when?: (body: Record<string, unknown>) => boolean;
  /** Sent as Retry-After (seconds); WebClient retries a 429 only when it has one. */
  retryAfterSeconds?: number;
}
interface Refusal extends FailOptions {
  method: string;
  count: number;
  status: number;
}
/** A POST that reached a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}
export interface FakeSlackOptions {
  /** The workspace of every token not named in `teams`. */
  teamId?: string;
  /** Several workspaces: bot token → its team id. auth.test answers the token's team, and a channel with a `teamId` is seen only by that team's tokens. */
  teams?: Record<string, string>;
  botUserId?: string;
  /** Answers conversations.info / conversations.members. `name` defaults to a name derived from the id. */
  channels?: Record<
    string,
    { isPrivate: boolean; members: string[]; name?: string; externallyShared?: boolean; teamId?: string }
  >;
  /** Answers users.info. */
  users?: Record<string, FakeUser>;
  /** "Add to Slack": the app's OAuth credentials, which oauth.v2.access checks (see `grantInstall`). */
  oauth?: { clientId: string; clientSecret: string };
  /**
   * A Web API rate limit: more calls than this in any one second are answered 429 with Retry-After 1, like
   * Slack's limits (the benchmark drives alerts into it).
   */
  limitPerSecond?: number;
}
/** What Slack's consent page hands an app for one workspace: exchanged once, by its code, at oauth.v2.access. */
export interface InstallGrant {
  teamId: string;
  teamName: string;
  /** The new workspace's bot token: from then on auth.test and channels answer it as that team's. */
  botToken: string;
  /** The admin who installed it. */
  userId: string;
}
type Reply =
  | Record<string, unknown>
  | ((body: Record<string, unknown>, defaults: Record<string, unknown>) => Record<string, unknown>);

/**
 * Slack's Web API, response_urls and Socket Mode on one real HTTP server on 127.0.0.1, for driving a real Bolt app.
 * Web API calls arrive as `POST /api/<method>` (form-urlencoded, token in `Authorization: Bearer`).
 */
export class FakeSlack {
  readonly apiUrl: string;
  readonly teamId: string;
  readonly socket = new FakeSocketMode();
  calls: SlackApiCall[] = [];
  /** Files the app downloaded (served with serveFile), with the Authorization header it sent. */
  fileDownloads: { path: string; authorization: string | undefined }[] = [];
  private readonly files = new Map<string, Uint8Array>();

  /** Serves `bytes` like files.slack.com serves an uploaded file; returns its url_private_download. */
  serveFile(id: string, name: string, bytes: Uint8Array): string {
    this.files.set(`/files-pri/${id}/${name}`, bytes);
    return `${this.baseUrl}/files-pri/${id}/${name}`;
  }

  /** Files uploaded through files.uploadV2 (to the URL getUploadURLExternal gave). */
  uploads: { fileId: string; bytes: number }[] = [];
  responseUrlPosts: ResponseUrlPost[] = [];
  private readonly baseUrl: string;
  private readonly state: FakeSlackState;
  private readonly teams: Map<string, string>;
  private readonly oauth: FakeSlackOptions['oauth'];
  private readonly grants = new Map<string, InstallGrant>();
  private readonly refusals: Refusal[] = [];
  private readonly replies = new Map<string, Reply>();
  private readonly waiters = new Waiters();
  private responseUrlCounter = 0;
  private readonly expiredResponseUrls = new Set<string>();

  private constructor(
    private readonly server: Server,
    options: FakeSlackOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.teamId = options.teamId ?? 'T0TEST';
    this.teams = new Map(Object.entries(options.teams ?? {}));
    this.oauth = options.oauth;
    this.limitPerSecond = options.limitPerSecond;
    this.state = {
      teamId: this.teamId,
      botUserId: options.botUserId ?? 'UBOT',
      channels: new Map(Object.entries(options.channels ?? {}).map(([id, c]) => [id, { ...c }])),
      users: new Map(Object.entries(options.users ?? {})),
      socketUrl: `ws://127.0.0.1:${port}/socket`,
      uploadBaseUrl: `${this.baseUrl}/upload`,
      tsSequence: 0,
      viewSequence: 0,
    };
    server.on('request', (req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', this.baseUrl).pathname === '/socket')
        this.socket.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeSlack(server, options);
  }

  /**
   * The admin approved the app on Slack's consent page: `code` is what Slack appends to the redirect, for
   * oauth.v2.access to exchange once.
   */
  grantInstall(code: string, grant: InstallGrant): void {
    this.grants.set(code, grant);
  }

  /** The authorize page Bolt's install path sends the browser to (this fake does not serve it). */
  static readonly AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';

  /** Calls the fake accepted (answered 200); refused ones stay in `calls` with their status. */
  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Makes a response URL answer as an expired one does. */
  expireResponseUrl(id: string): void {
    this.expiredResponseUrls.add(id);
  }

  responseUrl(id = `r${++this.responseUrlCounter}`): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  rateLimit(method: string, count: number, retryAfterSeconds: number): void {
    this.fail(method, count, 429, { retryAfterSeconds });
  }

  /**
   * Refuses the next `count` calls to `method` with HTTP `status` (a 500, or a 429 with `retryAfterSeconds`), as
   * Slack does in an incident. Refusals queue up per method: one starts counting when those before it are used up.
   */
  fail(method: string, count: number, status: number, options: FailOptions = {}): void {
    this.refusals.push({ method, count, status, ...options });
  }

  /** Deep-merged over the default answer (see mergeAnswer); a function also gets the default answer to work from. */
  answer(method: string, reply: Reply): void {
    this.replies.set(method, reply);
  }

  /** Who can see a channel changes (made public, shared through Slack Connect); the test sends any event. */
  setChannelPrivacy(channelId: string, privacy: { isPrivate: boolean; externallyShared?: boolean }): void {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`FakeSlack: no channel ${channelId}`);
    channel.isPrivate = privacy.isPrivate;
    channel.externallyShared = privacy.externallyShared ?? false;
  }

  /** A user's Slack language (`fr-FR`), as users.info returns it with `include_locale`. */
  setUserLocale(userId: string, locale: string): void {
    const user = this.state.users.get(userId);
    if (user) user.locale = locale;
  }

  setChannelMembers(channelId: string, members: string[]): void {
    const channel = this.state.channels.get(channelId);
    if (channel) channel.members = [...members];
    else this.state.channels.set(channelId, { isPrivate: true, members: [...members] });
  }

  waitForCalls(method: string, count = 1, timeoutMs = 5000): Promise<SlackApiCall[]> {
    return this.waiters.waitFor(
      () => {
        const calls = this.callsTo(method);
        return calls.length >= count ? calls : undefined;
      },
      timeoutMs,
      () =>
        `FakeSlack: timed out after ${timeoutMs} ms waiting for ${count} successful call(s) to ${method} ` +
        `(got ${this.callsTo(method).length}); seen: ${this.seen()}`,
    );
  }

  waitForResponseUrlPosts(count: number, timeoutMs = 5000): Promise<ResponseUrlPost[]> {
    return this.waiters.waitFor(
      () => (this.responseUrlPosts.length >= count ? this.responseUrlPosts : undefined),
      timeoutMs,
      () =>
        `FakeSlack: timed out after ${timeoutMs} ms waiting for ${count} response_url post(s) ` +
        `(got ${this.responseUrlPosts.length}); API calls seen: ${this.seen()}`,
    );
  }

  /** Stop the Bolt app first: a still-running Socket Mode app would take the closed socket as a cue to reconnect. */
  async close(): Promise<void> {
    this.waiters.abortAll('FakeSlack closed while waiting');
    await this.socket.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // undici's fetch keeps idle keep-alive sockets open; without this close() waits for them to time out.
      this.server.closeAllConnections();
    });
  }

  /** The refusal that answers this call, if any; a call let through by `after` counts towards it. */
  private refusalFor(call: SlackApiCall): Refusal | undefined {
    const refusal = this.refusals.find(
      (r) => r.count > 0 && r.method === call.method && (r.when?.(call.body) ?? true),
    );
    if (!refusal) return undefined;
    if (refusal.after !== undefined && refusal.after > 0) {
      refusal.after -= 1;
      return undefined;
    }
    refusal.count -= 1;
    return refusal;
  }

  /** oauth.v2.access: the client's credentials and a code not used yet give the workspace's installation. */
  private exchange(body: Record<string, unknown>): Record<string, unknown> {
    if (!this.oauth || body.client_id !== this.oauth.clientId)
      return { ok: false, error: 'invalid_client_id' };
    if (body.client_secret !== this.oauth.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const grant = this.grants.get(String(body.code ?? ''));
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.grants.delete(String(body.code));
    this.teams.set(grant.botToken, grant.teamId);
    return {
      ok: true,
      app_id: 'AFAKEAPP',
      authed_user: { id: grant.userId },
      scope: 'commands,chat:write,groups:read,users:read,im:write,files:write',
      token_type: 'bot',
      access_token: grant.botToken,
      bot_user_id: this.state.botUserId,
      team: { id: grant.teamId, name: grant.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private seen(): string {
    const counts = new Map<string, number>();
    for (const c of this.calls) counts.set(c.method, (counts.get(c.method) ?? 0) + 1);
    return [...counts].map(([m, n]) => `${m}×${n}`).join(', ') || 'none';
  }

  private readonly limitPerSecond: number | undefined;
  /** Arrival times of the calls that were answered, for the per-second limit. */
  private recent: number[] = [];

  private overLimit(now: number): boolean {
    if (this.limitPerSecond === undefined) return false;
    this.recent = this.recent.filter((at) => at > now - 1000);
    if (this.recent.length >= this.limitPerSecond) return true;
    this.recent.push(now);
    return false;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', this.baseUrl);
    const file = req.method === 'GET' ? this.files.get(pathname) : undefined;
    if (file) {
      // Slack's file host wants the bot token; the fake says who asked, so tests can check it was sent.
      this.fileDownloads.push({ path: pathname, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': file.byteLength }).end(file);
      return;
    }
    const body = await readBody(req);
    if (req.method === 'POST' && pathname.startsWith('/api/')) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const call: SlackApiCall = {
        method: pathname.slice('/api/'.length),
        body,
        team: (token !== undefined ? this.teams.get(token) : undefined) ?? this.teamId,
        at: Date.now(),
        status: 200,
      };
      if (token !== undefined) call.token = token;
      this.calls.push(call);
      if (this.overLimit(call.at)) {
        call.status = 429;
        sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
        this.waiters.notify();
        return;
      }
      const refusal = this.refusalFor(call);
      if (refusal) {
        call.status = refusal.status;
        // WebClient only retries a 429 that carries a numeric Retry-After (it sleeps that long, then retries);
        // any other non-200 it retries on its own backoff.
        const retryAfter = refusal.retryAfterSeconds;
        sendJson(
          res,
          refusal.status,
          { ok: false, error: refusal.status === 429 ? 'ratelimited' : 'fatal_error' },
          retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
        );
        this.waiters.notify();
        return;
      }
      if (call.method.startsWith('chat.') && blocksProblem(body.blocks)) {
        // Slack answers 200 with ok: false; recorded as refused, so no test counts it as delivered.
        call.status = 400;
        sendJson(res, 200, { ok: false, error: 'invalid_blocks' });
        this.waiters.notify();
        return;
      }
      const defaults =
        call.method === 'oauth.v2.access'
          ? this.exchange(body)
          : defaultAnswer(this.state, call.method, body, call.team);
      const reply = this.replies.get(call.method);
      const override = typeof reply === 'function' ? reply(body, defaults) : reply;
      sendJson(res, 200, override ? mergeAnswer(defaults, override) : defaults);
    } else if (req.method === 'POST' && pathname.startsWith('/upload/')) {
      this.uploads.push({
        fileId: pathname.slice('/upload/'.length),
        bytes: Number(req.headers['content-length'] ?? 0),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    } else if (req.method === 'POST' && pathname.startsWith('/response/')) {
      const id = decodeURIComponent(pathname.slice('/response/'.length));
      // Slack answers a response URL past its 30 minutes (or used up) with 404 expired_url.
      if (this.expiredResponseUrls.has(id)) {
        sendJson(res, 404, { ok: false, error: 'expired_url' });
        return;
      }
      if (blocksProblem(body.blocks)) {
        sendJson(res, 400, { ok: false, error: 'invalid_blocks' });
        return;
      }
      this.responseUrlPosts.push({ id, body });
      sendJson(res, 200, { ok: true });
    } else {
      sendJson(res, 404, { ok: false, error: 'unknown_path' });
      return;
    }
    this.waiters.notify();
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(body));
}

/** Form fields whose value is JSON (`view`, `blocks`, `attachments`: WebClient JSON-encodes every object) are parsed. */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return {};
  if (type.startsWith('application/json')) return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  if (type.startsWith('multipart/form-data')) {
    // WebClient switches to multipart when an argument is a Buffer (file uploads); files are recorded by size only.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form) {
      body[key] = typeof value === 'string' ? maybeJson(value) : { filename: value.name, size: value.size };
    }
  } else {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) body[key] = maybeJson(value);
  }
  return body;
}

function maybeJson(value: string): unknown {
  if (!value.startsWith('{') && !value.startsWith('[')) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
