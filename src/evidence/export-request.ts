import { parseAccountQuery } from '../core/post-url/parse-account-query.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { EvidenceRequestSubject } from './load-evidence.ts';

export const EXPORT_FORMATS = ['pdf', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export command's options as commander hands them over. */
export interface ExportOptions {
  offender?: string;
  incident?: string;
  format?: string;
  out?: string;
  revealReporters?: boolean;
}

export interface ExportRequest {
  subject: EvidenceRequestSubject;
  format: ExportFormat;
  out: string | undefined;
  revealReporters: boolean;
}

// SW-12, sw12, SW 12 or just 12: people copy references from chat and say them on the phone.
const REFERENCE = /^(?:sw[\s-]?)?0*(\d{1,15})$/i;

/** Checks what the lead typed before the ledger is opened, so a typo costs nothing and writes nothing. */
export function parseExportRequest(options: ExportOptions): Result<ExportRequest> {
  const { offender, incident } = options;
  if ((offender === undefined) === (incident === undefined)) {
    return fail(
      'export.subject',
      'Say what the pack is about: --offender x:SomeTroll (an account, as /offender takes it) or --incident SW-12 ' +
        '(one incident), but not both.',
    );
  }
  const format = (options.format ?? 'pdf').trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return fail(
      'export.format',
      `"${options.format}" is not a format I can write. Use --format pdf (to print or send), json (for systems) ` +
        'or csv (for a spreadsheet).',
    );
  }
  const out = options.out?.trim();
  if (out === '') return fail('export.out', '--out needs a file name, like --out evidence.pdf.');
  const subject = offender !== undefined ? offenderSubject(offender) : incidentSubject(incident ?? '');
  if (!subject.ok) return subject;
  return ok({
    subject: subject.value,
    format: format as ExportFormat,
    out,
    revealReporters: options.revealReporters === true,
  });
}

function offenderSubject(text: string): Result<EvidenceRequestSubject> {
  const query = parseAccountQuery(text);
  if (!query.ok) return query;
  return ok({ kind: 'offender', query: query.value, asTyped: text.trim() });
}

function incidentSubject(text: string): Result<EvidenceRequestSubject> {
  const match = REFERENCE.exec(text.trim());
  const id = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(id) || id < 1) {
    return fail(
      'export.incident',
      `"${text}" is not an incident reference. Give it as the bot shows it, like --incident SW-12.`,
    );
  }
  return ok({ kind: 'incident', id });
}
