import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

// Hop-by-hop headers describe one connection, not the message: a proxy must not pass them on (RFC 9110 §7.6.1).
// Every other header, and the body, go through byte for byte, so Slack's signature still checks out behind it.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** One request as the balancer handled it: which backend answered it (by index), and what it was. */
export interface ProxiedRequest {
  backend: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/** Connection errors that prove the backend never saw the request, so it is safe to offer it to the next one. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * A small round-robin HTTP load balancer for tests (node:http only). Each request goes to the next backend in
 * turn; a backend that refuses the connection (stopped) is passed over for the next one, as a balancer with
 * health checks would. A request the backend may have seen (reset mid-way) is not replayed elsewhere: like
 * nginx's default for POST, the client gets a 502. Every answered request is logged with its backend.
 */
export class RoundRobinProxy {
  readonly url: string;
  /** Answered requests, in the order they arrived. */
  readonly log: ProxiedRequest[] = [];
  /** How often each backend refused a connection and was passed over. */
  readonly refused: number[];
  private turn = 0;

  private constructor(
    private readonly server: Server,
    readonly backends: readonly string[],
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.refused = backends.map(() => 0);
  }

  /** `backends` are base URLs such as `http://127.0.0.1:3001`. */
  static async start(backends: readonly string[]): Promise<RoundRobinProxy> {
    if (backends.length === 0) throw new Error('a load balancer needs at least one backend');
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const proxy = new RoundRobinProxy(server, backends);
    server.on('request', (req, res) => {
      proxy.forward(req).then(
        (answer) => {
          res.writeHead(answer.status, answer.headers).end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' }).end(`bad gateway: ${String(error)}`);
        },
      );
    });
    return proxy;
  }

  /** Requests answered by each backend, optionally only those matching `path`. */
  counts(path?: string): number[] {
    return this.backends.map(
      (_, index) =>
        this.log.filter((entry) => entry.backend === index && (path === undefined || entry.path === path))
          .length,
    );
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async forward(
    req: IncomingMessage,
  ): Promise<{ status: number; headers: OutgoingHttpHeaders; body: Buffer }> {
    const body = await readAll(req);
    const first = this.turn;
    this.turn = (this.turn + 1) % this.backends.length;
    let lastError: unknown;
    for (let attempt = 0; attempt < this.backends.length; attempt++) {
      const backend = (first + attempt) % this.backends.length;
      try {
        const answer = await send(this.backends[backend] as string, req, body);
        this.log.push({
          backend,
          method: req.method ?? 'GET',
          path: new URL(req.url ?? '/', 'http://proxy').pathname,
          headers: req.headers,
          status: answer.status,
        });
        return answer;
      } catch (error) {
        lastError = error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code === undefined || !NOT_CONNECTED.has(code)) throw error;
        this.refused[backend] = (this.refused[backend] ?? 0) + 1;
      }
    }
    throw lastError;
  }
}

function endToEnd(headers: IncomingHttpHeaders, length: number): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  // The body is passed on whole, so its length is known (a chunked request arrives here de-chunked).
  if (length > 0 || headers['content-length'] !== undefined) kept['content-length'] = String(length);
  else delete kept['content-length'];
  return kept;
}

function send(
  base: string,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: OutgoingHttpHeaders; body: Buffer }> {
  const target = new URL(req.url ?? '/', base);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      // A fresh connection per request (no agent): a stopped backend then refuses at once instead of
      // resetting a pooled connection in the middle of a request.
      { method: req.method, headers: endToEnd(req.headers, body.length), agent: false },
      (response) => {
        readAll(response).then(
          (answer) =>
            resolve({
              status: response.statusCode ?? 502,
              headers: endToEnd(response.headers, answer.length),
              body: answer,
            }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
