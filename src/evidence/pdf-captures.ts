import type { Translator } from '../core/i18n/translator.ts';
import { incidentReference } from '../core/reference.ts';
import { capturedPageLabel, captureStateText, goneReasonText } from './evidence-labels.ts';
import type { EvidenceIncident, EvidencePack, EvidencePageCapture } from './evidence-pack.ts';
import { formatEvidenceInstant } from './evidence-time.ts';
import { FONT, INK, type PdfFlow } from './pdf-layout.ts';

// An incident's "Captured pages" in the PDF: what the bot's logged-out browser saw when it was flagged, with the
// hashes that tie the image to the file kept in the ledger, and the screenshot itself.

const HEADING = { font: FONT.bold, size: 10.5 };
const CAPTION = { font: FONT.italic, size: 8.5, color: INK.muted };

export function drawPageCaptures(
  flow: PdfFlow,
  pack: EvidencePack,
  incident: EvidenceIncident,
  t: Translator,
): void {
  const captures = incident.pageCaptures;
  if (captures.length === 0) {
    // One line, like "Screenshots: None attached.": older incidents, purged ones and pasted links never captured.
    flow.field(t('pack.pdf.label.captured_pages'), t('pack.pdf.captures.none'));
    return;
  }
  flow.gap(6);
  // The heading goes with the first capture's first fields, never alone at the foot of a page.
  flow.ensureSpace(60);
  flow.text(t('pack.pdf.captures.heading', { count: captures.length }), HEADING);
  flow.gap(4);
  for (const capture of captures) drawCapture(flow, pack, incident, capture, t);
}

function drawCapture(
  flow: PdfFlow,
  pack: EvidencePack,
  incident: EvidenceIncident,
  capture: EvidencePageCapture,
  t: Translator,
): void {
  const at = (date: Date) => formatEvidenceInstant(date, pack.timezone);
  const page = capturedPageLabel(t, capture.page);
  flow.field(page, capture.url, { link: capture.url });
  const state = captureStateText(capture, t);
  const told = `${state.charAt(0).toUpperCase()}${state.slice(1)}`;
  flow.field(
    t('pack.pdf.label.capture'),
    capture.capturedAt ? `${told}\n${at(capture.capturedAt)}` : `${told}.`,
    {
      ...(capture.state === 'failed' ? { font: FONT.bold } : {}),
    },
  );
  if (capture.finalUrl && capture.finalUrl !== capture.url) {
    flow.field(t('pack.pdf.label.final_url'), capture.finalUrl, { link: capture.finalUrl });
  }
  if (capture.httpStatus !== null) flow.field(t('pack.pdf.label.http_status'), String(capture.httpStatus));
  if (capture.screenshot) {
    flow.field(
      t('pack.pdf.label.screenshot_hash'),
      t('pack.pdf.screenshot_hash', { sha256: capture.screenshot.sha256, bytes: capture.screenshot.bytes }),
    );
  }
  if (capture.html) {
    flow.field(
      t('pack.pdf.label.html_hash'),
      t('pack.pdf.html_hash', { sha256: capture.html.sha256, bytes: capture.html.bytes }),
    );
  }
  if (capture.archiveUrl)
    flow.field(t('pack.pdf.label.archived'), capture.archiveUrl, { link: capture.archiveUrl });
  if (capture.goneAt) {
    const why = capture.goneReason ? goneReasonText(t, capture.goneReason) : t('pack.gone.unknown');
    flow.field(t('pack.pdf.label.gone'), t('pack.pdf.gone', { at: at(capture.goneAt), why }), {
      font: FONT.bold,
    });
  } else if (capture.stillUpAt) {
    flow.field(t('pack.pdf.label.still_up'), t('pack.pdf.still_up', { at: at(capture.stillUpAt) }));
  }
  flow.gap(4);
  if (capture.screenshot) drawScreenshot(flow, incident, capture, capture.screenshot, t);
  flow.gap(10);
}

function drawScreenshot(
  flow: PdfFlow,
  incident: EvidenceIncident,
  capture: EvidencePageCapture,
  screenshot: NonNullable<EvidencePageCapture['screenshot']>,
  t: Translator,
): void {
  const what = t(`pack.pdf.shot.${capture.page}`, { reference: incidentReference(incident.id) });
  if (!screenshot.content) {
    flow.text(t('pack.pdf.shot.too_large', { what }), CAPTION);
    return;
  }
  try {
    flow.image(screenshot.content, t('pack.pdf.shot.continued', { what }));
  } catch {
    // A stored file pdfkit cannot read must not cost the lead the whole pack: the hash still names it.
    flow.text(t('pack.pdf.shot.unreadable', { what }), CAPTION);
    return;
  }
  flow.gap(3);
  flow.text(t('pack.pdf.shot.caption', { what, sha256: screenshot.sha256 }), CAPTION);
}
