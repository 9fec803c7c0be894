import { CATEGORY_INFO, type Severity } from '../core/categories.ts';
import { accountOnPlatform } from '../core/post-url/account-on-platform.ts';
import { platformLabel } from '../core/post-url/platform-label.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentReference } from '../core/reference.ts';
import {
  accountText,
  actionsText,
  categoryText,
  membersAttackedText,
  NOT_DOWNLOADED,
  placeText,
  plural,
  reportersNote,
  statusText,
  subjectTitle,
  targetNote,
} from './evidence-labels.ts';
import type { EvidenceIncident, EvidencePack } from './evidence-pack.ts';
import { formatEvidenceInstant, formatOccurred, localDay } from './evidence-time.ts';
import { drawPageCaptures } from './pdf-captures.ts';
import { FONT, INK, PAGE, PdfFlow } from './pdf-layout.ts';
import { drawReport, REPORTS_HEADING, reportStartHeight } from './pdf-report.ts';

const SEVERITY_INK: Record<Severity, string> = { critical: '#a4161a', high: '#9a4a00', medium: INK.text };
/** The label of an incident's link, which says what it points at. */
const POST_LABEL: Record<EvidenceIncident['kind'], string> = {
  post: 'Post',
  comment: 'Comment',
  profile: 'Account page',
  email: 'Email',
  offline: 'Post',
};
const MAX_REFERENCES_LISTED = 15;

/** The pack for paper: a title, a summary box, then each incident as a block of labelled fields and its reports. */
export async function renderPdf(pack: EvidencePack): Promise<Buffer> {
  const subject = subjectTitle(pack);
  const flow = new PdfFlow({
    Title: `Evidence pack: ${subject}`,
    Author: pack.collectiveName,
    Subject: `Online attacks on ${membersAttackedText(pack)}`,
    Creator: 'Shieldwall',
    CreationDate: pack.generatedAt,
  });
  drawTitle(flow, pack, subject);
  drawSummary(flow, pack);
  pack.incidents.forEach((incident, index) => {
    drawIncident(flow, pack, incident, index);
  });
  drawFooters(flow, pack, subject);
  return flow.finish();
}

function drawTitle(flow: PdfFlow, pack: EvidencePack, subject: string): void {
  flow.text('EVIDENCE PACK', { font: FONT.bold, size: 9, color: INK.muted });
  flow.gap(2);
  flow.text(subject.charAt(0).toUpperCase() + subject.slice(1), { font: FONT.bold, size: 20 });
  flow.gap(4);
  flow.text(`Online attacks on ${membersAttackedText(pack)}, from the collective's Shieldwall ledger.`, {
    size: 10.5,
    color: INK.muted,
  });
  flow.gap(2);
  flow.text(
    'Confidential: this pack quotes abusive language and holds personal data. Keep it with other evidence.',
    { font: FONT.italic, size: 9, color: INK.muted },
  );
  flow.gap(14);
}

function drawSummary(flow: PdfFlow, pack: EvidencePack): void {
  const rows = summaryRows(pack);
  const padding = 12;
  const width = flow.width - 2 * padding;
  const height = rows.reduce(
    (sum, [label, value]) => sum + flow.fieldHeight(label, value, width, {}, 112),
    0,
  );
  flow.box(height - 4, { fill: INK.fill, border: INK.rule, padding }, (x, y, w) => {
    let at = y;
    for (const [label, value] of rows) at += flow.drawField(x, at, w, label, value, {}, 112);
  });
  flow.gap(20);
}

function summaryRows(pack: EvidencePack): [string, string][] {
  const { incidents } = pack;
  const first = incidents[0];
  const last = incidents.at(-1);
  const references = incidents.map((incident) => incidentReference(incident.id));
  const listed =
    references.length > MAX_REFERENCES_LISTED
      ? `${references.slice(0, MAX_REFERENCES_LISTED).join(', ')} and ${references.length - MAX_REFERENCES_LISTED} more`
      : references.join(', ');
  const span =
    first && last
      ? first === last
        ? `, first reported ${localDay(first.firstReportedAt, pack.timezone)}`
        : `, first reported between ${localDay(first.firstReportedAt, pack.timezone)} and ` +
          `${localDay(last.firstReportedAt, pack.timezone)}`
      : '';
  const categories = countBy(incidents.map((incident) => categoryText(incident)))
    .map(([label, count]) => `${label} ×${count}`)
    .join(', ');
  const reports = incidents.reduce((sum, incident) => sum + incident.reports.length, 0);
  const about =
    pack.subject.kind === 'offender'
      ? accountOnPlatform(pack.subject.account) + accountDetail(pack.subject.account)
      : `Incident ${incidentReference(pack.subject.id)}`;
  return [
    ['About', about],
    ['Incidents', `${incidents.length}${span}: ${listed}`],
    ['Categories', categories || 'none'],
    ['Reports', `${plural(reports, 'report')} by members of the collective`],
    ['Generated', formatEvidenceInstant(pack.generatedAt, pack.timezone)],
    [pack.membersAttacked === 1 ? 'Person attacked' : 'People attacked', targetNote(pack)],
    ['Reporters', reportersNote(pack)],
    [
      'How to read this',
      'Incidents are in time order, oldest first, each under its reference (SW- and a number). Times are in UTC, ' +
        'with the collective\'s local time in brackets. "Post" is the link in its canonical form; "As pasted" ' +
        'is the link as each member gave it. An attack with no public link (a direct message, a call, a ' +
        'complaint, a letter) says "Where" instead. "When it happened" is what the member who flagged it said, ' +
        'when that was not the moment they flagged it. An account "named by a member" is who the member said ' +
        'it was; the link itself did not say. The wording is what each member recorded when flagging the ' +
        'attack, shown behind a content warning.',
    ],
  ];
}

function drawIncident(flow: PdfFlow, pack: EvidencePack, incident: EvidenceIncident, index: number): void {
  // Never leave a heading alone at the foot of a page: the heading and its first fields go together.
  flow.ensureSpace(150);
  drawIncidentHeading(flow, incident, `Incident ${index + 1} of ${pack.incidents.length}`);
  flow.gap(8);
  const at = (date: Date) => formatEvidenceInstant(date, pack.timezone);
  const place = placeText(incident);
  if (place === null) {
    flow.field(POST_LABEL[incident.kind], incident.postUrl, { link: incident.postUrl });
    flow.field('Platform', platformLabel(incident.platform));
  } else {
    // No link to print: the ledger's key for it is no address anyone could open. The place names the platform.
    flow.field('Where', place);
  }
  // Without a link the attacker may be a person's name, not an account: "Attacker", as the incident card says.
  flow.field(
    place === null ? 'Account' : 'Attacker',
    incident.account?.profileUrl
      ? `${accountText(incident)}\n${incident.account.profileUrl}`
      : accountText(incident),
    { link: incident.account?.profileUrl },
  );
  flow.field('Category', `${categoryText(incident)} (${CATEGORY_INFO[incident.category].hint})`);
  flow.field('Severity', incident.severity, { font: FONT.bold, color: SEVERITY_INK[incident.severity] });
  if (incident.occurredAt) flow.field('When it happened', formatOccurred(incident.occurredAt, pack.timezone));
  flow.field('First reported', at(incident.firstReportedAt));
  flow.field(
    'Status',
    incident.resolution ? `${statusText(incident)}, on ${at(incident.resolution.at)}` : statusText(incident),
  );
  flow.field("Colleagues' actions", actionsText(incident));
  if (incident.screenshots.length === 0) flow.field('Screenshots', 'None attached.');
  // One row each, so a long file id or hash never runs one screenshot into the next.
  incident.screenshots.forEach((shot, i) => {
    flow.field(
      i === 0 ? 'Screenshots' : '',
      `${shot.name}, attached by ${shot.reporter}\n${shot.platform} file ${shot.fileId}\n` +
        `SHA-256: ${shot.sha256 ?? NOT_DOWNLOADED}`,
    );
  });
  // An attack with no public link has no page to capture, unless one was captured all the same.
  if (place === null || incident.pageCaptures.length > 0) drawPageCaptures(flow, pack, incident);
  flow.gap(6);
  const heading = `Reports (${incident.reports.length})`;
  const first = incident.reports[0];
  // The heading goes with the start of the first report, never alone at the foot of a page.
  flow.ensureSpace(
    flow.height(heading, flow.width, REPORTS_HEADING) +
      4 +
      (first ? reportStartHeight(flow, incident, first, pack.timezone) : 0),
  );
  flow.text(heading, REPORTS_HEADING);
  flow.gap(4);
  for (const report of incident.reports) drawReport(flow, pack, incident, report);
  flow.gap(16);
}

function drawIncidentHeading(flow: PdfFlow, incident: EvidenceIncident, position: string): void {
  const padding = 7;
  flow.box(15, { fill: INK.fill, rule: SEVERITY_INK[incident.severity], padding }, (x, y, width) => {
    const reference = incidentReference(incident.id);
    flow.draw(reference, x + 2, y, 60, { font: FONT.bold, size: 13 });
    flow.draw(`${categoryText(incident)} · ${incident.severity} severity`, x + 62, y + 2, width - 160, {
      font: FONT.bold,
      size: 11,
      color: SEVERITY_INK[incident.severity],
    });
    flow.doc.font(FONT.regular).fontSize(9).fillColor(INK.muted);
    flow.doc.text(position, x, y + 3, { width: width - 4, align: 'right' });
  });
}
function drawFooters(flow: PdfFlow, pack: EvidencePack, subject: string): void {
  const generated = `Generated ${formatEvidenceInstant(pack.generatedAt, pack.timezone)}`;
  flow.eachPage((page, pages) => {
    const y = flow.doc.page.height - PAGE.bottom + 22;
    flow.doc.save();
    flow.doc
      .moveTo(flow.left, y - 6)
      .lineTo(flow.left + flow.width, y - 6)
      .lineWidth(0.5)
      .stroke(INK.rule);
    flow.doc.restore();
    flow.draw(`Evidence pack: ${subject} · ${pack.collectiveName}`, flow.left, y, flow.width - 80, {
      size: 8,
      color: INK.muted,
    });
    flow.draw(generated, flow.left, y + 11, flow.width - 80, { size: 8, color: INK.muted });
    flow.doc.font(FONT.bold).fontSize(8).fillColor(INK.muted);
    flow.doc.text(`Page ${page} of ${pages}`, flow.left, y, { width: flow.width, align: 'right' });
  });
}

/** Under the account's name: its home page, or that the ledger knows a person only by name. */
function accountDetail(account: AccountRef): string {
  if (account.profileUrl) return `\n${account.profileUrl}`;
  return account.platform === 'offline' ? '\nKnown to the ledger by name only, not by an account.' : '';
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts];
}
