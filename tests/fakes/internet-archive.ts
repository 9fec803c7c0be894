import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that reached the fake, as it arrived (the Authorization header too: tests check it is sent). */
export interface ArchiveRequest {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
  /** The form fields of a POST /save. */
  form?: Record<string, string>;
}

export interface FakeArchiveOptions {
  /** When set, every request must carry `Authorization: LOW <access>:<secret>`, as SPN2 wants of API users. */
  accessKey?: string;
  secretKey?: string;
  /** Status polls answered `pending` before the job's end; Infinity for a capture that never finishes. */
  pendingPolls?: number;
  /** How the job ends: success, or SPN2's error with this `status_ext` (e.g. `error:bad-gateway`). */
  outcome?: { success: true } | { statusExt: string };
  /** Answer every capture request 429, as SPN2 does past its per-minute limit. */
  rateLimited?: boolean;
  /** Answer the capture request with the HTML form page instead of JSON, as SPN2 does when it ignores Accept. */
  answerHtml?: boolean;
  /** The capture's Wayback timestamp on success. */
  timestamp?: string;
}

export interface FakeArchive {
  url: string;
  requests: ArchiveRequest[];
  close(): Promise<void>;
}

interface Job {
  originalUrl: string;
  polls: number;
}

/**
 * Save Page Now 2 on 127.0.0.1: POST /save (form `url`) answers a `job_id`, GET /save/status/<job_id> answers
 * `pending` then `success` (timestamp, original_url) or `error` (status_ext, message), as the real service does.
 */
export async function startFakeArchive(options: FakeArchiveOptions = {}): Promise<FakeArchive> {
  const requests: ArchiveRequest[] = [];
  const jobs = new Map<string, Job>();
  const pendingPolls = options.pendingPolls ?? 1;
  const outcome = options.outcome ?? { success: true };
  const timestamp = options.timestamp ?? '20261204195501';
  const expectedAuth =
    options.accessKey !== undefined ? `LOW ${options.accessKey}:${options.secretKey ?? ''}` : undefined;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const request: ArchiveRequest = { method: req.method ?? 'GET', path };
    if (req.headers.authorization !== undefined) request.authorization = req.headers.authorization;
    if (req.headers.accept !== undefined) request.accept = req.headers.accept;
    const body = await readBody(req);
    if (request.method === 'POST') request.form = Object.fromEntries(new URLSearchParams(body));
    requests.push(request);

    if (expectedAuth !== undefined && req.headers.authorization !== expectedAuth) {
      return json(res, 401, {
        status: 'error',
        status_ext: 'error:unauthorized',
        message: 'You need to be logged in to use Save Page Now.',
      });
    }
    if (request.method === 'POST' && path === '/save') {
      if (options.rateLimited) {
        res.writeHead(429, { 'content-type': 'text/html' });
        res.end('<h1>Too Many Requests</h1>');
        return;
      }
      if (options.answerHtml) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Save Page Now</body></html>');
        return;
      }
      const url = request.form?.url;
      if (!url) return json(res, 400, { status: 'error', status_ext: 'error:invalid-url-syntax' });
      const jobId = `spn2-${randomBytes(20).toString('hex')}`;
      jobs.set(jobId, { originalUrl: url, polls: 0 });
      return json(res, 200, { url, job_id: jobId });
    }
    const statusMatch = /^\/save\/status\/([^/?]+)$/.exec(path);
    if (request.method === 'GET' && statusMatch) {
      const jobId = decodeURIComponent(statusMatch[1] ?? '');
      const job = jobs.get(jobId);
      if (!job) return json(res, 200, { status: 'error', status_ext: 'error:not-found', job_id: jobId });
      job.polls += 1;
      if (job.polls <= pendingPolls) {
        return json(res, 200, { status: 'pending', job_id: jobId, resources: [] });
      }
      if ('statusExt' in outcome) {
        return json(res, 200, {
          status: 'error',
          status_ext: outcome.statusExt,
          job_id: jobId,
          message: `Could not capture ${job.originalUrl}.`,
          resources: [],
        });
      }
      return json(res, 200, {
        status: 'success',
        job_id: jobId,
        original_url: job.originalUrl,
        timestamp,
        duration_sec: 1.5,
        resources: [job.originalUrl],
      });
    }
    json(res, 404, { status: 'error', status_ext: 'error:not-found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
