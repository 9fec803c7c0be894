import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:http';

/** Whether the bot can do its work now: the ledger answers. Checked on each `/readyz`. */
export type ReadinessCheck = () => Promise<boolean>;

/** How long a readiness answer is reused: a load balancer checks every few seconds, a flood far more often. */
export const READINESS_FRESH_MS = 1000;

/**
 * One check at a time, reused for a second: a flood of `/readyz` requests asks the ledger at most once a second
 * and holds at most one pool connection, however many requests wait on it. `now` is injected for tests.
 */
export function cachedReadiness(
  check: ReadinessCheck,
  now: () => number,
  freshForMs = READINESS_FRESH_MS,
): ReadinessCheck {
  let last: { at: number; ready: boolean } | undefined;
  let inFlight: Promise<boolean> | undefined;
  return () => {
    if (inFlight) return inFlight;
    if (last && now() - last.at < freshForMs) return Promise.resolve(last.ready);
    inFlight = check()
      .catch(() => false)
      .then((ready) => {
        last = { at: now(), ready };
        inFlight = undefined;
        return ready;
      });
    return inFlight;
  };
}

/**
 * `/healthz`: the process is up. `/readyz`: it can serve (the ledger answers), so a load balancer or an
 * orchestrator sends it traffic only then. Answers are plain words, never details of what failed.
 */
export async function answerHealth(
  path: string,
  ready: ReadinessCheck,
  response: ServerResponse,
): Promise<boolean> {
  if (path === '/healthz') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return true;
  }
  if (path === '/readyz') {
    const isReady = await ready().catch(() => false);
    response
      .writeHead(isReady ? 200 : 503, { 'content-type': 'text/plain' })
      .end(isReady ? 'ready' : 'not ready');
    return true;
  }
  return false;
}

/** A small server for the health routes, when no Slack HTTP server is there to carry them. */
export async function startHealthServer(port: number, ready: ReadinessCheck): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    void answerHealth(path, ready, response).then((answered) => {
      if (!answered) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
