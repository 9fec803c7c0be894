import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningShieldwall, startShieldwall } from '../../src/app/start-shieldwall.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildIncidentCard } from '../../src/core/incident/incident-card.ts';
import { createEvidenceExporter } from '../../src/evidence/evidence-exporter.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startFakeArchive } from '../fakes/internet-archive.ts';
import { CHROMIUM_TESTS_RUN } from '../support/chromium.ts';
import { emptyLedger } from '../support/fresh-ledger.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';

const POST_HTML =
  '<!doctype html><html><body><h1>@SomeTroll</h1><p>A post that must be kept.</p></body></html>';
const ACCOUNT_HTML =
  '<!doctype html><html><body><h1>SomeTroll</h1><p>Joined 2024. Public account.</p></body></html>';
const LOGIN_HTML =
  '<!doctype html><html><body><form action="/login"><h1>Log in to see this post</h1>' +
  '<input name="user"><input type="password" name="password"><button>Log in</button></form></body></html>';

/** A site on loopback standing in for x.com: the test's captures go here instead (see CaptureWork.addressFor). */
class LocalSite {
  readonly requests: string[] = [];
  private holdSlowPost = true;
  private readonly held: http.ServerResponse[] = [];
  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<LocalSite> {
    const site: LocalSite = new LocalSite(http.createServer((req, res) => site.answer(req.url ?? '', res)));
    await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
    return site;
  }

  get origin() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** `https://x.com/i/status/1` → `http://127.0.0.1:port/x.com/i/status/1`. */
  addressFor = (url: string) => {
    const parsed = new URL(url);
    return `${this.origin}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
  };

  release() {
    this.holdSlowPost = false;
    for (const res of this.held.splice(0)) res.end(POST_HTML);
  }

  async close() {
    this.release();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(url: string, res: http.ServerResponse) {
    this.requests.push(url);
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (url === '/x.com/i/status/123') return html(POST_HTML);
    if (url === '/x.com/i/status/555') return html(LOGIN_HTML);
    if (url === '/x.com/i/status/777') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (this.holdSlowPost) return void this.held.push(res);
      return void res.end(POST_HTML);
    }
    if (/^\/x\.com\/[a-z]+$/.test(url)) return html(ACCOUNT_HTML);
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<!doctype html><p>Page not found</p>');
  }
}

let db: TestDatabase;
let site: LocalSite;
beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  site = await LocalSite.start();
});
afterAll(async () => {
  await site?.close();
  await db?.drop();
});
beforeEach(async () => {
  await emptyLedger(db);
});

/** Shieldwall as `npm start` runs it (the terminal), on the test database, with capture on. */
async function startBot(extra: Record<string, string> = {}): Promise<{
  bot: RunningShieldwall;
  type: (line: string) => void;
  said: () => string;
}> {
  const config = loadConfig({
    DATABASE_URL: db.url,
    SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
    SHIELDWALL_TIMEZONE: 'UTC',
    CAPTURE: 'on',
    CAPTURE_ALLOW_LOOPBACK_UNSAFE: 'on',
    CAPTURE_TIMEOUT_SECONDS: '20',
    CAPTURE_RETRY_SECONDS: '1',
    ...extra,
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const bot = await startShieldwall({
    config,
    log: createLogger('silent'),
    input,
    output,
    onLedgerLost: () => undefined,
    pageCapture: { addressFor: site.addressFor },
  });
  return { bot, type: (line) => input.write(`${line}\n`), said: () => text };
}

async function capturesOf(incidentId: number) {
  const result = await db.pool.query(
    `SELECT page, url, state, failure, final_url, http_status, captured_at, screenshot, screenshot_sha256, html,
            html_sha256, next_check_at, archive_url
     FROM page_captures WHERE incident_id = $1 ORDER BY page DESC`,
    [incidentId],
  );
  return result.rows;
}

/** Polls the ledger until `pick` finds what it waits for. */
async function waitForRows<T>(
  pick: (rows: Awaited<ReturnType<typeof capturesOf>>) => T | undefined,
  timeoutMs: number,
): Promise<T> {
  let rows: Awaited<ReturnType<typeof capturesOf>> = [];
  return waitUntil(
    () => pick(rows),
    timeoutMs,
    'the captures',
    async () => {
      rows = await capturesOf(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  );
}

/** Every line of the incident's card as the ledger would draw it now. */
async function cardText(incidentId: number): Promise<string> {
  const incident = await createPgLedger(db.pool).getIncident(incidentId);
  if (!incident) throw new Error(`no incident ${incidentId}`);
  const card = buildIncidentCard(incident, { ...loadConfig({}).settings, timezone: 'UTC' });
  return JSON.stringify(card);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!CHROMIUM_TESTS_RUN)(
  'the post and the account page captured when an attack is flagged',
  () => {
    it('keeps both pages whole with their hashes, says so on the card, and shows the screenshot in the PDF pack', async () => {
      const { bot, type, said } = await startBot();
      try {
        type('/flag https://x.com/SomeTroll/status/123?s=20 threat he said he would find me');
        await waitUntil(() => said().includes('Recorded as SW-1') || undefined, 20_000);
        expect(said()).toContain('capturing the post');
        const rows = await waitForRows(
          (found) =>
            found.length === 2 && found.every((row) => row.state !== 'pending') ? found : undefined,
          60_000,
        );
        const [post, account] = rows;
        expect(post).toMatchObject({
          page: 'post',
          url: 'https://x.com/i/status/123',
          state: 'captured',
          http_status: 200,
        });
        expect(account).toMatchObject({ page: 'account', url: 'https://x.com/sometroll', state: 'captured' });
        // The page as served, byte for byte, and a PNG, each with the hash of exactly what is stored.
        expect(Buffer.from(post.html).toString('utf8')).toBe(POST_HTML);
        expect(Buffer.from(account.html).toString('utf8')).toBe(ACCOUNT_HTML);
        expect(Buffer.from(post.screenshot).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect(post.screenshot_sha256).toBe(sha256(post.screenshot));
        expect(post.html_sha256).toBe(sha256(post.html));
        expect(account.screenshot_sha256).toBe(sha256(account.screenshot));
        expect(post.final_url).toBe(`${site.origin}/x.com/i/status/123`);
        // Checked again a day after the flag (CAPTURE_RECHECK_DAYS' first day).
        expect(post.next_check_at).toBeInstanceOf(Date);
        expect(account.next_check_at).toBeNull();

        // The card (redrawn by the job where there is one; the terminal has none) gives the time of the capture.
        const at = (post.captured_at as Date).toISOString();
        expect(await cardText(1)).toContain(
          `The post was captured at ${at.slice(0, 10)} ${at.slice(11, 16)} UTC`,
        );
        expect(await cardText(1)).toContain("The account's page was captured at");

        // A second flag of the same post captures nothing again, and its reply says when it was captured.
        type('/as bob');
        type('/flag https://x.com/sometroll/status/123');
        await waitUntil(() => said().includes('Added you to SW-1') || undefined, 20_000);
        expect(said()).toMatch(/Shieldwall captured the post at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
        expect(await capturesOf(1)).toHaveLength(2);
        expect(site.requests.filter((url) => url === '/x.com/i/status/123')).toHaveLength(1);

        const exporter = createEvidenceExporter(createPgEvidenceSource(db.pool), {
          ...loadConfig({}).settings,
          timezone: 'UTC',
        });
        const pack = await exporter.export({ incident: 'SW-1', format: 'pdf', revealReporters: false });
        expect(pack.ok).toBe(true);
        if (!pack.ok) return;
        const pdf = Buffer.from(pack.value.data).toString('latin1');
        expect(pdf).toMatch(/\/Subtype\s*\/Image/);
      } finally {
        await bot.stop();
      }
    }, 120_000);

    it('ends a login wall as a clear failure: nothing of the page kept, the member asked to screenshot it', async () => {
      const { bot, type, said } = await startBot();
      try {
        type('/flag https://x.com/Walled/status/555 hate');
        await waitUntil(() => said().includes('Recorded as SW-1') || undefined, 20_000);
        const post = await waitForRows(
          (found) => found.find((row) => row.page === 'post' && row.state !== 'pending'),
          60_000,
        );
        expect(post).toMatchObject({ state: 'failed', failure: 'login-wall', screenshot: null, html: null });
        expect(post.screenshot_sha256).toBeNull();
        // Told privately, and the card says it too.
        await waitUntil(() => said().includes('could not capture the post of SW-1') || undefined, 20_000);
        expect(said()).toContain('the site showed a login wall instead of the post');
        expect(await cardText(1)).toContain(
          'The post could not be captured (the site showed a login wall instead of the post): please screenshot it.',
        );
      } finally {
        await bot.stop();
      }
    }, 120_000);

    it('captures once when the bot is restarted in the middle of a capture', async () => {
      const first = await startBot();
      try {
        first.type('/flag https://x.com/SlowTroll/status/777 threat');
        await waitUntil(() => site.requests.includes('/x.com/i/status/777') || undefined, 60_000);
      } finally {
        await first.bot.stop();
      }
      expect((await capturesOf(1)).find((row) => row.page === 'post')?.state).toBe('pending');
      site.release();
      const second = await startBot();
      try {
        const post = await waitForRows(
          (found) => found.find((row) => row.page === 'post' && row.state === 'captured'),
          90_000,
        );
        expect(Buffer.from(post.html).toString('utf8')).toBe(POST_HTML);
        const stored = await db.pool.query(
          "SELECT count(*)::int AS n FROM page_captures WHERE incident_id = 1 AND page = 'post'",
        );
        expect(stored.rows[0].n).toBe(1);
        // The page was asked for again after the restart, and kept once.
        expect(site.requests.filter((url) => url === '/x.com/i/status/777').length).toBeGreaterThanOrEqual(2);
      } finally {
        await second.bot.stop();
      }
    }, 180_000);

    it('asks the Internet Archive for a copy when the collective turns it on, and records where it is', async () => {
      const archive = await startFakeArchive({ accessKey: 'access', secretKey: 'secret' });
      const { bot, type, said } = await startBot({
        CAPTURE_ARCHIVE: 'on',
        ARCHIVE_API_URL: archive.url,
        ARCHIVE_ACCESS_KEY: 'access',
        ARCHIVE_SECRET_KEY: 'secret',
      });
      try {
        type('/flag https://x.com/SomeTroll/status/123 threat');
        await waitUntil(() => said().includes('Recorded as SW-1') || undefined, 20_000);
        const archived = await waitForRows(
          (found) => (found.length === 2 && found.every((row) => row.archive_url) ? found : undefined),
          60_000,
        );
        for (const row of archived)
          expect(row.archive_url).toBe(`${archive.url}/web/20261204195501/${site.addressFor(row.url)}`);
        expect(archive.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
        expect(archive.requests.every((request) => request.authorization === 'LOW access:secret')).toBe(true);
      } finally {
        await bot.stop();
        await archive.close();
      }
    }, 120_000);
  },
);

describe('without a browser', () => {
  it('starts all the same, says once why capture is off, and asks members for screenshots', async () => {
    const { bot, type, said } = await startBot({ CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      expect(said()).toContain(
        'Page capture is off (CHROMIUM_PATH is /nonexistent/chromium, but no executable is there)',
      );
      type('/flag https://x.com/SomeTroll/status/123 threat');
      await waitUntil(() => said().includes('Recorded as SW-1') || undefined, 20_000);
      expect(said()).toContain("Screenshot the post and the account's home page (https://x.com/sometroll)");
      expect(said()).not.toContain('capturing the post');
      expect(await capturesOf(1)).toEqual([]);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});
