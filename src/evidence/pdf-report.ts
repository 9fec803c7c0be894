import type { Translator } from '../core/i18n/translator.ts';
import { categoryText } from './evidence-labels.ts';
import type { EvidenceIncident, EvidencePack, EvidenceReport } from './evidence-pack.ts';
import { formatEvidenceInstant } from './evidence-time.ts';
import { FONT, INK, PAGE, type PdfFlow } from './pdf-layout.ts';
import { REPLACEMENT } from './pdf-text.ts';

// One report of an incident in the PDF: who, when, the link as pasted, and the wording in a quoted box.

export const REPORTS_HEADING = { font: FONT.bold, size: 10.5 };
const REPORTER = { font: FONT.bold, size: 9.5 };
const REPORT_DETAIL = { size: 9, color: INK.muted };
const WARNING = { font: FONT.italic, size: 8.5, color: INK.muted };
const QUOTE = { size: 10.5 };
const QUOTE_PADDING = 8;
/** At most this much of a quote's first paragraph is kept on the page of its warning. */
const QUOTE_START_MAX = 300;

function reportLines(
  incident: EvidenceIncident,
  report: EvidenceReport,
  timezone: string,
  t: Translator,
): { who: string; when: string; pasted: string | null } {
  return {
    who: report.byMemberAttacked
      ? t('pack.pdf.reporter_attacked', { reporter: report.reporter })
      : report.reporter,
    when: t('pack.pdf.reported_at', { at: formatEvidenceInstant(report.reportedAt, timezone) }),
    // Without a link, the member pasted nothing: what is kept is the word they chose for the place.
    pasted: incident.kind === 'offline' ? null : t('pack.pdf.as_pasted', { url: report.sourceUrl }),
  };
}

/** The reporter's lines, the warning and the first lines of the wording: what must share a page. */
export function reportStartHeight(
  flow: PdfFlow,
  incident: EvidenceIncident,
  report: EvidenceReport,
  timezone: string,
  t: Translator,
): number {
  const lines = reportLines(incident, report, timezone, t);
  return (
    flow.height(lines.who, flow.width, REPORTER) +
    flow.height(lines.when, flow.width, REPORT_DETAIL) +
    (lines.pasted === null ? 0 : flow.height(lines.pasted, flow.width, REPORT_DETAIL)) +
    4 +
    (report.wording === null ? 14 : 14 + quoteStartHeight(flow, report.wording))
  );
}

export function drawReport(
  flow: PdfFlow,
  pack: EvidencePack,
  incident: EvidenceIncident,
  report: EvidenceReport,
  t: Translator,
): void {
  const lines = reportLines(incident, report, pack.timezone, t);
  flow.ensureSpace(reportStartHeight(flow, incident, report, pack.timezone, t));
  flow.text(lines.who, REPORTER);
  flow.gap(1);
  flow.text(lines.when, REPORT_DETAIL);
  if (lines.pasted !== null) flow.text(lines.pasted, { ...REPORT_DETAIL, link: report.sourceUrl });
  flow.gap(4);
  if (report.wording === null) {
    flow.text(t('pack.pdf.no_wording'), { ...WARNING, size: 9 });
    flow.gap(12);
    return;
  }
  flow.text(t('pack.pdf.content_warning', { category: categoryText(incident, t) }), WARNING);
  flow.gap(3);
  flow.changed = 0;
  drawQuote(flow, report.wording, t);
  if (flow.changed > 0) {
    flow.gap(2);
    flow.text(t('pack.pdf.characters_changed', { count: flow.changed, replacement: REPLACEMENT }), {
      font: FONT.italic,
      size: 8,
      color: INK.muted,
    });
  }
  flow.gap(12);
}

/** The first paragraph of a quote in its box: it never splits, so the warning above it waits for it. */
function quoteStartHeight(flow: PdfFlow, wording: string): number {
  const first = `“${wording.split('\n')[0] ?? ''}`;
  const height = flow.height(first, flow.width - 2 * QUOTE_PADDING - 3, QUOTE) + 2 * QUOTE_PADDING;
  return Math.min(height, QUOTE_START_MAX);
}

/** The wording in a shaded box with a rule, split at line breaks when it runs past the page. */
function drawQuote(flow: PdfFlow, wording: string, t: Translator): void {
  const padding = QUOTE_PADDING;
  const style = QUOTE;
  const textWidth = flow.width - 2 * padding - 3;
  const quoted = `“${wording}”`;
  let pending = quoted.split('\n');
  let first = true;
  while (pending.length > 0) {
    if (!first) {
      // The rest did not fit: it goes on the next page, saying what it is, for whoever reads that page alone.
      flow.doc.addPage();
      flow.text(t('pack.pdf.wording_continued'), { font: FONT.italic, size: 8.5, color: INK.muted });
      flow.gap(3);
    }
    const room = flow.bottom - flow.y - 2 * padding;
    let take = pending.length;
    while (take > 1 && flow.height(pending.slice(0, take).join('\n'), textWidth, style) > room) take--;
    const chunk = pending.slice(0, take).join('\n');
    const height = flow.height(chunk, textWidth, style);
    // A first paragraph that does not fit what is left goes to the next page, unless it is taller than a page.
    if (first && height > room && flow.y > PAGE.top + 1) {
      flow.doc.addPage();
      continue;
    }
    flow.box(height, { fill: INK.quote, rule: INK.rule, padding }, (x, y, width) => {
      flow.draw(chunk, x, y, width, style);
    });
    pending = pending.slice(take);
    first = false;
  }
}
