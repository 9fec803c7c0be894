import { captureFailureText } from '../core/capture/capture-text.ts';
import { accountOn, attackerOn, placeName } from '../core/i18n/place-words.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';
import { categoryLabel, outcomeLabel } from '../core/i18n/vocabulary.ts';
import { incidentReference } from '../core/reference.ts';
import type {
  EvidenceIncident,
  EvidencePack,
  EvidencePageCapture,
  EvidenceScreenshot,
} from './evidence-pack.ts';

/**
 * The words every format prints the same way, so a PDF and a spreadsheet of one pack never disagree. Each takes
 * the pack's translator (`translator(pack.language)`): a pack speaks the language the lead asked for.
 */

export function subjectTitle(pack: EvidencePack, t: Translator = translator(pack.language)): string {
  if (pack.subject.kind === 'incident')
    return t('pack.subject.incident', { reference: incidentReference(pack.subject.id) });
  return accountOn(t, pack.subject.account);
}

/** "@SomeTroll on X (Twitter)", "Jo Bloggs (named by a member)", or "unknown" when nobody knows who. */
export function accountText(incident: EvidenceIncident, t: Translator): string {
  return attackerOn(t, incident.account, incident.accountNamedBy);
}

/** Where an attack with no public link happened ("Direct message on Instagram"); null for a link. */
export function placeText(incident: EvidenceIncident, t: Translator): string | null {
  return incident.channel ? placeName(t, incident.channel, incident.platform) : null;
}

export function categoryText(incident: EvidenceIncident, t: Translator): string {
  return categoryLabel(t, incident.category);
}

export function statusText(incident: EvidenceIncident, t: Translator): string {
  if (!incident.resolution) return t('pack.status.open');
  return t('pack.status.resolved', { outcome: outcomeLabel(t, incident.resolution.outcome) });
}

export function reportersNote(pack: EvidencePack, t: Translator): string {
  return pack.reporters === 'anonymised' ? t('pack.reporters.anonymised') : t('pack.reporters.named');
}

/** "a member of the collective", "3 members of the collective": who was attacked, as far as a pack says. */
export function membersAttackedText(pack: EvidencePack, t: Translator): string {
  return t('pack.members_attacked', { count: pack.membersAttacked, collective: pack.collectiveName });
}

export function targetNote(pack: EvidencePack, t: Translator): string {
  return t('pack.target_note', { count: pack.membersAttacked });
}

/** What colleagues said they did, from the card's buttons: counted once per member, as they recorded it. */
export function actionsText(incident: EvidenceIncident, t: Translator): string {
  const { supportiveReplies, reportsFiled } = incident;
  if (supportiveReplies === 0 && reportsFiled === 0) return t('pack.actions.none');
  return t('pack.actions', { supporters: supportiveReplies, reports: reportsFiled });
}

export const notDownloaded = (t: Translator) => t('pack.not_downloaded');

/** A screenshot, who attached it and its hash: on one line (a spreadsheet's cell), or on rows (the PDF). */
export function screenshotText(shot: EvidenceScreenshot, t: Translator, layout: 'line' | 'rows'): string {
  return t(layout === 'line' ? 'pack.screenshot_cell' : 'pack.pdf.screenshot', {
    name: shot.name,
    reporter: shot.reporter,
    platform: shot.platform,
    fileId: shot.fileId,
    sha256: shot.sha256 ?? notDownloaded(t),
  });
}

/** "The post", "The account's page". */
export function capturedPageLabel(t: Translator, page: EvidencePageCapture['page']): string {
  return t(`pack.page.${page}`);
}

export function goneReasonText(
  t: Translator,
  reason: NonNullable<EvidencePageCapture['goneReason']>,
): string {
  return t(`pack.gone.${reason}`);
}

/** "captured", "capture failed: the page asked to log in (login wall)", "not captured yet". */
export function captureStateText(capture: EvidencePageCapture, t: Translator): string {
  if (capture.state === 'captured') return t('pack.capture.captured');
  if (capture.state === 'pending') return t('pack.capture.pending');
  return t('pack.capture.failed', {
    reason: capture.failure ? captureFailureText(t, capture.failure) : t('pack.capture.no_reason'),
  });
}
