import type { EvidenceSource } from '../core/evidence-source.ts';
import { DEFAULT_LANGUAGE, type Language } from '../core/i18n/language.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';
import type { AccountQuery } from '../core/post-url/parse-account-query.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentReference } from '../core/reference.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { EvidenceIncident, EvidencePack, EvidenceSubject, ReporterDisclosure } from './evidence-pack.ts';
import { createReporterLabels, type ReporterFacts } from './reporter-labels.ts';

/** What to build a pack about, as the lead asked for it (already checked, see export-request.ts). */
export type EvidenceRequestSubject =
  | { kind: 'offender'; query: AccountQuery; asTyped: string }
  | { kind: 'incident'; id: number };

export interface EvidenceContext {
  reporters: ReporterDisclosure;
  timezone: string;
  collectiveName: string;
  now: Date;
  /** The pack's language (`--lang`); English when not said. */
  language?: Language;
  /** Who asked, to say in their language why there is nothing to export; the pack's language when not given. */
  t?: Translator;
  /** Read the captured pages' PNGs, to draw them: for a PDF only (see PDF_IMAGE_BUDGET_BYTES). */
  pageImages?: boolean;
}

/**
 * At most this many bytes of captured PNGs go into one PDF; later captures are listed by hash without their
 * image. pdfkit holds the whole document in memory, and a PDF of hundreds of full-page screenshots is no longer
 * something anyone can print or mail.
 */
export const PDF_IMAGE_BUDGET_BYTES = 64 * 1024 * 1024;

/** Reads everything a pack shows from the ledger, or says kindly why there is nothing to export. */
export async function loadEvidence(
  source: EvidenceSource,
  subject: EvidenceRequestSubject,
  context: EvidenceContext,
): Promise<Result<EvidencePack>> {
  const language = context.language ?? DEFAULT_LANGUAGE;
  const t = context.t ?? translator(language);
  const found =
    subject.kind === 'offender'
      ? await offenderIncidents(source, subject, t)
      : await oneIncident(source, subject.id, t);
  if (!found.ok) return found;
  const [incidents, membersAttacked] = await Promise.all([
    loadIncidents(
      source,
      found.value.ids,
      createReporterLabels(context.reporters, translator(language)),
      context.pageImages === true,
    ),
    source.membersAttacked(found.value.ids),
  ]);
  return ok({
    subject: found.value.subject,
    generatedAt: context.now,
    timezone: context.timezone,
    collectiveName: context.collectiveName,
    language,
    reporters: context.reporters,
    membersAttacked,
    incidents,
  });
}

type Found = Result<{ subject: EvidenceSubject; ids: number[] }>;

async function offenderIncidents(
  source: EvidenceSource,
  subject: Extract<EvidenceRequestSubject, { kind: 'offender' }>,
  t: Translator,
): Promise<Found> {
  // The same lookup as /offender, so a lead can export exactly the account the bot showed them.
  const histories = await source.findOffenders(subject.query);
  const [history, ...others] = histories;
  if (!history) {
    return fail('evidence.no_offender', t('evidence.no_offender', { typed: subject.asTyped }));
  }
  if (others.length > 0) {
    const names = histories.map((h) => `--offender ${accountArgument(h.account)}`).join(', ');
    return fail(
      'evidence.ambiguous_offender',
      t('evidence.ambiguous_offender', { typed: subject.asTyped, count: histories.length, names }),
    );
  }
  if (history.incidents.length === 0) {
    return fail('evidence.no_incidents', t('evidence.no_incidents', { account: history.account.display }));
  }
  return ok({
    subject: { kind: 'offender', account: history.account },
    ids: history.incidents.map((incident) => incident.id),
  });
}

/** How to name the account on the command line so that it matches only itself. */
export function accountArgument(account: AccountRef): string {
  // A person's name is asked for as typed, and quoted: it has spaces the shell would split it at (and a name
  // never holds a double quote, see personName).
  if (account.platform === 'offline') return `"name:${account.display}"`;
  return `${account.platform}:${account.handle}`;
}

async function oneIncident(source: EvidenceSource, id: number, t: Translator): Promise<Found> {
  if (!(await source.incidentExists(id))) {
    return fail(
      'evidence.unknown_incident',
      t('evidence.unknown_incident', { reference: incidentReference(id) }),
    );
  }
  return ok({ subject: { kind: 'incident', id }, ids: [id] });
}

async function loadIncidents(
  source: EvidenceSource,
  ids: number[],
  label: (facts: ReporterFacts) => string,
  pageImages: boolean,
): Promise<EvidenceIncident[]> {
  // The source never gives the person attacked: only whether a reporter is them (see EvidenceSource).
  const [incidents, reports, files, captures] = await Promise.all([
    source.incidents(ids),
    source.reports(ids),
    source.files(ids),
    source.pageCaptures(ids, { images: pageImages, imageBudgetBytes: PDF_IMAGE_BUDGET_BYTES }),
  ]);
  // Labels are handed out incident by incident, oldest first, so "Reporter 1" is the first to report anything.
  return incidents.map((incident) => ({
    id: incident.id,
    postUrl: incident.canonicalUrl,
    kind: incident.kind,
    platform: incident.platform,
    channel: incident.channel,
    account: incident.account,
    accountNamedBy: incident.accountNamedBy,
    category: incident.category,
    severity: incident.severity,
    occurredAt: incident.occurredAt,
    firstReportedAt: incident.firstReportedAt,
    status: incident.status,
    resolution: incident.resolution,
    supportiveReplies: incident.supported,
    reportsFiled: incident.reported,
    reports: reports
      .filter((report) => report.incidentId === incident.id)
      .map((report) => ({
        reporter: label(report.reporter),
        byMemberAttacked: report.reporter.isTarget,
        reportedAt: report.reportedAt,
        sourceUrl: report.sourceUrl,
        wording: report.note,
      })),
    screenshots: files
      .filter((file) => file.incidentId === incident.id)
      .map((file) => ({
        name: file.name,
        platform: file.platform,
        fileId: file.fileId,
        mimetype: file.mimetype,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        reporter: label(file.reporter),
      })),
    // A purged incident has none left: its captures go with its other personal data.
    pageCaptures: captures
      .filter((capture) => capture.incidentId === incident.id)
      .map(({ incidentId: _, ...capture }) => capture),
  }));
}
