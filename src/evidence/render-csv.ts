import { stringify } from 'csv-stringify/sync';
import { captureFailureText } from '../core/capture/capture-text.ts';
import { channelName, platformName, unknownAccount } from '../core/i18n/place-words.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';
import { outcomeLabel } from '../core/i18n/vocabulary.ts';
import { incidentReference } from '../core/reference.ts';
import { categoryText, goneReasonText, screenshotText } from './evidence-labels.ts';
import type { EvidenceIncident, EvidencePack, EvidencePageCapture, EvidenceReport } from './evidence-pack.ts';
import { instantText, occurredText } from './evidence-time.ts';

// What the bot's browser captured: the post and the account page, one of each (a stored capture first).
const CAPTURE_COLUMNS = [
  'post_capture',
  'post_captured_utc',
  'post_captured_local',
  'post_capture_final_url',
  'post_capture_http_status',
  'post_capture_sha256',
  'post_capture_html_sha256',
  'post_capture_failure',
  'post_archive_url',
  'post_gone_utc',
  'post_gone_local',
  'post_gone_reason',
  'account_capture',
  'account_captured_utc',
  'account_captured_local',
  'account_capture_sha256',
  'account_capture_html_sha256',
  'account_capture_failure',
] as const;

/**
 * The columns, in order; the header row uses these names, in every language: they are identifiers that
 * spreadsheets and scripts are built on. The cells that are words (category, outcome, platform…) follow the
 * pack's language; codes (severity, status, kind, yes/no) never change. One row per report, incident fields repeated.
 * Columns are only ever added at the end, so that a spreadsheet built on an older pack still lines up.
 */
export const CSV_COLUMNS = [
  'reference',
  'first_reported_utc',
  'first_reported_local',
  'platform',
  'account',
  'account_profile_url',
  'post_url',
  'category',
  'severity',
  'status',
  'outcome',
  'resolved_utc',
  'resolved_local',
  'supportive_replies',
  'reports_filed',
  'screenshots',
  'reporter',
  'reporter_is_member_attacked',
  'reported_utc',
  'reported_local',
  'source_url',
  'wording',
  'kind',
  'channel',
  'occurred_day',
  'occurred_utc',
  'occurred_local',
  'account_named_by',
  ...CAPTURE_COLUMNS,
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/**
 * A spreadsheet of the pack. UTF-8 with a byte order mark, so that spreadsheet programs read accents right.
 * Cells that start with = + - @ get a leading apostrophe (the library's formula escaping): the wording comes
 * from attackers, and a spreadsheet must never run it. The JSON export keeps every text exactly.
 */
export function renderCsv(pack: EvidencePack): Buffer {
  const t = translator(pack.language);
  const rows = pack.incidents.flatMap((incident) => {
    // An incident always has at least one report; if one ever has none, it still gets its row.
    const reports: (EvidenceReport | null)[] = incident.reports.length > 0 ? incident.reports : [null];
    return reports.map((report) => csvRow(incident, report, pack.timezone, t));
  });
  const text = stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
  return Buffer.from(text, 'utf8');
}

function csvRow(
  incident: EvidenceIncident,
  report: EvidenceReport | null,
  timezone: string,
  t: Translator,
): CsvRow {
  const first = instantText(incident.firstReportedAt, timezone);
  const resolved = incident.resolution ? instantText(incident.resolution.at, timezone) : null;
  const reported = report ? instantText(report.reportedAt, timezone) : null;
  const occurred = incident.occurredAt ? occurredText(incident.occurredAt, timezone) : null;
  const linkless = incident.kind === 'offline';
  return {
    reference: incidentReference(incident.id),
    first_reported_utc: first.utc,
    first_reported_local: first.local,
    platform: platformName(t, incident.platform),
    account: incident.account?.display ?? unknownAccount(t),
    account_profile_url: incident.account?.profileUrl ?? '',
    // An attack with no public link has none to give: its place is in `channel`, as the PDF prints it.
    post_url: linkless ? '' : incident.postUrl,
    category: categoryText(incident, t),
    severity: incident.severity,
    status: incident.status,
    outcome: incident.resolution ? outcomeLabel(t, incident.resolution.outcome) : '',
    resolved_utc: resolved?.utc ?? '',
    resolved_local: resolved?.local ?? '',
    supportive_replies: incident.supportiveReplies,
    reports_filed: incident.reportsFiled,
    screenshots: incident.screenshots.map((shot) => screenshotText(shot, t, 'line')).join('; '),
    reporter: report?.reporter ?? '',
    reporter_is_member_attacked: report ? (report.byMemberAttacked ? 'yes' : 'no') : '',
    reported_utc: reported?.utc ?? '',
    reported_local: reported?.local ?? '',
    source_url: linkless ? '' : (report?.sourceUrl ?? ''),
    wording: report?.wording ?? '',
    kind: incident.kind,
    channel: incident.channel ? channelName(t, incident.channel) : '',
    occurred_day: occurred?.day ?? '',
    occurred_utc: occurred?.utc ?? '',
    occurred_local: occurred?.local ?? '',
    account_named_by: incident.accountNamedBy ?? '',
    ...captureCells(incident, timezone, t),
  };
}

function captureCells(
  incident: EvidenceIncident,
  timezone: string,
  t: Translator,
): Pick<CsvRow, (typeof CAPTURE_COLUMNS)[number]> {
  const post = shownCapture(incident, 'post');
  const account = shownCapture(incident, 'account');
  const postAt = post?.capturedAt ? instantText(post.capturedAt, timezone) : null;
  const accountAt = account?.capturedAt ? instantText(account.capturedAt, timezone) : null;
  const gone = post?.goneAt ? instantText(post.goneAt, timezone) : null;
  return {
    post_capture: post?.state ?? '',
    post_captured_utc: postAt?.utc ?? '',
    post_captured_local: postAt?.local ?? '',
    post_capture_final_url: post?.finalUrl ?? '',
    post_capture_http_status: post?.httpStatus ?? '',
    post_capture_sha256: post?.screenshot?.sha256 ?? '',
    post_capture_html_sha256: post?.html?.sha256 ?? '',
    post_capture_failure: failureCell(post, t),
    post_archive_url: post?.archiveUrl ?? '',
    post_gone_utc: gone?.utc ?? '',
    post_gone_local: gone?.local ?? '',
    post_gone_reason: post?.goneReason ? goneReasonText(t, post.goneReason) : '',
    account_capture: account?.state ?? '',
    account_captured_utc: accountAt?.utc ?? '',
    account_captured_local: accountAt?.local ?? '',
    account_capture_sha256: account?.screenshot?.sha256 ?? '',
    account_capture_html_sha256: account?.html?.sha256 ?? '',
    account_capture_failure: failureCell(account, t),
  };
}

/** One capture per page for a row: the first stored one, else the first attempt (the JSON lists them all). */
function shownCapture(
  incident: EvidenceIncident,
  page: EvidencePageCapture['page'],
): EvidencePageCapture | undefined {
  const ofPage = incident.pageCaptures.filter((capture) => capture.page === page);
  return ofPage.find((capture) => capture.state === 'captured') ?? ofPage[0];
}

function failureCell(capture: EvidencePageCapture | undefined, t: Translator): string {
  return capture?.failure ? captureFailureText(t, capture.failure) : '';
}
