import { captureFailureText } from '../core/capture/capture-text.ts';
import { channelName, platformName } from '../core/i18n/place-words.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';
import { categoryLabel, outcomeLabel } from '../core/i18n/vocabulary.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentReference } from '../core/reference.ts';
import { type EvidencePackJson, evidencePackJsonSchema, JSON_PACK_VERSION } from './evidence-json-schema.ts';
import type { EvidenceIncident, EvidencePack, EvidencePageCapture } from './evidence-pack.ts';
import { instantText, occurredText } from './evidence-time.ts';

/**
 * The pack as the documented JSON shape (evidence-json-schema.ts), checked against it before it is written. Keys
 * and codes never change; only the `…Label`, `…Name` and `…Text` fields follow the pack's language.
 */
export function toEvidenceJson(pack: EvidencePack): EvidencePackJson {
  const t = translator(pack.language);
  const at = (date: Date) => instantText(date, pack.timezone);
  return evidencePackJsonSchema.parse({
    format: 'shieldwall-evidence-pack',
    version: JSON_PACK_VERSION,
    collective: pack.collectiveName,
    generatedAt: at(pack.generatedAt),
    timezone: pack.timezone,
    subject:
      pack.subject.kind === 'offender'
        ? { kind: 'offender', account: accountJson(pack.subject.account) }
        : { kind: 'incident', reference: incidentReference(pack.subject.id) },
    reporters: pack.reporters,
    membersAttacked: pack.membersAttacked,
    incidentCount: pack.incidents.length,
    incidents: pack.incidents.map((incident) => incidentJson(incident, pack.timezone, t)),
  } satisfies EvidencePackJson);
}

export function renderJson(pack: EvidencePack): Buffer {
  return Buffer.from(`${JSON.stringify(toEvidenceJson(pack), null, 2)}\n`, 'utf8');
}

function incidentJson(incident: EvidenceIncident, timezone: string, t: Translator) {
  const at = (date: Date) => instantText(date, timezone);
  return {
    reference: incidentReference(incident.id),
    id: incident.id,
    postUrl: incident.postUrl,
    kind: incident.kind,
    platform: incident.platform,
    platformName: platformName(t, incident.platform),
    channel: incident.channel,
    // The channel's own label: the platform of a direct message is in `platform` beside it.
    channelLabel: incident.channel ? channelName(t, incident.channel) : null,
    account: incident.account ? accountJson(incident.account) : null,
    accountNamedBy: incident.accountNamedBy,
    category: incident.category,
    categoryLabel: categoryLabel(t, incident.category),
    severity: incident.severity,
    occurredAt: incident.occurredAt ? occurredText(incident.occurredAt, timezone) : null,
    firstReportedAt: at(incident.firstReportedAt),
    status: incident.status,
    resolution: incident.resolution
      ? {
          outcome: incident.resolution.outcome,
          outcomeLabel: outcomeLabel(t, incident.resolution.outcome),
          resolvedAt: at(incident.resolution.at),
        }
      : null,
    actions: { supportiveReplies: incident.supportiveReplies, reportsFiled: incident.reportsFiled },
    reports: incident.reports.map((report) => ({
      reporter: report.reporter,
      byMemberAttacked: report.byMemberAttacked,
      reportedAt: at(report.reportedAt),
      sourceUrl: report.sourceUrl,
      wording: report.wording,
    })),
    screenshots: incident.screenshots.map((shot) => ({ ...shot })),
    pageCaptures: incident.pageCaptures.map((capture) => pageCaptureJson(capture, timezone, t)),
  };
}

/** Field by field, so that the PNG's bytes a PDF pack carries can never slip into the JSON. */
function pageCaptureJson(capture: EvidencePageCapture, timezone: string, t: Translator) {
  const at = (date: Date | null) => (date ? instantText(date, timezone) : null);
  return {
    page: capture.page,
    url: capture.url,
    state: capture.state,
    failure: capture.failure,
    failureText: capture.failure ? captureFailureText(t, capture.failure) : null,
    capturedAt: at(capture.capturedAt),
    finalUrl: capture.finalUrl,
    httpStatus: capture.httpStatus,
    screenshot: capture.screenshot
      ? { sha256: capture.screenshot.sha256, bytes: capture.screenshot.bytes }
      : null,
    html: capture.html ? { sha256: capture.html.sha256, bytes: capture.html.bytes } : null,
    archiveUrl: capture.archiveUrl,
    goneAt: at(capture.goneAt),
    goneReason: capture.goneReason,
    stillUpAt: at(capture.stillUpAt),
  };
}

function accountJson(account: AccountRef) {
  return {
    platform: account.platform,
    handle: account.handle,
    display: account.display,
    profileUrl: account.profileUrl ?? null,
  };
}
