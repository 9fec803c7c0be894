import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserCapturer } from '../../src/capture/browser-capture.ts';
import type { CaptureLimits, PageCapturer } from '../../src/capture/capture-types.ts';
import { findChromium } from '../../src/capture/find-chromium.ts';
import { CHROMIUM_TESTS_RUN } from '../support/chromium.ts';

const POST_HTML = Buffer.from(
  '<!doctype html><html><head><title>post</title></head><body><h1>A nasty post</h1>' +
    '<p>caf\u00e9 \u2014 bytes as sent</p><img src="/pixel.gif"></body></html>',
);
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const LOGIN_FORM =
  '<!doctype html><body><p>Log in to see this post</p><form><input name="user"><input type="password"></form></body>';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MB = 1024 * 1024;

let flakyIsUp = true;
let requestsSeen = 0;

/** A hostile-ish site on loopback: each path plays one part. */
function site(request: http.IncomingMessage, response: http.ServerResponse) {
  requestsSeen += 1;
  const html = (body: string | Buffer, status = 200) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
  const redirect = (to: string) => {
    response.writeHead(302, { location: to }).end();
  };
  switch (request.url) {
    case '/share/1':
      return redirect('/post/1');
    case '/post/1':
      return html(POST_HTML);
    case '/pixel.gif':
      return void response.writeHead(200, { 'content-type': 'image/gif' }).end(PIXEL);
    case '/to-metadata':
      return redirect('http://169.254.169.254/latest/meta-data/');
    case '/to-private':
      return redirect('http://10.0.0.1/');
    case '/private-image':
      return html('<!doctype html><body><p>A post</p><img src="http://10.0.0.1/x.png"></body>');
    case '/hangs':
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<!doctype html><body><p>Loading for ever');
      return; // never ends
    case '/huge': {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 * MB && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => undefined);
      return pump();
    }
    case '/walled/post/2':
      return html(LOGIN_FORM);
    case '/redirects-to-login/post/3':
      return redirect('/login?next=/post/3');
    case '/login?next=/post/3':
      return html(LOGIN_FORM);
    case '/deleted':
      return html('<!doctype html><body>Not here</body>', 404);
    case '/flaky':
      return flakyIsUp ? html('<!doctype html><body>Still up</body>') : html('Gone', 404);
    default:
      return html('no such part', 500);
  }
}

// UNSAFE: loopback is allowed only because the test site is on 127.0.0.1; private addresses stay refused.
const UNSAFE_LOOPBACK_LIMITS: CaptureLimits = { timeoutMs: 20_000, maxBytes: 5 * MB, allowLoopback: true };

describe.skipIf(!CHROMIUM_TESTS_RUN)('capturing a page in a real Chromium', () => {
  let server: http.Server;
  let base: string;
  let capturer: PageCapturer;

  beforeAll(async () => {
    server = http.createServer(site);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const chromium = await findChromium(process.env.CHROMIUM_PATH);
    if (!('path' in chromium)) throw new Error(chromium.missing);
    capturer = createBrowserCapturer({ executablePath: chromium.path, limits: UNSAFE_LOOPBACK_LIMITS });
  });

  afterAll(async () => {
    await capturer?.close();
    server?.closeAllConnections();
    server?.close();
  });

  it('captures a post after a redirect: the HTML as sent, a PNG, the final address and status', async () => {
    const before = Date.now();
    const result = await capturer.capture(`${base}/share/1`);
    expect(result).toMatchObject({ outcome: 'captured', finalUrl: `${base}/post/1`, httpStatus: 200 });
    if (result.outcome !== 'captured') return;
    expect(Buffer.from(result.html).equals(POST_HTML)).toBe(true);
    expect(Buffer.from(result.screenshot.subarray(0, 8)).equals(PNG_SIGNATURE)).toBe(true);
    expect(result.screenshot.length).toBeGreaterThan(1000);
    expect(result.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it.each([
    ['the cloud metadata address', '/to-metadata'],
    ['a private address', '/to-private'],
  ])('refuses a redirect to %s and keeps nothing', async (_name, path) => {
    const result = await capturer.capture(`${base}${path}`);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'refused-address' });
    expect(result).not.toHaveProperty('html');
    expect(result).not.toHaveProperty('screenshot');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url'])(
    'refuses to open %s at all',
    async (address) => {
      expect(await capturer.capture(address)).toMatchObject({ outcome: 'failed', reason: 'error' });
    },
  );

  it('captures a page whose image points at a private address; only the image is refused', async () => {
    const result = await capturer.capture(`${base}/private-image`);
    expect(result).toMatchObject({ outcome: 'captured', httpStatus: 200 });
  });

  it('stops a page past the byte limit as too large', async () => {
    const result = await capturer.capture(`${base}/huge`);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'too-large' });
  });

  it.each([
    ['shows a login form', '/walled/post/2'],
    ['redirects to /login', '/redirects-to-login/post/3'],
  ])('calls a page that %s a login wall and keeps nothing', async (_name, path) => {
    const result = await capturer.capture(`${base}${path}`);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'login-wall' });
    expect(result).not.toHaveProperty('html');
  });

  it('ends a capture stopped at any moment, however early, and captures again afterwards', async () => {
    // Stopped while the context or its page is still being made, Playwright's pending call could wait for ever.
    for (let delay = 0; delay <= 300; delay += 15) {
      const stop = new AbortController();
      setTimeout(() => stop.abort(), delay);
      const result = await capturer.capture(`${base}/share/1`, stop.signal);
      expect(['failed', 'captured']).toContain(result.outcome);
    }
    expect(await capturer.capture(`${base}/share/1`)).toMatchObject({ outcome: 'captured' });
  }, 60_000);

  it('calls a 404 removed', async () => {
    const result = await capturer.capture(`${base}/deleted`);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'removed', httpStatus: 404 });
  });

  it('checks a page as up, then as gone once it answers 404', async () => {
    flakyIsUp = true;
    expect(await capturer.check(`${base}/flaky`)).toMatchObject({ state: 'up' });
    flakyIsUp = false;
    expect(await capturer.check(`${base}/flaky`)).toMatchObject({ state: 'gone', reason: 'removed' });
  });

  it('says unknown, not gone, when the check cannot reach the page', async () => {
    // A closed port on loopback: the proxy cannot connect.
    const closed = http.createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    expect(await capturer.check(`http://127.0.0.1:${port}/post/1`)).toMatchObject({ state: 'unknown' });
    expect(await capturer.capture(`http://127.0.0.1:${port}/post/1`)).toMatchObject({
      reason: 'unreachable',
    });
  });

  it('never lets the browser reach a loopback site when loopback is not allowed', async () => {
    const chromium = await findChromium(process.env.CHROMIUM_PATH);
    if (!('path' in chromium)) throw new Error(chromium.missing);
    const safe = createBrowserCapturer({
      executablePath: chromium.path,
      limits: { ...UNSAFE_LOOPBACK_LIMITS, allowLoopback: false },
    });
    const seenBefore = requestsSeen;
    try {
      expect(await safe.capture(`${base}/post/1`)).toMatchObject({
        outcome: 'failed',
        reason: 'refused-address',
      });
      expect(await safe.capture(`http://localhost:${new URL(base).port}/post/1`)).toMatchObject({
        reason: 'refused-address',
      });
      expect(requestsSeen).toBe(seenBefore);
    } finally {
      await safe.close();
    }
  });

  it('times out on a page that never finishes loading', async () => {
    const chromium = await findChromium(process.env.CHROMIUM_PATH);
    if (!('path' in chromium)) throw new Error(chromium.missing);
    const impatient = createBrowserCapturer({
      executablePath: chromium.path,
      limits: { ...UNSAFE_LOOPBACK_LIMITS, timeoutMs: 3_000 },
    });
    try {
      expect(await impatient.capture(`${base}/hangs`)).toMatchObject({
        outcome: 'failed',
        reason: 'timed-out',
      });
    } finally {
      await impatient.close();
    }
  });
});
