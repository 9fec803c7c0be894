import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseAccountQuery } from '../../src/core/post-url/parse-account-query.ts';
import { subjectTitle } from '../../src/evidence/evidence-labels.ts';
import type { EvidencePack } from '../../src/evidence/evidence-pack.ts';
import { accountArgument, loadEvidence } from '../../src/evidence/load-evidence.ts';
import { packFileName } from '../../src/evidence/pack-file-name.ts';
import { renderCsv } from '../../src/evidence/render-csv.ts';
import { renderJson } from '../../src/evidence/render-json.ts';
import { renderPdf } from '../../src/evidence/render-pdf.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { pdfLines } from './pdf-lines.ts';
import { CALLER, type EveryKind, seedEveryKindOfAttack, TARGET_TRACES } from './seed-evidence.ts';

const t = useFreshLedger();
const NOW = new Date('2026-11-21T14:05:09Z');
// Every C0 control but the line break, and DEL: none may reach the PDF's text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

async function pack(about: { offender: string } | { incident: number }): Promise<EvidencePack> {
  let subject: Parameters<typeof loadEvidence>[1];
  if ('offender' in about) {
    const query = parseAccountQuery(about.offender);
    if (!query.ok) throw new Error(query.error.message);
    subject = { kind: 'offender', query: query.value, asTyped: about.offender };
  } else {
    subject = { kind: 'incident', id: about.incident };
  }
  const result = await loadEvidence(createPgEvidenceSource(t.db.pool), subject, {
    reporters: 'anonymised',
    timezone: 'America/Chicago',
    collectiveName: 'Test collective',
    now: NOW,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The one incident of a pack, as the JSON export writes it. */
function jsonIncident(p: EvidencePack): Record<string, unknown> {
  const json = JSON.parse(renderJson(p).toString('utf8'));
  expect(json.incidents).toHaveLength(1);
  return json.incidents[0];
}

function csvRows(p: EvidencePack): Record<string, string>[] {
  return parse(renderCsv(p), { bom: true, columns: true });
}

/** The PDF's lines, and the value printed beside a field's label (the line after it). */
async function pdf(
  p: EvidencePack,
): Promise<{ lines: string[]; field: (label: string) => string | undefined }> {
  const lines = pdfLines(await renderPdf(p));
  for (const line of lines) expect(line).not.toMatch(CONTROL);
  return {
    lines,
    field: (label) => {
      const at = lines.indexOf(label);
      return at === -1 ? undefined : lines[at + 1];
    },
  };
}

async function seeded(): Promise<EveryKind> {
  return seedEveryKindOfAttack(t.bot);
}

describe('evidence packs of attacks the link does not name, or that have no link', () => {
  it('shows a phone call from a caller known by name: where, the day it happened, and who named him', async () => {
    await seeded();
    const p = await pack({ offender: `name:${CALLER}` });
    expect(subjectTitle(p)).toBe(CALLER);
    expect(packFileName(p, 'pdf')).toBe('shieldwall-evidence-name-jo-bloggs-2026-11-21.pdf');

    const json = JSON.parse(renderJson(p).toString('utf8'));
    expect(json.subject).toEqual({
      kind: 'offender',
      account: { platform: 'offline', handle: 'jo bloggs', display: CALLER, profileUrl: null },
    });
    expect(jsonIncident(p)).toMatchObject({
      kind: 'offline',
      platform: 'offline',
      platformName: 'Off-platform',
      channel: 'phone',
      channelLabel: 'Phone call or text',
      // Only the day was given: no time is made up for it.
      occurredAt: { day: '2026-11-16', utc: null, local: null },
      account: { platform: 'offline', display: CALLER },
      accountNamedBy: 'member',
    });

    const [row] = csvRows(p);
    expect(row).toMatchObject({
      platform: 'Off-platform',
      account: CALLER,
      // No link, and no internal key in its place.
      post_url: '',
      source_url: '',
      kind: 'offline',
      channel: 'Phone call or text',
      occurred_day: '2026-11-16',
      occurred_utc: '',
      occurred_local: '',
      account_named_by: 'member',
    });

    const { lines, field } = await pdf(p);
    expect(lines).toContain(CALLER);
    expect(field('Where')).toBe('Phone call or text');
    expect(field('When it happened')).toBe('2026-11-16 (America/Chicago; no time of day was given)');
    expect(field('Attacker')).toBe(`${CALLER} (named by a member)`);
    // No link to show, and no internal key in its place.
    expect(lines).not.toContain('Post');
    expect(lines.join('\n')).not.toMatch(/offline:|Off-platform|As pasted: phone/);
    expect(lines.some((line) => line.includes(`Evidence pack: ${CALLER} · Test collective`))).toBe(true);
  });

  it('shows a direct message on Instagram from an account a member named, at the time given', async () => {
    await seeded();
    const p = await pack({ offender: 'instagram:racistguy' });
    expect(jsonIncident(p)).toMatchObject({
      kind: 'offline',
      platform: 'instagram',
      channel: 'dm',
      channelLabel: 'Direct message',
      occurredAt: {
        day: '2026-11-18',
        utc: '2026-11-19T03:30:00Z',
        local: '2026-11-18T21:30:00-06:00',
      },
      account: { platform: 'instagram', handle: 'racistguy', display: '@racistguy' },
      accountNamedBy: 'member',
    });
    expect(csvRows(p)[0]).toMatchObject({
      // A leading @ is escaped like a formula, as for every handle.
      account: "'@racistguy",
      channel: 'Direct message',
      occurred_day: '2026-11-18',
      occurred_utc: '2026-11-19T03:30:00Z',
      occurred_local: '2026-11-18T21:30:00-06:00',
      account_named_by: 'member',
    });
    const { field } = await pdf(p);
    expect(field('Where')).toBe('Direct message on Instagram');
    expect(field('When it happened')).toBe('2026-11-19 03:30:00 UTC (2026-11-18 21:30:00 America/Chicago)');
    expect(field('Attacker')).toBe('@racistguy on Instagram (named by a member)');
  });

  it('shows a comment with its link, and its author as unknown', async () => {
    const ids = await seeded();
    const p = await pack({ incident: ids.comment });
    expect(jsonIncident(p)).toMatchObject({
      kind: 'comment',
      postUrl: 'https://facebook.com/citynews/posts/123?comment_id=9',
      account: null,
      accountNamedBy: null,
      channel: null,
      channelLabel: null,
      occurredAt: null,
    });
    expect(csvRows(p)[0]).toMatchObject({
      account: 'unknown',
      kind: 'comment',
      channel: '',
      occurred_day: '',
      account_named_by: '',
    });
    const { lines, field } = await pdf(p);
    expect(field('Comment')).toBe('https://facebook.com/citynews/posts/123?comment_id=9');
    expect(field('Account')).toBe('unknown');
    expect(lines).not.toContain('When it happened');
    expect(lines.join('\n')).not.toContain('not named in the link');
  });

  it('shows a complaint by someone unknown, with no link and no made-up account', async () => {
    const ids = await seeded();
    const p = await pack({ incident: ids.complaint });
    expect(jsonIncident(p)).toMatchObject({
      kind: 'offline',
      platform: 'offline',
      channel: 'complaint',
      channelLabel: 'Complaint to an employer or licensing body',
      account: null,
      accountNamedBy: null,
      category: 'complaint',
    });
    expect(csvRows(p)[0]).toMatchObject({
      account: 'unknown',
      channel: 'Complaint to an employer or licensing body',
    });
    const { lines, field } = await pdf(p);
    expect(field('Where')).toBe('Complaint to an employer or licensing body');
    expect(field('Attacker')).toBe('unknown');
    expect(lines.join('\n')).not.toMatch(/offline:|unknown:/);
    // Zora flagged it herself: first-hand, and still never named.
    expect(lines).toContain('Reporter 1 (the member attacked)');
  });

  it('never names the person attacked, in any format of any of these packs', async () => {
    const ids = await seeded();
    const packs = await Promise.all([
      pack({ offender: `name:${CALLER}` }),
      pack({ offender: 'instagram:racistguy' }),
      pack({ incident: ids.comment }),
      pack({ incident: ids.complaint }),
    ]);
    for (const p of packs) {
      const texts = [
        renderJson(p).toString('utf8'),
        renderCsv(p).toString('utf8'),
        pdfLines(await renderPdf(p)).join('\n'),
      ];
      for (const text of texts) for (const name of TARGET_TRACES) expect(text).not.toContain(name);
    }
  });

  it('names the file of a person’s pack after the name, folded to characters every file system takes', async () => {
    const p = { generatedAt: NOW, timezone: 'America/Chicago' } as const;
    const about = (handle: string): EvidencePack =>
      ({
        ...p,
        subject: { kind: 'offender', account: { platform: 'offline', handle, display: handle } },
      }) as EvidencePack;
    expect(packFileName(about('zoë åberg'), 'csv')).toBe('shieldwall-evidence-name-zoe-aberg-2026-11-21.csv');
    // Nothing is left of a name in another script once folded: a short hash keeps two such names apart.
    const first = packFileName(about('иван петров'), 'pdf');
    expect(first).toMatch(/^shieldwall-evidence-name-[0-9a-f]{10}-2026-11-21\.pdf$/);
    expect(packFileName(about('пётр иванов'), 'pdf')).not.toBe(first);
  });

  it('tells a lead how to ask for a person known by name on the command line', () => {
    expect(accountArgument({ platform: 'offline', handle: 'jo bloggs', display: CALLER })).toBe(
      `"name:${CALLER}"`,
    );
    expect(accountArgument({ platform: 'x', handle: 'sometroll', display: '@SomeTroll' })).toBe(
      'x:sometroll',
    );
  });
});
