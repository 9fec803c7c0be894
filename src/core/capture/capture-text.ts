import { formatInstant } from '../time.ts';
import type { CaptureFailure } from './page-capturer.ts';
import type { PageCaptureView } from './page-captures.ts';

/** Why a capture failed, in words a member understands. */
export const CAPTURE_FAILURE_TEXT: Record<CaptureFailure, string> = {
  'login-wall': 'the site showed a login wall instead of the post',
  removed: 'the page was already removed or not found',
  'timed-out': 'the page took too long to load',
  'too-large': 'the page was too large to keep',
  'refused-address': 'the link led to a private network address, which Shieldwall never opens',
  unreachable: 'the site could not be reached',
  error: 'the browser could not load it',
};

const PAGE_NAME = { post: 'post', account: "account's page" } as const;

/**
 * What the card says of the captures, one line a page: captured at…, capturing now, or failed and why with a
 * request to screenshot it; then whether the post is gone or still up when checked again.
 */
export function captureLines(
  captures: readonly PageCaptureView[],
  timezone: string,
  open: boolean,
): string[] {
  const lines = captures.map((capture) => {
    const name = PAGE_NAME[capture.page];
    if (capture.state === 'pending') return `Capturing the ${name} in a browser now.`;
    const at = capture.capturedAt ? formatInstant(capture.capturedAt, timezone) : 'just now';
    if (capture.state === 'captured')
      return `The ${name} was captured at ${at}: a screenshot and the page itself, with their SHA-256, kept with the record.`;
    return `The ${name} could not be captured (${CAPTURE_FAILURE_TEXT[capture.failure ?? 'error']}): please screenshot it.`;
  });
  const post = captures.find((capture) => capture.page === 'post');
  if (post?.goneAt) {
    const why = post.goneReason === 'login-wall' ? 'now behind a login wall' : 'removed or suspended';
    lines.push(
      `The post was gone when checked at ${formatInstant(post.goneAt, timezone)} (${why})` +
        (open ? ': if the platform removed it, resolve this incident as removed.' : '.'),
    );
  } else if (post?.stillUpAt) {
    lines.push(`The post was still up when checked at ${formatInstant(post.stillUpAt, timezone)}.`);
  }
  return lines;
}

/**
 * The "keep a record" advice, as it stands with capture on: what the bot keeps for them, and what only they can
 * (what a logged-out browser can't see). Undefined: capture is off, say what the guidance always said.
 */
export function captureAdvice(
  captures: readonly PageCaptureView[] | 'starting',
  what: string,
  timezone: string,
): string {
  const post = captures === 'starting' ? undefined : captures.find((c) => c.page !== 'account');
  if (captures === 'starting' || !post || post.state === 'pending')
    return (
      `Shieldwall is capturing the ${what} and the account's page for you now, in a browser (a screenshot and ` +
      'the page itself, with the time): the card says when it is done, and you are told if it fails. A ' +
      'screenshot of your own still helps, with anything a logged-out visitor would not see.'
    );
  if (post.state === 'captured')
    return (
      `Shieldwall captured the ${what} at ${formatInstant(post.capturedAt ?? new Date(0), timezone)}, so it is ` +
      'on record even if it is deleted. Screenshot anything a logged-out visitor would not see (replies, messages).'
    );
  return (
    `Shieldwall could not capture the ${what} (${CAPTURE_FAILURE_TEXT[post.failure ?? 'error']}): please ` +
    `screenshot it, with the date and time showing, before it is deleted.`
  );
}
