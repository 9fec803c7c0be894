import { incidentReference } from '../core/reference.ts';
import { CAPTURED_PAGE_LABEL, captureStateText, GONE_REASON_TEXT, plural } from './evidence-labels.ts';
import type { EvidenceIncident, EvidencePack, EvidencePageCapture } from './evidence-pack.ts';
import { formatEvidenceInstant } from './evidence-time.ts';
import { FONT, INK, type PdfFlow } from './pdf-layout.ts';

// An incident's "Captured pages" in the PDF: what the bot's logged-out browser saw when it was flagged, with the
// hashes that tie the image to the file kept in the ledger, and the screenshot itself.

const HEADING = { font: FONT.bold, size: 10.5 };
const CAPTION = { font: FONT.italic, size: 8.5, color: INK.muted };

export function drawPageCaptures(flow: PdfFlow, pack: EvidencePack, incident: EvidenceIncident): void {
  const captures = incident.pageCaptures;
  if (captures.length === 0) {
    // One line, like "Screenshots: None attached.": older incidents, purged ones and pasted links never captured.
    flow.field('Captured pages', 'None on record.');
    return;
  }
  flow.gap(6);
  // The heading goes with the first capture's first fields, never alone at the foot of a page.
  flow.ensureSpace(60);
  flow.text(`Captured pages (${captures.length})`, HEADING);
  flow.gap(4);
  for (const capture of captures) drawCapture(flow, pack, incident, capture);
}

function drawCapture(
  flow: PdfFlow,
  pack: EvidencePack,
  incident: EvidenceIncident,
  capture: EvidencePageCapture,
): void {
  const at = (date: Date) => formatEvidenceInstant(date, pack.timezone);
  const page = CAPTURED_PAGE_LABEL[capture.page];
  flow.field(page, capture.url, { link: capture.url });
  const state = captureStateText(capture);
  const told = `${state.charAt(0).toUpperCase()}${state.slice(1)}`;
  flow.field('Capture', capture.capturedAt ? `${told}\n${at(capture.capturedAt)}` : `${told}.`, {
    ...(capture.state === 'failed' ? { font: FONT.bold } : {}),
  });
  if (capture.finalUrl && capture.finalUrl !== capture.url) {
    flow.field('Final URL', capture.finalUrl, { link: capture.finalUrl });
  }
  if (capture.httpStatus !== null) flow.field('HTTP status', String(capture.httpStatus));
  if (capture.screenshot) {
    flow.field(
      'Screenshot SHA-256',
      `${capture.screenshot.sha256}\nPNG, ${plural(capture.screenshot.bytes, 'byte')}`,
    );
  }
  if (capture.html) {
    flow.field(
      'HTML SHA-256',
      `${capture.html.sha256}\nas the server sent it, ${plural(capture.html.bytes, 'byte')}`,
    );
  }
  if (capture.archiveUrl) flow.field('Archived copy', capture.archiveUrl, { link: capture.archiveUrl });
  if (capture.goneAt) {
    const why = capture.goneReason ? GONE_REASON_TEXT[capture.goneReason] : 'no longer there';
    flow.field('Gone since', `${at(capture.goneAt)}: ${why}`, { font: FONT.bold });
  } else if (capture.stillUpAt) {
    flow.field('Still up', `when last checked, ${at(capture.stillUpAt)}`);
  }
  flow.gap(4);
  if (capture.screenshot) drawScreenshot(flow, incident, capture, capture.screenshot);
  flow.gap(10);
}

function drawScreenshot(
  flow: PdfFlow,
  incident: EvidenceIncident,
  capture: EvidencePageCapture,
  screenshot: NonNullable<EvidencePageCapture['screenshot']>,
): void {
  const what = `${CAPTURED_PAGE_LABEL[capture.page].toLowerCase()} of ${incidentReference(incident.id)}`;
  if (!screenshot.content) {
    flow.text(
      `The screenshot of ${what} is not in this PDF (it would have made the file too large); the ledger keeps ` +
        'it, and the SHA-256 above identifies it.',
      CAPTION,
    );
    return;
  }
  try {
    flow.image(screenshot.content, `Screenshot of ${what}, continued.`);
  } catch {
    // A stored file pdfkit cannot read must not cost the lead the whole pack: the hash still names it.
    flow.text(`The screenshot of ${what} could not be drawn in this PDF; its SHA-256 is above.`, CAPTION);
    return;
  }
  flow.gap(3);
  flow.text(`Screenshot of ${what}\nPNG SHA-256 ${screenshot.sha256}`, CAPTION);
}
