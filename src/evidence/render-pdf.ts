import type { Severity } from '../core/categories.ts';
import { accountOn, platformName } from '../core/i18n/place-words.ts';
import type { MessageKey } from '../core/i18n/translator.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';
import { categoryHint, severityLabel } from '../core/i18n/vocabulary.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentReference } from '../core/reference.ts';
import {
  accountText,
  actionsText,
  categoryText,
  membersAttackedText,
  placeText,
  reportersNote,
  screenshotText,
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
const POST_LABEL: Record<EvidenceIncident['kind'], MessageKey> = {
  post: 'pack.pdf.link.post',
  comment: 'pack.pdf.link.comment',
  profile: 'pack.pdf.link.profile',
  email: 'pack.pdf.link.email',
  offline: 'pack.pdf.link.post',
};
const MAX_REFERENCES_LISTED = 15;

/** The pack for paper: a title, a summary box, then each incident as a block of labelled fields and its reports. */
export async function renderPdf(pack: EvidencePack): Promise<Buffer> {
  // In the language the lead asked for; Helvetica's Windows-1252 has French's accents, « », ’ and œ.
  const t = translator(pack.language);
  const subject = subjectTitle(pack, t);
  const flow = new PdfFlow({
    Title: t('pack.pdf.title', { subject }),
    Author: pack.collectiveName,
    Subject: t('pack.pdf.subject', { attacked: membersAttackedText(pack, t) }),
    Creator: 'Shieldwall',
    CreationDate: pack.generatedAt,
  });
  drawTitle(flow, pack, subject, t);
  drawSummary(flow, pack, t);
  pack.incidents.forEach((incident, index) => {
    drawIncident(flow, pack, incident, index, t);
  });
  drawFooters(flow, pack, subject, t);
  return flow.finish();
}

function drawTitle(flow: PdfFlow, pack: EvidencePack, subject: string, t: Translator): void {
  flow.text(t('pack.pdf.heading'), { font: FONT.bold, size: 9, color: INK.muted });
  flow.gap(2);
  flow.text(subject.charAt(0).toUpperCase() + subject.slice(1), { font: FONT.bold, size: 20 });
  flow.gap(4);
  flow.text(t('pack.pdf.intro', { attacked: membersAttackedText(pack, t) }), {
    size: 10.5,
    color: INK.muted,
  });
  flow.gap(2);
  flow.text(t('pack.pdf.confidential'), { font: FONT.italic, size: 9, color: INK.muted });
  flow.gap(14);
}

function drawSummary(flow: PdfFlow, pack: EvidencePack, t: Translator): void {
  const rows = summaryRows(pack, t);
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

function summaryRows(pack: EvidencePack, t: Translator): [string, string][] {
  const { incidents } = pack;
  const first = incidents[0];
  const last = incidents.at(-1);
  const references = incidents.map((incident) => incidentReference(incident.id));
  const listed =
    references.length > MAX_REFERENCES_LISTED
      ? t('pack.pdf.more_references', {
          listed: references.slice(0, MAX_REFERENCES_LISTED).join(', '),
          count: references.length - MAX_REFERENCES_LISTED,
        })
      : references.join(', ');
  const span =
    first && last
      ? first === last
        ? t('pack.pdf.first_reported_on', { day: localDay(first.firstReportedAt, pack.timezone) })
        : t('pack.pdf.first_reported_between', {
            first: localDay(first.firstReportedAt, pack.timezone),
            last: localDay(last.firstReportedAt, pack.timezone),
          })
      : '';
  const categories = countBy(incidents.map((incident) => categoryText(incident, t)))
    .map(([label, count]) => t('pack.pdf.category_count', { category: label, count }))
    .join(', ');
  const reports = incidents.reduce((sum, incident) => sum + incident.reports.length, 0);
  const about =
    pack.subject.kind === 'offender'
      ? accountOn(t, pack.subject.account) + accountDetail(pack.subject.account, t)
      : t('pack.pdf.about_incident', { reference: incidentReference(pack.subject.id) });
  return [
    [t('pack.pdf.label.about'), about],
    [t('pack.pdf.label.incidents'), t('pack.pdf.incidents_value', { count: incidents.length, span, listed })],
    [t('pack.pdf.label.categories'), categories || t('pack.pdf.none')],
    [t('pack.pdf.label.reports'), t('pack.pdf.reports_value', { count: reports })],
    [t('pack.pdf.label.generated'), formatEvidenceInstant(pack.generatedAt, pack.timezone)],
    [t('pack.pdf.label.people_attacked', { count: pack.membersAttacked }), targetNote(pack, t)],
    [t('pack.pdf.label.reporters'), reportersNote(pack, t)],
    [t('pack.pdf.label.how_to_read'), t('pack.pdf.how_to_read')],
  ];
}

function drawIncident(
  flow: PdfFlow,
  pack: EvidencePack,
  incident: EvidenceIncident,
  index: number,
  t: Translator,
): void {
  // Never leave a heading alone at the foot of a page: the heading and its first fields go together.
  flow.ensureSpace(150);
  drawIncidentHeading(
    flow,
    incident,
    t('pack.pdf.position', { number: index + 1, count: pack.incidents.length }),
    t,
  );
  flow.gap(8);
  const at = (date: Date) => formatEvidenceInstant(date, pack.timezone);
  const place = placeText(incident, t);
  if (place === null) {
    flow.field(t(POST_LABEL[incident.kind]), incident.postUrl, { link: incident.postUrl });
    flow.field(t('pack.pdf.label.platform'), platformName(t, incident.platform));
  } else {
    // No link to print: the ledger's key for it is no address anyone could open. The place names the platform.
    flow.field(t('pack.pdf.label.where'), place);
  }
  // Without a link the attacker may be a person's name, not an account: "Attacker", as the incident card says.
  flow.field(
    place === null ? t('pack.pdf.label.account') : t('pack.pdf.label.attacker'),
    incident.account?.profileUrl
      ? `${accountText(incident, t)}\n${incident.account.profileUrl}`
      : accountText(incident, t),
    { link: incident.account?.profileUrl },
  );
  flow.field(
    t('pack.pdf.label.category'),
    t('pack.pdf.category_value', {
      category: categoryText(incident, t),
      hint: categoryHint(t, incident.category),
    }),
  );
  flow.field(t('pack.pdf.label.severity'), severityLabel(t, incident.severity), {
    font: FONT.bold,
    color: SEVERITY_INK[incident.severity],
  });
  if (incident.occurredAt)
    flow.field(t('pack.pdf.label.when'), formatOccurred(incident.occurredAt, pack.timezone, t));
  flow.field(t('pack.pdf.label.first_reported'), at(incident.firstReportedAt));
  flow.field(
    t('pack.pdf.label.status'),
    incident.resolution
      ? t('pack.pdf.status_on', { status: statusText(incident, t), at: at(incident.resolution.at) })
      : statusText(incident, t),
  );
  flow.field(t('pack.pdf.label.actions'), actionsText(incident, t));
  if (incident.screenshots.length === 0)
    flow.field(t('pack.pdf.label.screenshots'), t('pack.pdf.no_screenshots'));
  // One row each, so a long file id or hash never runs one screenshot into the next.
  incident.screenshots.forEach((shot, i) => {
    flow.field(i === 0 ? t('pack.pdf.label.screenshots') : '', screenshotText(shot, t, 'rows'));
  });
  // An attack with no public link has no page to capture, unless one was captured all the same.
  if (place === null || incident.pageCaptures.length > 0) drawPageCaptures(flow, pack, incident, t);
  flow.gap(6);
  const heading = t('pack.pdf.reports_heading', { count: incident.reports.length });
  const first = incident.reports[0];
  // The heading goes with the start of the first report, never alone at the foot of a page.
  flow.ensureSpace(
    flow.height(heading, flow.width, REPORTS_HEADING) +
      4 +
      (first ? reportStartHeight(flow, incident, first, pack.timezone, t) : 0),
  );
  flow.text(heading, REPORTS_HEADING);
  flow.gap(4);
  for (const report of incident.reports) drawReport(flow, pack, incident, report, t);
  flow.gap(16);
}

function drawIncidentHeading(
  flow: PdfFlow,
  incident: EvidenceIncident,
  position: string,
  t: Translator,
): void {
  const padding = 7;
  flow.box(15, { fill: INK.fill, rule: SEVERITY_INK[incident.severity], padding }, (x, y, width) => {
    const reference = incidentReference(incident.id);
    flow.draw(reference, x + 2, y, 60, { font: FONT.bold, size: 13 });
    const heading = t('pack.pdf.severity_heading', {
      category: categoryText(incident, t),
      severity: severityLabel(t, incident.severity),
    });
    flow.draw(heading, x + 62, y + 2, width - 160, {
      font: FONT.bold,
      size: 11,
      color: SEVERITY_INK[incident.severity],
    });
    flow.doc.font(FONT.regular).fontSize(9).fillColor(INK.muted);
    flow.doc.text(position, x, y + 3, { width: width - 4, align: 'right' });
  });
}
function drawFooters(flow: PdfFlow, pack: EvidencePack, subject: string, t: Translator): void {
  const generated = t('pack.pdf.generated', { at: formatEvidenceInstant(pack.generatedAt, pack.timezone) });
  flow.eachPage((page, pages) => {
    const y = flow.doc.page.height - PAGE.bottom + 22;
    flow.doc.save();
    flow.doc
      .moveTo(flow.left, y - 6)
      .lineTo(flow.left + flow.width, y - 6)
      .lineWidth(0.5)
      .stroke(INK.rule);
    flow.doc.restore();
    const footer = t('pack.pdf.footer', { subject, collective: pack.collectiveName });
    flow.draw(footer, flow.left, y, flow.width - 80, {
      size: 8,
      color: INK.muted,
    });
    flow.draw(generated, flow.left, y + 11, flow.width - 80, { size: 8, color: INK.muted });
    flow.doc.font(FONT.bold).fontSize(8).fillColor(INK.muted);
    flow.doc.text(t('pack.pdf.page', { page, pages }), flow.left, y, { width: flow.width, align: 'right' });
  });
}

/** Under the account's name: its home page, or that the ledger knows a person only by name. */
function accountDetail(account: AccountRef, t: Translator): string {
  if (account.profileUrl) return `\n${account.profileUrl}`;
  return account.platform === 'offline' ? `\n${t('pack.pdf.by_name_only')}` : '';
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts];
}
