import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from './discord-world.ts';
import type { UploadedFile } from './fake-discord-rest.ts';

export interface DiscordRestCall {
  method: string;
  /** e.g. '/channels/123/messages': decoded, without /api/v10 and without the query string. */
  path: string;
  /** e.g. { with_response: 'false' } or { wait: 'true' } */
  query: Record<string, string>;
  /** Parsed JSON, or for multipart: `{ payload_json: parsed, files: [{ name, size }] }`; undefined without a body. */
  body: unknown;
  authorization?: string;
  at: number;
  /** The HTTP status the fake answered. */
  status: number;
  /** Answered 429 by rateLimit(). */
  rateLimited?: boolean;
}

interface Limit {
  method: string;
  pattern: RegExp;
  count: number;
  retryAfterSeconds: number;
}

/** rateLimit() bookkeeping: the next `count` calls matching get Discord's 429. */
export class RateLimits {
  private readonly limits: Limit[] = [];

  add(method: string, pattern: RegExp, count: number, retryAfterSeconds: number): void {
    this.limits.push({ method, pattern, count, retryAfterSeconds });
  }

  /** Answers 429 and returns true when a limit applies to this call. */
  answer(method: string, path: string, res: ServerResponse): boolean {
    const limit = this.limits.find(
      (l) => l.count > 0 && l.method === method && path.search(l.pattern) !== -1,
    );
    if (!limit) return false;
    limit.count -= 1;
    const seconds = limit.retryAfterSeconds;
    // @discordjs/rest sleeps Retry-After (+ its 50 ms offset), then retries the same request.
    sendJson(
      res,
      429,
      { message: 'You are being rate limited.', retry_after: seconds, global: false },
      {
        'retry-after': String(seconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(seconds),
        'x-ratelimit-scope': 'user',
      },
    );
    return true;
  }
}

interface Refusal {
  method: string;
  pattern: RegExp;
  count: number;
  status: number;
  body: object;
}

/** fail() bookkeeping: the next `count` calls matching are refused with `status` and Discord's error body. */
export class Refusals {
  private readonly refusals: Refusal[] = [];

  add(refusal: Refusal): void {
    this.refusals.push(refusal);
  }

  /** Answers the refusal and returns its status when one applies to this call. */
  answer(method: string, path: string, res: ServerResponse): number | undefined {
    const refusal = this.refusals.find(
      (r) => r.count > 0 && r.method === method && path.search(r.pattern) !== -1,
    );
    if (!refusal) return undefined;
    refusal.count -= 1;
    sendJson(res, refusal.status, refusal.body);
    return refusal.status;
  }
}

export function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** JSON, or multipart (`payload_json` + `files[n]`, as @discordjs/rest sends uploads; files recorded by size). */
export async function readBody(
  req: IncomingMessage,
): Promise<{ body: unknown; payload: Json; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, payload: {}, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    let payload: Json = {};
    const files: UploadedFile[] = [];
    for (const [key, value] of form) {
      if (typeof value !== 'string') {
        files.push({
          name: value.name,
          size: value.size,
          ...(value.type ? { contentType: value.type } : {}),
        });
      } else if (key === 'payload_json') payload = JSON.parse(value) as Json;
    }
    return {
      body: { payload_json: payload, files: files.map(({ name, size }) => ({ name, size })) },
      payload,
      files,
    };
  }
  const text = raw.toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: recorded as text
  }
  const payload = body !== null && typeof body === 'object' ? (body as Json) : {};
  return { body, payload, files: [] };
}
