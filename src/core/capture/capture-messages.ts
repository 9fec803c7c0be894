import type { IncidentDetails } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply } from '../reply.ts';
import { formatInstant } from '../time.ts';
import { CAPTURE_FAILURE_TEXT } from './capture-text.ts';

/** The button that resolves an incident as removed, from the "post is gone" message (see Bot.press). */
export const MARK_REMOVED_ACTION = 'gone:removed';

/**
 * To those who flagged it, when the post could not be captured: their own screenshot is the record now. Nothing
 * to send once the incident is resolved, or when the capture did not fail after all.
 */
export function captureFailedMessage(incident: IncidentDetails): Reply | undefined {
  const post = incident.pageCaptures.find((capture) => capture.page === 'post');
  if (incident.status !== 'open' || post?.state !== 'failed') return undefined;
  const reference = incidentReference(incident.id);
  return {
    tone: 'warning',
    title: `Shieldwall could not capture the post of ${reference}: please screenshot it.`,
    sections: [
      {
        lines: [
          `Why: ${CAPTURE_FAILURE_TEXT[post.failure ?? 'error']}.`,
          "Screenshot the post and the account's home page with the date and time showing, before they are " +
            `deleted or the account is locked. Flag the same link again with the screenshots attached: ${reference} ` +
            'keeps one record, never two.',
        ],
      },
    ],
  };
}

/**
 * To those who flagged it and the person attacked, when a check found the post gone. Whoever may resolve it
 * (the person attacked; leads see it on the card) gets the button to record it as removed.
 */
export function postGoneMessage(
  incident: IncidentDetails,
  recipient: string,
  timezone: string,
): Reply | undefined {
  const post = incident.pageCaptures.find((capture) => capture.page === 'post');
  if (incident.status !== 'open' || !post?.goneAt) return undefined;
  const reference = incidentReference(incident.id);
  const why =
    post.goneReason === 'login-wall'
      ? 'it is now behind a login wall it did not have before'
      : 'the page is removed, or the account suspended';
  const mayResolve = recipient === incident.target.id;
  return {
    tone: 'info',
    title: `The post of ${reference} is gone.`,
    sections: [
      {
        lines: [
          `Checked at ${formatInstant(post.goneAt, timezone)}: ${why}. The capture made when it was flagged stays ` +
            'in the record.',
          mayResolve
            ? 'If the platform removed it, mark it removed: it closes the incident and tells the colleagues who helped.'
            : 'The person attacked or a lead can now resolve it.',
        ],
      },
    ],
    ...(mayResolve
      ? {
          actions: [
            {
              id: `${MARK_REMOVED_ACTION}:${incident.id}`,
              label: 'Mark it removed',
              style: 'primary' as const,
            },
          ],
        }
      : {}),
  };
}
