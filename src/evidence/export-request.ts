import { isLanguage, type Language } from '../core/i18n/language.ts';
import type { Translator } from '../core/i18n/translator.ts';
import { parseAccountQuery } from '../core/post-url/parse-account-query.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { sayError } from '../core/spoken-error.ts';
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
  /** The pack's language, `en` or `fr`; the asker's own when not given. */
  lang?: string;
  /** On the command line, with several collectives: whose incidents (see cli/choose-collective.ts). */
  collective?: string;
}

export interface ExportRequest {
  subject: EvidenceRequestSubject;
  format: ExportFormat;
  out: string | undefined;
  revealReporters: boolean;
  language: Language;
}

// SW-12, sw12, SW 12 or just 12: people copy references from chat and say them on the phone.
const REFERENCE = /^(?:sw[\s-]?)?0*(\d{1,15})$/i;

/**
 * Checks what the lead typed before the ledger is opened, so a typo costs nothing and writes nothing. Problems
 * are said in the asker's language (`t`); the pack is in `--lang`, else in that same language.
 */
export function parseExportRequest(options: ExportOptions, t: Translator): Result<ExportRequest> {
  const { offender, incident } = options;
  if ((offender === undefined) === (incident === undefined)) {
    return fail('export.subject', t('evidence.subject'));
  }
  const format = (options.format ?? 'pdf').trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return fail('export.format', t('evidence.format', { format: String(options.format) }));
  }
  const language = options.lang === undefined ? t.language : options.lang.trim().toLowerCase();
  if (!isLanguage(language)) {
    return fail('export.lang', t('evidence.lang', { typed: String(options.lang).slice(0, 20) }));
  }
  const out = options.out?.trim();
  if (out === '') return fail('export.out', t('evidence.out'));
  const subject = offender !== undefined ? offenderSubject(offender, t) : incidentSubject(incident ?? '', t);
  if (!subject.ok) return subject;
  return ok({
    subject: subject.value,
    format: format as ExportFormat,
    out,
    revealReporters: options.revealReporters === true,
    language,
  });
}

function offenderSubject(text: string, t: Translator): Result<EvidenceRequestSubject> {
  const query = parseAccountQuery(text);
  if (!query.ok) return fail(query.error.code, sayError(query.error, t));
  return ok({ kind: 'offender', query: query.value, asTyped: text.trim() });
}

function incidentSubject(text: string, t: Translator): Result<EvidenceRequestSubject> {
  const match = REFERENCE.exec(text.trim());
  const id = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(id) || id < 1) {
    return fail('export.incident', t('evidence.incident', { text }));
  }
  return ok({ kind: 'incident', id });
}
