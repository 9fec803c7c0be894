import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseAccountQuery } from '../../src/core/post-url/parse-account-query.ts';
import { createEvidenceExporter } from '../../src/evidence/evidence-exporter.ts';
import { evidencePackJsonSchema } from '../../src/evidence/evidence-json-schema.ts';
import type { EvidencePack } from '../../src/evidence/evidence-pack.ts';
import { type EvidenceRequestSubject, loadEvidence } from '../../src/evidence/load-evidence.ts';
import { CSV_COLUMNS, renderCsv } from '../../src/evidence/render-csv.ts';
import { renderJson } from '../../src/evidence/render-json.ts';
import { renderPdf } from '../../src/evidence/render-pdf.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { purgeResolvedBefore } from '../../src/ledger/purge-resolved.ts';
import { testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { pdfLines } from './pdf-lines.ts';
import { seedEvidence } from './seed-evidence.ts';

const t = useFreshLedger();
const NOW = new Date('2026-11-21T14:05:09Z');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A real PNG (RGBA, as browsers' screenshots are), drawn by resvg: `width` by `height` pixels of one colour. */
function png(width: number, height: number, colour: string): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/><circle cx="50%" cy="50%" r="25%" fill="white" fill-opacity="0.5"/></svg>`;
  return Buffer.from(new Resvg(svg).render().asPng());
}

const POST_PNG = png(64, 40, '#c0392b');
const ACCOUNT_PNG = png(48, 48, '#2c3e50');
const POST_HTML = Buffer.from('<html><body><p>the post as the server sent it</p></body></html>');
const ACCOUNT_HTML = Buffer.from('<html><body><h1>@SomeTroll</h1></body></html>');

interface CaptureRow {
  incident: number;
  page: 'post' | 'account';
  url: string;
  state: 'pending' | 'captured' | 'failed';
  failure?: string;
  requestedAt: string;
  capturedAt?: string;
  finalUrl?: string;
  httpStatus?: number;
  screenshot?: Buffer;
  html?: Buffer;
  archiveUrl?: string;
  stillUpAt?: string;
  goneAt?: string;
  goneReason?: 'removed' | 'login-wall';
}

/** As the capture jobs store them (migration 0017), hashes computed here from the bytes. */
async function insertCapture(db: TestDatabase, row: CaptureRow): Promise<void> {
  await db.pool.query(
    `INSERT INTO page_captures (incident_id, page, url, state, failure, requested_at, captured_at, final_url,
       http_status, screenshot, screenshot_sha256, html, html_sha256, archive_url, still_up_at, gone_at, gone_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      row.incident,
      row.page,
      row.url,
      row.state,
      row.failure ?? null,
      row.requestedAt,
      row.capturedAt ?? null,
      row.finalUrl ?? null,
      row.httpStatus ?? null,
      row.screenshot ?? null,
      row.screenshot ? sha256(row.screenshot) : null,
      row.html ?? null,
      row.html ? sha256(row.html) : null,
      row.archiveUrl ?? null,
      row.stillUpAt ?? null,
      row.goneAt ?? null,
      row.goneReason ?? null,
    ],
  );
}

/**
 * SW-1's post and account page captured (the account row written first, so order is the query's doing); its
 * post later found removed. SW-2's post stopped by a login wall, its account page still pending.
 */
async function seedCaptures(db: TestDatabase): Promise<void> {
  await insertCapture(db, {
    incident: 1,
    page: 'account',
    url: 'https://x.com/sometroll',
    state: 'captured',
    requestedAt: '2026-11-18T15:00:01Z',
    capturedAt: '2026-11-18T15:00:09Z',
    finalUrl: 'https://x.com/SomeTroll',
    httpStatus: 200,
    screenshot: ACCOUNT_PNG,
    html: ACCOUNT_HTML,
  });
  await insertCapture(db, {
    incident: 1,
    page: 'post',
    url: 'https://x.com/i/status/1',
    state: 'captured',
    requestedAt: '2026-11-18T15:00:01Z',
    capturedAt: '2026-11-18T15:00:07Z',
    finalUrl: 'https://x.com/SomeTroll/status/1',
    httpStatus: 200,
    screenshot: POST_PNG,
    html: POST_HTML,
    archiveUrl: 'https://web.archive.org/web/20261118150010/https://x.com/SomeTroll/status/1',
    stillUpAt: '2026-11-19T15:00:00Z',
    goneAt: '2026-11-20T11:30:00Z',
    goneReason: 'removed',
  });
  await insertCapture(db, {
    incident: 2,
    page: 'post',
    url: 'https://x.com/i/status/2',
    state: 'failed',
    failure: 'login-wall',
    requestedAt: '2026-11-17T10:00:01Z',
    capturedAt: '2026-11-17T10:00:05Z',
    finalUrl: 'https://x.com/i/flow/login',
    httpStatus: 200,
  });
  await insertCapture(db, {
    incident: 2,
    page: 'account',
    url: 'https://x.com/sometroll',
    state: 'pending',
    requestedAt: '2026-11-17T10:00:01Z',
  });
}

function offender(text: string): EvidenceRequestSubject {
  const query = parseAccountQuery(text);
  if (!query.ok) throw new Error(query.error.message);
  return { kind: 'offender', query: query.value, asTyped: text };
}

async function pack(subject: EvidenceRequestSubject, pageImages = false): Promise<EvidencePack> {
  const result = await loadEvidence(createPgEvidenceSource(t.db.pool), subject, {
    reporters: 'anonymised',
    timezone: 'America/Chicago',
    collectiveName: 'Test collective',
    now: NOW,
    pageImages,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * How many images the PDF file holds (each stored once, however many pages show it). pdfkit stores an RGBA
 * PNG as two image objects, its colours and its alpha as a soft mask: the masks are not counted.
 */
function imageObjects(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  const count = (pattern: RegExp) => raw.match(pattern)?.length ?? 0;
  return count(/\/Subtype \/Image/g) - count(/\/SMask \d+ 0 R/g);
}

describe('captured pages in evidence packs', () => {
  it('lists each capture in the JSON by hash, in UTC and local time, the post before the account page', async () => {
    await seedEvidence(t.db, t.bot);
    await seedCaptures(t.db);
    const text = renderJson(await pack(offender('x:sometroll'), true)).toString('utf8');
    const json = evidencePackJsonSchema.parse(JSON.parse(text));
    const [sw2, sw1] = json.incidents;
    expect(sw1?.reference).toBe('SW-1');
    expect(sw1?.pageCaptures.map((c) => c.page)).toEqual(['post', 'account']);
    expect(sw1?.pageCaptures[0]).toEqual({
      page: 'post',
      url: 'https://x.com/i/status/1',
      state: 'captured',
      failure: null,
      failureText: null,
      capturedAt: { utc: '2026-11-18T15:00:07Z', local: '2026-11-18T09:00:07-06:00' },
      finalUrl: 'https://x.com/SomeTroll/status/1',
      httpStatus: 200,
      screenshot: { sha256: sha256(POST_PNG), bytes: POST_PNG.length },
      html: { sha256: sha256(POST_HTML), bytes: POST_HTML.length },
      archiveUrl: 'https://web.archive.org/web/20261118150010/https://x.com/SomeTroll/status/1',
      goneAt: { utc: '2026-11-20T11:30:00Z', local: '2026-11-20T05:30:00-06:00' },
      goneReason: 'removed',
      stillUpAt: { utc: '2026-11-19T15:00:00Z', local: '2026-11-19T09:00:00-06:00' },
    });
    expect(sw1?.pageCaptures[1]?.screenshot?.sha256).toBe(sha256(ACCOUNT_PNG));
    expect(sw2?.pageCaptures).toMatchObject([
      {
        page: 'post',
        state: 'failed',
        failure: 'login-wall',
        failureText: 'the site showed a login wall instead of the post',
        screenshot: null,
        html: null,
        finalUrl: 'https://x.com/i/flow/login',
      },
      { page: 'account', state: 'pending', capturedAt: null, failure: null },
    ]);
    // Hashes only: not the PNG (even when the pack was loaded with it), nor the page's HTML.
    expect(text).not.toContain('content');
    expect(text).not.toContain(POST_PNG.toString('base64').slice(0, 40));
    expect(text).not.toContain('the post as the server sent it');
  });

  it('adds capture columns at the end of the CSV, the columns before them unchanged', async () => {
    await seedEvidence(t.db, t.bot);
    await seedCaptures(t.db);
    const rows: Record<string, string>[] = parse(renderCsv(await pack(offender('x:sometroll'))), {
      bom: true,
      columns: true,
    });
    const columns = Object.keys(rows[0] ?? {});
    expect(columns.slice(0, 28).at(-1)).toBe('account_named_by');
    expect(columns.slice(0, 3)).toEqual(['reference', 'first_reported_utc', 'first_reported_local']);
    expect(columns).toEqual([...CSV_COLUMNS]);
    const sw1 = rows.find((row) => row.reference === 'SW-1');
    expect(sw1).toMatchObject({
      post_capture: 'captured',
      post_captured_utc: '2026-11-18T15:00:07Z',
      post_captured_local: '2026-11-18T09:00:07-06:00',
      post_capture_final_url: 'https://x.com/SomeTroll/status/1',
      post_capture_http_status: '200',
      post_capture_sha256: sha256(POST_PNG),
      post_capture_html_sha256: sha256(POST_HTML),
      post_capture_failure: '',
      post_archive_url: 'https://web.archive.org/web/20261118150010/https://x.com/SomeTroll/status/1',
      post_gone_utc: '2026-11-20T11:30:00Z',
      post_gone_reason: 'removed',
      account_capture: 'captured',
      account_capture_sha256: sha256(ACCOUNT_PNG),
    });
    expect(rows.find((row) => row.reference === 'SW-2')).toMatchObject({
      post_capture: 'failed',
      post_capture_sha256: '',
      post_capture_failure: 'the site showed a login wall instead of the post',
      post_gone_utc: '',
      account_capture: 'pending',
      account_capture_sha256: '',
    });
  });

  it('reads the PNGs only for a PDF, and only as many as the budget allows', async () => {
    await seedEvidence(t.db, t.bot);
    await seedCaptures(t.db);
    const forCsv = await pack(offender('x:sometroll'));
    expect(forCsv.incidents[1]?.pageCaptures[0]?.screenshot).toEqual({
      sha256: sha256(POST_PNG),
      bytes: POST_PNG.length,
    });
    const forPdf = await pack(offender('x:sometroll'), true);
    expect(Buffer.from(forPdf.incidents[1]?.pageCaptures[0]?.screenshot?.content ?? [])).toEqual(POST_PNG);
    const source = createPgEvidenceSource(t.db.pool);
    const withinBudget = await source.pageCaptures([1], { images: true, imageBudgetBytes: POST_PNG.length });
    expect(withinBudget.map((c) => [c.page, c.screenshot?.content !== undefined])).toEqual([
      ['post', true],
      ['account', false],
    ]);
  });

  it('shows each captured screenshot in the PDF, captioned with its hash, and says in words why a capture failed', async () => {
    await seedEvidence(t.db, t.bot);
    await seedCaptures(t.db);
    const pdf = await renderPdf(await pack(offender('x:sometroll'), true));
    const withoutImages = await renderPdf(await pack(offender('x:sometroll')));
    expect(imageObjects(pdf)).toBe(2);
    expect(imageObjects(withoutImages)).toBe(0);
    expect(pdf.length).toBeGreaterThan(withoutImages.length);
    const lines = pdfLines(pdf);
    const text = lines.join('\n');
    expect(lines).toContain('Captured pages (2)');
    expect(text).toContain(sha256(POST_PNG));
    expect(text).toContain(`Screenshot of the post of SW-1\nPNG SHA-256 ${sha256(POST_PNG)}`);
    expect(text).toContain(`Screenshot of the account's page of SW-1\nPNG SHA-256 ${sha256(ACCOUNT_PNG)}`);
    expect(text).toContain(sha256(POST_HTML));
    expect(text).toContain('Captured\n2026-11-18 15:00:07 UTC (2026-11-18 09:00:07 America/Chicago)');
    expect(text).toContain('2026-11-20 11:30:00 UTC (2026-11-20 05:30:00 America/Chicago): removed');
    expect(text).toContain('https://web.archive.org/web/20261118150010/https://x.com/SomeTroll/status/1');
    expect(text).toContain(
      'Capture failed: the site showed a login wall instead of the post\n2026-11-17 10:00:05 UTC (2026-11-17 04:00:05 America/Chicago)',
    );
    expect(text).toContain('Not captured yet.');
    // A PDF loaded without the images says where they are instead of leaving a silent gap.
    expect(pdfLines(withoutImages).join('\n')).toContain('not in this PDF');

    // SW-2 alone: a failed capture and a pending one, and no image at all.
    const failedOnly = await renderPdf(await pack({ kind: 'incident', id: 2 }, true));
    expect(imageObjects(failedOnly)).toBe(0);
    expect(pdfLines(failedOnly).join('\n')).toContain(
      'Capture failed: the site showed a login wall instead of the post',
    );
  });

  it('draws the screenshots when /export asks for a PDF, and only lists their hashes in JSON', async () => {
    await seedEvidence(t.db, t.bot);
    await seedCaptures(t.db);
    const exporter = createEvidenceExporter(createPgEvidenceSource(t.db.pool), testSettings);
    const pdf = await exporter.export({ incident: 'SW-1', format: 'pdf', revealReporters: false });
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(imageObjects(Buffer.from(pdf.value.data))).toBe(2);
    const json = await exporter.export({ incident: 'SW-1', format: 'json', revealReporters: false });
    if (!json.ok) throw new Error(json.error.message);
    expect(Buffer.from(json.value.data).toString('utf8')).toContain(sha256(POST_PNG));
  });

  it('continues a screenshot taller than a page over the next pages, storing it once', async () => {
    await seedEvidence(t.db, t.bot);
    const tall = png(20, 800, '#16a085');
    await insertCapture(t.db, {
      incident: 1,
      page: 'post',
      url: 'https://x.com/i/status/1',
      state: 'captured',
      requestedAt: '2026-11-18T15:00:01Z',
      capturedAt: '2026-11-18T15:00:07Z',
      httpStatus: 200,
      screenshot: tall,
      html: POST_HTML,
    });
    const pdf = await renderPdf(await pack({ kind: 'incident', id: 1 }, true));
    expect(imageObjects(pdf)).toBe(1);
    const lines = pdfLines(pdf);
    // 800 px scaled to the width of the page (about 481 pt for 20 px) is some 19,000 pt: many pages.
    expect(
      lines.filter((line) => line === 'Screenshot of the post of SW-1, continued.').length,
    ).toBeGreaterThan(10);
    expect(lines.join('\n')).toContain(`PNG SHA-256 ${sha256(tall)}`);
  });

  it('still makes the PDF when a stored screenshot is no image it can draw', async () => {
    await seedEvidence(t.db, t.bot);
    const broken = Buffer.from('not a png at all');
    await insertCapture(t.db, {
      incident: 1,
      page: 'post',
      url: 'https://x.com/i/status/1',
      state: 'captured',
      requestedAt: '2026-11-18T15:00:01Z',
      capturedAt: '2026-11-18T15:00:07Z',
      screenshot: broken,
      html: POST_HTML,
    });
    const pdf = await renderPdf(await pack({ kind: 'incident', id: 1 }, true));
    expect(imageObjects(pdf)).toBe(0);
    expect(pdfLines(pdf).join('\n')).toContain(
      `The screenshot of the post of SW-1 could not be drawn in this PDF; its SHA-256 is above.`,
    );
  });

  it('packs a purged incident, whose captures are gone with its other personal data, with none', async () => {
    await seedEvidence(t.db, t.bot);
    await seedCaptures(t.db);
    expect(await purgeResolvedBefore(t.db.pool, new Date('2026-11-21T00:00:00Z'), NOW)).toBe(1);
    // What the capture change's purge does (rows deleted), done here so the pack is checked either way.
    await t.db.pool.query('DELETE FROM page_captures WHERE incident_id = 1');
    const p = await pack(offender('x:sometroll'), true);
    expect(p.incidents.map((incident) => [incident.id, incident.pageCaptures.length])).toEqual([
      [2, 2],
      [1, 0],
    ]);
    const json = evidencePackJsonSchema.parse(JSON.parse(renderJson(p).toString('utf8')));
    expect(json.incidents[1]?.pageCaptures).toEqual([]);
    const rows: Record<string, string>[] = parse(renderCsv(p), { bom: true, columns: true });
    expect(rows.filter((row) => row.reference === 'SW-1').map((row) => row.post_capture)).toEqual([
      '',
      '',
      '',
    ]);
    const pdf = await renderPdf(p);
    expect(imageObjects(pdf)).toBe(0);
    expect(pdfLines(pdf)).toContain('None on record.');
  });
});
