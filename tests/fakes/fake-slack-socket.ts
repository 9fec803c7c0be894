import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { Waiters } from './waiters.ts';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';
/** What the app sends back for an envelope: `{ envelope_id, payload }` (payload is `{}` for a bare ack()). */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/**
 * The Socket Mode side of the fake: apps.connections.open hands out `ws://…/socket`, the http server's `upgrade`
 * event lands here. Pings need no code: the @slack/socket-mode client pings every ~1.7 s and `ws` auto-pongs.
 */
export class FakeSocketMode {
  /** Every ack received, in order. */
  readonly acks: SocketAck[] = [];
  /** How many connections were ever accepted (a reconnect makes it grow). */
  connectionCount = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<WebSocket>();
  private readonly greeted = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (ack: SocketAck) => void>();
  private readonly waiters = new Waiters();

  /** @internal called by FakeSlack for `GET /socket` upgrades. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.clients.add(ws);
    this.connectionCount += 1;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: SocketAck;
      try {
        message = JSON.parse(String(data)) as SocketAck;
      } catch {
        return;
      }
      if (typeof message.envelope_id !== 'string') return;
      this.acks.push(message);
      this.pendingAcks.get(message.envelope_id)?.(message);
    });
    ws.on('close', () => {
      this.clients.delete(ws);
      this.greeted.delete(ws);
      this.waiters.notify();
    });
    // The client only needs `type: 'hello'` (it resolves start() on it); the rest mirrors what Slack sends.
    const hello = {
      type: 'hello',
      num_connections: this.clients.size,
      debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: 'AFAKEAPP' },
    };
    ws.send(JSON.stringify(hello), () => {
      this.greeted.add(ws);
      this.waiters.notify();
    });
  }

  private async waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    await this.waiters.waitFor(
      () => (done() ? true : undefined),
      timeoutMs,
      () => `FakeSlack socket: timed out after ${timeoutMs} ms waiting for ${what}`,
    );
  }

  /** Resolves once a client is connected and has been sent hello. */
  connected(timeoutMs = 5000): Promise<void> {
    return this.waitUntil(() => this.greeted.size > 0, timeoutMs, 'a Socket Mode client to connect');
  }

  /**
   * Resolves once no client is connected. Bolt's `app.stop()` in Socket Mode returns before the close handshake
   * finishes; wait on this before closing the fake, or the client's 30 s close-handshake timer keeps Node alive.
   */
  disconnected(timeoutMs = 5000): Promise<void> {
    return this.waitUntil(() => this.clients.size === 0, timeoutMs, 'Socket Mode clients to disconnect');
  }

  /** Sends an envelope to the newest connection and resolves with the app's ack for it. */
  send(
    type: EnvelopeType,
    payload: object,
    options: { retryAttempt?: number; retryReason?: string; timeoutMs?: number } = {},
  ): Promise<SocketAck> {
    const ws = [...this.greeted].filter((c) => c.readyState === WebSocket.OPEN).at(-1);
    if (!ws) return Promise.reject(new Error('FakeSlack socket: no Socket Mode client is connected'));
    const envelopeId = randomUUID();
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(
          new Error(`FakeSlack socket: no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.pendingAcks.delete(envelopeId);
        resolve(ack);
      });
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: true,
        retry_attempt: options.retryAttempt ?? 0,
        retry_reason: options.retryReason ?? '',
      };
      ws.send(JSON.stringify(envelope));
    });
  }

  /**
   * Closes every connection: a clean close frame first (no 'error' noise in the client), terminate after 500 ms.
   * An app that was not stopped first treats this as a server restart and reconnects after 5 s.
   */
  async close(): Promise<void> {
    await Promise.all(
      [...this.clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => ws.terminate(), 500);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'fake slack closing');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
