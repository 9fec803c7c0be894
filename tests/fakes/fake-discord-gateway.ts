import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { type DiscordWorld, guildCreateObject, guildsOf, type Json, userObject } from './discord-world.ts';
import { Waiters } from './waiters.ts';

/** A dispatch (op 0) as sent on the wire. */
export interface GatewayDispatch {
  op: 0;
  s: number;
  t: string;
  d: unknown;
}
interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  log: GatewayDispatch[];
}
interface Frame {
  op: number;
  d?: unknown;
}

/**
 * The gateway side of FakeDiscord (JSON text frames, no compression). One session at a time: IDENTIFY starts a new
 * one (READY + GUILD_CREATE), RESUME with the current session id replays the dispatches after the client's `seq`
 * and sends RESUMED; any other RESUME gets op 9 INVALID_SESSION (d: false), so the client identifies again.
 * Dispatches made while no connection is ready are kept in the session log and replayed on RESUME (real Discord
 * does the same within a session); a fresh IDENTIFY drops them (they count in `lostDispatches`).
 */
export class FakeDiscordGateway {
  identifies = 0;
  resumes = 0;
  /** IDENTIFY `d` payloads (token, intents, properties, shard...). */
  readonly identifyPayloads: Json[] = [];
  /** Dispatches that were never delivered because the client identified afresh instead of resuming. */
  readonly lostDispatches: GatewayDispatch[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  /** Where dispatches go live. */
  private current: WebSocket | undefined;
  /** The connection READY/RESUMED was last written to. */
  private announced: WebSocket | undefined;
  private session: Session | undefined;
  private delivered = 0;
  private readonly waiters = new Waiters();

  constructor(
    private readonly world: DiscordWorld,
    readonly url: string,
    private readonly heartbeatIntervalMs: number,
  ) {}

  /** @internal called by FakeDiscord for upgrade requests. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** A connection has identified or resumed and has not been dropped since. */
  get isReady(): boolean {
    return (
      this.current !== undefined &&
      this.current === this.announced &&
      this.current.readyState === WebSocket.OPEN
    );
  }

  get sessionId(): string | undefined {
    return this.session?.id;
  }

  /** Sends a dispatch to the ready connection, or keeps it for a RESUME; resolves once written or queued. */
  dispatch(t: string, d: unknown): Promise<void> {
    const session = this.session;
    if (!session) return Promise.reject(new Error(`FakeDiscord: no gateway session yet to dispatch ${t} on`));
    session.seq += 1;
    const frame: GatewayDispatch = { op: 0, s: session.seq, t, d };
    session.log.push(frame);
    const ws = this.current;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.resolve();
    this.delivered = Math.max(this.delivered, frame.s);
    // A socket dying mid-write is fine: the frame stays in the log for the RESUME to replay.
    return this.send(ws, frame).catch(() => {});
  }

  /** Closes the ready connection from the server side; resolves once it is closed. */
  async dropGateway(code = 4000): Promise<void> {
    const ws = this.current;
    this.current = undefined;
    if (!ws) return;
    await closeSocket(ws, code, 'fake discord drop');
  }

  /** Resolves when a connection has identified (READY + GUILD_CREATE sent) or resumed (RESUMED sent). */
  async ready(timeoutMs = 10_000): Promise<void> {
    await this.waiters.waitFor(
      () => (this.isReady ? true : undefined),
      timeoutMs,
      () => `FakeDiscord: gateway not ready after ${timeoutMs} ms (identifies ${this.identifies})`,
    );
  }

  async close(): Promise<void> {
    this.current = undefined;
    await Promise.all([...this.sockets].map((ws) => closeSocket(ws, 1001, 'fake discord closing')));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let frame: Frame;
      try {
        frame = JSON.parse(String(data)) as Frame;
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.onFrame(ws, frame).catch(() => ws.terminate());
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (this.current === ws) this.current = undefined;
    });
    ws.on('error', () => ws.terminate());
    void this.send(ws, { op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private async onFrame(ws: WebSocket, frame: Frame): Promise<void> {
    switch (frame.op) {
      case 1:
        await this.send(ws, { op: 11, s: null, t: null, d: null });
        return;
      case 2:
        await this.identify(ws, (frame.d ?? {}) as Json);
        return;
      case 6:
        await this.resume(ws, (frame.d ?? {}) as { session_id?: string; seq?: number | null });
        return;
      default:
        // op 3 presence, op 4 voice, op 8 request members: accepted and ignored.
        return;
    }
  }

  private async identify(ws: WebSocket, d: Json): Promise<void> {
    this.identifies += 1;
    this.identifyPayloads.push(d);
    const old = this.session;
    if (old) this.lostDispatches.push(...old.log.filter((frame) => frame.s > this.delivered));
    const session: Session = { id: randomUUID().replaceAll('-', ''), seq: 0, log: [] };
    this.session = session;
    this.delivered = 0;
    const world = this.world;
    const ready = {
      v: 10,
      user: { ...userObject(world, world.botUserId), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guildsOf(world).map((guild) => ({ id: guild.guildId, unavailable: true })),
      application: { id: world.applicationId, flags: 0 },
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      shard: [0, 1],
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: ['rotterdam'],
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    };
    // Queued synchronously, so a dispatch() made meanwhile cannot overtake READY or fall between the cracks.
    const sent = Promise.all([
      this.sendDispatch(ws, session, 'READY', ready),
      ...guildsOf(world).map((guild) =>
        this.sendDispatch(ws, session, 'GUILD_CREATE', guildCreateObject(guild)),
      ),
    ]);
    this.current = ws;
    await sent;
    this.announce(ws);
  }

  private async resume(ws: WebSocket, d: { session_id?: string; seq?: number | null }): Promise<void> {
    const session = this.session;
    if (!session || d.session_id !== session.id) {
      await this.send(ws, { op: 9, s: null, t: null, d: false });
      return;
    }
    this.resumes += 1;
    let sent = d.seq ?? 0;
    for (let next = session.log.find((f) => f.s > sent); next; next = session.log.find((f) => f.s > sent)) {
      await this.send(ws, next);
      sent = next.s;
    }
    // From here on dispatch() sends live; RESUMED is queued before any of them.
    this.delivered = sent;
    this.current = ws;
    await this.send(ws, { op: 0, s: sent, t: 'RESUMED', d: { _trace: ['["fake-discord-gateway"]'] } });
    this.announce(ws);
  }

  private announce(ws: WebSocket): void {
    this.announced = ws;
    this.waiters.notify();
  }

  private sendDispatch(ws: WebSocket, session: Session, t: string, d: unknown): Promise<void> {
    session.seq += 1;
    const frame: GatewayDispatch = { op: 0, s: session.seq, t, d };
    session.log.push(frame);
    this.delivered = frame.s;
    return this.send(ws, frame);
  }

  private send(ws: WebSocket, frame: object): Promise<void> {
    return new Promise((resolve, reject) => {
      if (ws.readyState !== WebSocket.OPEN)
        return reject(new Error('FakeDiscord: gateway socket is not open'));
      ws.send(JSON.stringify(frame), (error) => (error ? reject(error) : resolve()));
    });
  }
}

/** A close frame first; terminate if the client does not answer the close handshake within 500 ms. */
function closeSocket(ws: WebSocket, code: number, reason: string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => ws.terminate(), 500);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === WebSocket.OPEN) ws.close(code, reason);
  });
}
