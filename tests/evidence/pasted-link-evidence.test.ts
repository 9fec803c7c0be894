import { describe, expect, it } from 'vitest';
import { parseAccountQuery } from '../../src/core/post-url/parse-account-query.ts';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { renderCsv } from '../../src/evidence/render-csv.ts';
import { renderJson } from '../../src/evidence/render-json.ts';
import { renderPdf } from '../../src/evidence/render-pdf.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { member } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { pdfLines } from './pdf-lines.ts';

const t = useFreshLedger();

// What a share sheet appends: each value traces back to the account or device that shared the link.
const SHARER_TRACES = ['igsh', 'NjZiM2M3MzhiZQ', 'ShArEr9', 't=', 's=20', 'u_code', 'dk2j3'];

describe('the link "as pasted" in the ledger and in evidence packs', () => {
  it('is stored and exported without the share parameters that identify who shared it', async () => {
    await t.bot.run(member('ana'), 'flag', 'https://x.com/SomeTroll/status/77?s=20&t=ShArEr9 threat');
    await t.bot.run(member('ben'), 'flag', 'https://www.instagram.com/sometroll/?igsh=NjZiM2M3MzhiZQ==');
    await t.bot.run(member('cy'), 'flag', 'https://www.tiktok.com/@sometroll/video/7301?u_code=dk2j3&_r=1');

    const stored = await t.db.pool.query<{ source_url: string }>(
      'SELECT source_url FROM incident_reports ORDER BY incident_id',
    );
    expect(stored.rows.map((row) => row.source_url)).toEqual([
      'https://x.com/SomeTroll/status/77',
      'https://www.instagram.com/sometroll/',
      'https://www.tiktok.com/@sometroll/video/7301',
    ]);

    const query = parseAccountQuery('x:sometroll');
    if (!query.ok) throw new Error(query.error.message);
    const pack = await loadEvidence(
      createPgEvidenceSource(t.db.pool),
      { kind: 'offender', query: query.value, asTyped: 'x:sometroll' },
      { reporters: 'named', timezone: 'UTC', collectiveName: 'Test collective', now: new Date() },
    );
    if (!pack.ok) throw new Error(pack.error.message);
    const pdf = await renderPdf(pack.value);
    const lines = pdfLines(pdf);
    expect(lines).toContain('As pasted: https://x.com/SomeTroll/status/77');
    const everyFormat = [
      renderJson(pack.value).toString('utf8'),
      renderCsv(pack.value).toString('utf8'),
      lines.join('\n'),
      // The PDF's link annotations, outside the drawn text. Only those: the rest of the file is compressed
      // streams, where any two bytes (`t=`) can turn up by chance.
      ...linkTargets(pdf),
    ];
    expect(linkTargets(pdf).join('\n')).toContain('https://x.com/');
    for (const text of everyFormat) {
      for (const trace of SHARER_TRACES) expect(text).not.toContain(trace);
    }
  });
});

/** Where the PDF's links point: each link annotation's URI, as written in the file. */
function linkTargets(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/URI\s*\(((?:[^()\\]|\\.)*)\)/g)].map(
    (match) => match[1] ?? '',
  );
}
