import type { Translator } from '../i18n/translator.ts';
import { formatInstant } from '../time.ts';
import type { CaptureFailure } from './page-capturer.ts';
import type { PageCaptureView } from './page-captures.ts';

/** Why a capture failed, in words a member understands, in their language. */
export const captureFailureText = (t: Translator, failure: CaptureFailure): string =>
  t(`capture.failure.${failure}`);

/**
 * What the card says of the captures, one line a page: captured at…, capturing now, or failed and why with a
 * request to screenshot it; then whether the post is gone or still up when checked again.
 */
export function captureLines(
  t: Translator,
  captures: readonly PageCaptureView[],
  timezone: string,
  open: boolean,
): string[] {
  const lines = captures.map((capture) => {
    const page = capture.page;
    if (capture.state === 'pending') return t('capture.line.pending', { page });
    if (capture.state === 'captured')
      return capture.capturedAt
        ? t('capture.line.captured', { page, at: formatInstant(capture.capturedAt, timezone) })
        : t('capture.line.captured_just_now', { page });
    return t('capture.line.failed', { page, why: captureFailureText(t, capture.failure ?? 'error') });
  });
  const post = captures.find((capture) => capture.page === 'post');
  if (post?.goneAt) {
    const why = post.goneReason === 'login-wall' ? 'login_wall' : 'other';
    const at = formatInstant(post.goneAt, timezone);
    lines.push(t(open ? 'capture.line.gone_open' : 'capture.line.gone', { at, why }));
  } else if (post?.stillUpAt) {
    lines.push(t('capture.line.still_up', { at: formatInstant(post.stillUpAt, timezone) }));
  }
  return lines;
}

/**
 * The "keep a record" advice, as it stands with capture on: what the bot keeps for them, and what only they can
 * (what a logged-out browser can't see). Undefined: capture is off, say what the guidance always said.
 */
export function captureAdvice(
  t: Translator,
  captures: readonly PageCaptureView[] | 'starting',
  what: 'comment' | 'post',
  timezone: string,
): string {
  const post = captures === 'starting' ? undefined : captures.find((c) => c.page !== 'account');
  if (captures === 'starting' || !post || post.state === 'pending')
    return t('capture.advice.starting', { what });
  if (post.state === 'captured')
    return t('capture.advice.captured', {
      what,
      at: formatInstant(post.capturedAt ?? new Date(0), timezone),
    });
  return t('capture.advice.failed', { what, why: captureFailureText(t, post.failure ?? 'error') });
}
