import { stringify } from 'csv-stringify/sync';
import { CHANNEL_INFO } from '../core/incident/attack-channel.ts';
import { OUTCOME_LABEL } from '../core/incident/outcomes.ts';
import { platformLabel } from '../core/post-url/platform-label.ts';
import { incidentReference } from '../core/reference.ts';
import { categoryText, NOT_DOWNLOADED } from './evidence-labels.ts';
import type { EvidenceIncident, EvidencePack, EvidenceReport, EvidenceScreenshot } from './evidence-pack.ts';
import { instantText, occurredText } from './evidence-time.ts';

/**
 * The columns, in order; the header row uses these names. One row per report, incident fields repeated.
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
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/**
 * A spreadsheet of the pack. UTF-8 with a byte order mark, so that spreadsheet programs read accents right.
 * Cells that start with = + - @ get a leading apostrophe (the library's formula escaping): the wording comes
 * from attackers, and a spreadsheet must never run it. The JSON export keeps every text exactly.
 */
export function renderCsv(pack: EvidencePack): Buffer {
  const rows = pack.incidents.flatMap((incident) => {
    // An incident always has at least one report; if one ever has none, it still gets its row.
    const reports: (EvidenceReport | null)[] = incident.reports.length > 0 ? incident.reports : [null];
    return reports.map((report) => csvRow(incident, report, pack.timezone));
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

function csvRow(incident: EvidenceIncident, report: EvidenceReport | null, timezone: string): CsvRow {
  const first = instantText(incident.firstReportedAt, timezone);
  const resolved = incident.resolution ? instantText(incident.resolution.at, timezone) : null;
  const reported = report ? instantText(report.reportedAt, timezone) : null;
  const occurred = incident.occurredAt ? occurredText(incident.occurredAt, timezone) : null;
  const linkless = incident.kind === 'offline';
  return {
    reference: incidentReference(incident.id),
    first_reported_utc: first.utc,
    first_reported_local: first.local,
    platform: platformLabel(incident.platform),
    account: incident.account?.display ?? 'unknown',
    account_profile_url: incident.account?.profileUrl ?? '',
    // An attack with no public link has none to give: its place is in `channel`, as the PDF prints it.
    post_url: linkless ? '' : incident.postUrl,
    category: categoryText(incident),
    severity: incident.severity,
    status: incident.status,
    outcome: incident.resolution ? OUTCOME_LABEL[incident.resolution.outcome] : '',
    resolved_utc: resolved?.utc ?? '',
    resolved_local: resolved?.local ?? '',
    supportive_replies: incident.supportiveReplies,
    reports_filed: incident.reportsFiled,
    screenshots: incident.screenshots.map(screenshotCell).join('; '),
    reporter: report?.reporter ?? '',
    reporter_is_member_attacked: report ? (report.byMemberAttacked ? 'yes' : 'no') : '',
    reported_utc: reported?.utc ?? '',
    reported_local: reported?.local ?? '',
    source_url: linkless ? '' : (report?.sourceUrl ?? ''),
    wording: report?.wording ?? '',
    kind: incident.kind,
    channel: incident.channel ? CHANNEL_INFO[incident.channel].label : '',
    occurred_day: occurred?.day ?? '',
    occurred_utc: occurred?.utc ?? '',
    occurred_local: occurred?.local ?? '',
    account_named_by: incident.accountNamedBy ?? '',
  };
}

function screenshotCell(shot: EvidenceScreenshot): string {
  return `${shot.name} (${shot.reporter}; ${shot.platform} file ${shot.fileId}; SHA-256 ${shot.sha256 ?? NOT_DOWNLOADED})`;
}
