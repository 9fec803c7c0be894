import { CAPTURE_FAILURE_TEXT } from '../core/capture/capture-text.ts';
import { CATEGORY_INFO } from '../core/categories.ts';
import { translator } from '../core/i18n/translator.ts';
import { attackPlaceText } from '../core/incident/attack-place-text.ts';
import { OUTCOME_LABEL } from '../core/incident/outcomes.ts';
import { accountOnPlatform, NAMED_BY_MEMBER } from '../core/post-url/account-on-platform.ts';
import { incidentReference } from '../core/reference.ts';
import type { EvidenceIncident, EvidencePack, EvidencePageCapture } from './evidence-pack.ts';

/** The words every format prints the same way, so a PDF and a spreadsheet of one pack never disagree. */

export function subjectTitle(pack: EvidencePack): string {
  if (pack.subject.kind === 'incident') return `incident ${incidentReference(pack.subject.id)}`;
  return accountOnPlatform(pack.subject.account);
}

/** "@SomeTroll on X (Twitter)", "Jo Bloggs (named by a member)", or "unknown" when nobody knows who. */
export function accountText(incident: EvidenceIncident): string {
  if (!incident.account) return 'unknown';
  const named = accountOnPlatform(incident.account);
  return incident.accountNamedBy === 'member' ? `${named} ${NAMED_BY_MEMBER}` : named;
}

/** Where an attack with no public link happened ("Direct message on Instagram"); null for a link. */
export function placeText(incident: EvidenceIncident): string | null {
  return incident.channel ? attackPlaceText(incident.channel, incident.platform, translator('en')) : null;
}

export function categoryText(incident: EvidenceIncident): string {
  return CATEGORY_INFO[incident.category].label;
}

export function statusText(incident: EvidenceIncident): string {
  if (!incident.resolution) return 'Open';
  return `Resolved: ${OUTCOME_LABEL[incident.resolution.outcome]}`;
}

export function reportersNote(pack: EvidencePack): string {
  return pack.reporters === 'anonymised'
    ? 'Reporters are anonymised as Reporter 1, Reporter 2…; one number is one member throughout this pack.'
    : "Reporters are named at the collective's request, except members who asked to stay anonymous and the " +
        'person attacked, who are numbered (Reporter 1, Reporter 2…).';
}

/** "a member of the collective", "3 members of the collective": who was attacked, as far as a pack says. */
export function membersAttackedText(pack: EvidencePack): string {
  return pack.membersAttacked === 1
    ? `a member of ${pack.collectiveName}`
    : `${pack.membersAttacked} members of ${pack.collectiveName}`;
}

export function targetNote(pack: EvidencePack): string {
  return pack.membersAttacked === 1
    ? 'One member of the collective, who is not named in this pack.'
    : `${pack.membersAttacked} different members of the collective, who are not named in this pack.`;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** What colleagues said they did, from the card's buttons: counted once per member, as they recorded it. */
export function actionsText(incident: EvidenceIncident): string {
  const { supportiveReplies, reportsFiled } = incident;
  if (supportiveReplies === 0 && reportsFiled === 0) return 'None recorded.';
  return (
    `${plural(supportiveReplies, 'member')} replied with support; ` +
    `${plural(reportsFiled, 'member')} reported it to the platform.`
  );
}

export const NOT_DOWNLOADED = 'not downloaded yet';

/** Why a page capture stored nothing, in plain words (the code in brackets is what JSON readers match on). */
export const CAPTURED_PAGE_LABEL: Record<EvidencePageCapture['page'], string> = {
  post: 'The post',
  account: "The account's page",
};

export const GONE_REASON_TEXT: Record<NonNullable<EvidencePageCapture['goneReason']>, string> = {
  removed: 'removed',
  'login-wall': 'now behind a login wall',
};

/** "captured", "capture failed: the page asked to log in (login wall)", "not captured yet". */
export function captureStateText(capture: EvidencePageCapture): string {
  if (capture.state === 'captured') return 'captured';
  if (capture.state === 'pending') return 'not captured yet';
  return `capture failed: ${capture.failure ? CAPTURE_FAILURE_TEXT[capture.failure] : 'no reason recorded'}`;
}

/** Why a capture failed, in the words members are told. */
export { CAPTURE_FAILURE_TEXT };
