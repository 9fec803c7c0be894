import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:${ts}:${rawBody}`) over the exact bytes sent. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): { 'x-slack-request-timestamp': string; 'x-slack-signature': string } {
  const hmac = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': `v0=${hmac}` };
}

export interface PostToAppOptions {
  headers?: Record<string, string>;
  /** Seconds since the epoch; Bolt rejects (401) anything older than 5 minutes but accepts the future. */
  timestamp?: number;
  /** Sent instead of the computed signature, to forge a request. */
  signature?: string;
  /** Slack's redelivery marker: sets `x-slack-retry-num` and `x-slack-retry-reason: http_timeout`. */
  retryNum?: number;
}

async function post(
  url: string,
  signingSecret: string,
  rawBody: string,
  contentType: string,
  options: PostToAppOptions,
): Promise<{ status: number; body: string }> {
  const signed = signSlackRequest(signingSecret, rawBody, options.timestamp);
  const headers: Record<string, string> = {
    'content-type': contentType,
    ...signed,
    ...(options.signature === undefined ? {} : { 'x-slack-signature': options.signature }),
    ...(options.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }),
    ...options.headers,
  };
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  return { status: response.status, body: await response.text() };
}

/**
 * POSTs form fields (a slash command, or `{ payload: JSON.stringify(x) }` for interactivity), signed.
 * The content-type must be exactly `application/x-www-form-urlencoded`: Bolt's HTTPReceiver compares the header
 * with `===`, so `; charset=utf-8` (which fetch would add for a URLSearchParams body) makes it answer 400.
 */
export function postFormToApp(
  url: string,
  signingSecret: string,
  fields: Record<string, string>,
  options: PostToAppOptions = {},
): Promise<{ status: number; body: string }> {
  const rawBody = new URLSearchParams(fields).toString();
  return post(url, signingSecret, rawBody, 'application/x-www-form-urlencoded', options);
}

/** POSTs a JSON body (Events API envelopes, url_verification), signed. */
export function postJsonToApp(
  url: string,
  signingSecret: string,
  body: object,
  options: PostToAppOptions = {},
): Promise<{ status: number; body: string }> {
  return post(url, signingSecret, JSON.stringify(body), 'application/json', options);
}
