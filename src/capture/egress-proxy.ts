import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { type AddressPolicy, RefusedAddressError, resolvePublicAddress } from './public-address.ts';

export interface EgressProxyOptions extends AddressPolicy {
  /** Bytes the browser may receive through this proxy, every request together. */
  maxBytes: number;
  /** Called once when maxBytes is passed, so the capture can stop at once instead of waiting for its time-out. */
  onTooLarge?: () => void;
}

export interface EgressProxy {
  /** For browser.newContext({ proxy: { server } }). */
  server: string;
  /** The byte limit was passed and every connection was cut. */
  readonly tooLarge: boolean;
  /** Hosts (as URL hostnames: IPv6 in brackets) refused because an address was not public. */
  readonly refusedHosts: ReadonlySet<string>;
  close(): Promise<void>;
}

// Headers about the hop between browser and proxy, or proxy and server; never passed on.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
];

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

/**
 * The only way out for one capture's browser context. Each request (so each redirect hop, each subresource)
 * resolves its host here, is refused unless every address is public, and connects to the address that was
 * checked. Every byte sent back to the browser is counted; past maxBytes all connections are cut.
 */
export async function startEgressProxy(options: EgressProxyOptions): Promise<EgressProxy> {
  const sockets = new Set<Duplex>();
  const refusedHosts = new Set<string>();
  let received = 0;
  let tooLarge = false;

  const track = <S extends Duplex>(socket: S): S => {
    if (tooLarge) socket.destroy();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  const count = (bytes: number): void => {
    received += bytes;
    if (received <= options.maxBytes || tooLarge) return;
    tooLarge = true;
    for (const socket of sockets) socket.destroy();
    options.onTooLarge?.();
  };
  // A refused host is remembered so the capture can say why its page failed; other errors are plain failures.
  const resolve = async (hostname: string) => {
    try {
      return await resolvePublicAddress(hostname, options);
    } catch (error) {
      if (error instanceof RefusedAddressError) refusedHosts.add(hostname);
      throw error;
    }
  };

  const server = http.createServer(async (request, response) => {
    let target: URL;
    try {
      target = new URL(request.url ?? '');
      if (target.protocol !== 'http:') throw new Error('not an absolute http URL');
    } catch {
      response.writeHead(400).end();
      return;
    }
    let address: Awaited<ReturnType<typeof resolve>>;
    try {
      address = await resolve(target.hostname);
    } catch (error) {
      response.writeHead(error instanceof RefusedAddressError ? 403 : 502).end();
      return;
    }
    const upstream = http.request({
      host: address.address,
      family: address.family,
      port: target.port || 80,
      method: request.method,
      path: `${target.pathname}${target.search}`,
      headers: endToEnd(request.headers),
      setHost: false,
      agent: false,
    });
    upstream.on('socket', track);
    upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
    upstream.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.on('data', (chunk: Buffer) => count(chunk.length));
      answer.on('error', () => response.destroy());
      answer.pipe(response);
    });
    request.pipe(upstream);
  });

  // CONNECT host:port, for https and WebSockets: a byte tunnel to the checked address.
  server.on('connect', async (request: http.IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    client.on('error', () => client.destroy());
    let target: URL;
    let address: Awaited<ReturnType<typeof resolve>>;
    try {
      target = new URL(`http://${request.url ?? ''}`);
      address = await resolve(target.hostname);
    } catch (error) {
      const status = error instanceof RefusedAddressError ? '403 Forbidden' : '502 Bad Gateway';
      client.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = track(net.connect({ host: address.address, port: Number(target.port || 443) }));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.on('data', (chunk: Buffer) => count(chunk.length));
      upstream.pipe(client);
      client.pipe(upstream);
    });
  });
  server.on('connection', track);

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    get tooLarge() {
      return tooLarge;
    },
    refusedHosts,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
