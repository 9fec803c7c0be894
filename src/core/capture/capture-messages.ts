import type { Translator } from '../i18n/translator.ts';
import type { IncidentDetails } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply } from '../reply.ts';
import { formatInstant } from '../time.ts';
import { captureFailureText } from './capture-text.ts';

/** The button that resolves an incident as removed, from the "post is gone" message (see Bot.press). */
export const MARK_REMOVED_ACTION = 'gone:removed';

/**
 * To those who flagged it, when the post could not be captured: their own screenshot is the record now. Nothing
 * to send once the incident is resolved, or when the capture did not fail after all.
 */
export function captureFailedMessage(incident: IncidentDetails, t: Translator): Reply | undefined {
  const post = incident.pageCaptures.find((capture) => capture.page === 'post');
  if (incident.status !== 'open' || post?.state !== 'failed') return undefined;
  const reference = incidentReference(incident.id);
  return {
    tone: 'warning',
    title: t('capture_follow.failed_title', { reference }),
    sections: [
      {
        lines: [
          t('capture_follow.failed_why', { why: captureFailureText(t, post.failure ?? 'error') }),
          t('capture_follow.failed_screenshot', { reference }),
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
  t: Translator,
): Reply | undefined {
  const post = incident.pageCaptures.find((capture) => capture.page === 'post');
  if (incident.status !== 'open' || !post?.goneAt) return undefined;
  const reference = incidentReference(incident.id);
  const mayResolve = recipient === incident.target.id;
  return {
    tone: 'info',
    title: t('capture_follow.gone_title', { reference }),
    sections: [
      {
        lines: [
          t(
            post.goneReason === 'login-wall'
              ? 'capture_follow.gone_login_wall'
              : 'capture_follow.gone_removed',
            { at: formatInstant(post.goneAt, timezone) },
          ),
          mayResolve ? t('capture_follow.gone_mark_removed') : t('capture_follow.gone_others'),
        ],
      },
    ],
    ...(mayResolve
      ? {
          actions: [
            {
              id: `${MARK_REMOVED_ACTION}:${incident.id}`,
              label: t('capture_follow.mark_removed'),
              style: 'primary' as const,
            },
          ],
        }
      : {}),
  };
}
