/** What the card and the guidance say of the pages Shieldwall captured in a browser. */
export const capture = {
  'capture.failure.login-wall': 'the site showed a login wall instead of the post',
  'capture.failure.removed': 'the page was already removed or not found',
  'capture.failure.timed-out': 'the page took too long to load',
  'capture.failure.too-large': 'the page was too large to keep',
  'capture.failure.refused-address':
    'the link led to a private network address, which Shieldwall never opens',
  'capture.failure.unreachable': 'the site could not be reached',
  'capture.failure.error': 'the browser could not load it',

  'capture.line.pending':
    "Capturing {page, select, account {the account's page} other {the post}} in a browser now.",
  'capture.line.captured':
    "{page, select, account {The account's page} other {The post}} was captured at {at}: a screenshot and the page itself, with their SHA-256, kept with the record.",
  'capture.line.captured_just_now':
    "{page, select, account {The account's page} other {The post}} was captured at just now: a screenshot and the page itself, with their SHA-256, kept with the record.",
  'capture.line.failed':
    "{page, select, account {The account's page} other {The post}} could not be captured ({why}): please screenshot it.",
  'capture.line.gone':
    'The post was gone when checked at {at} ({why, select, login_wall {now behind a login wall} other {removed or suspended}}).',
  'capture.line.gone_open':
    'The post was gone when checked at {at} ({why, select, login_wall {now behind a login wall} other {removed or suspended}}): if the platform removed it, resolve this incident as removed.',
  'capture.line.still_up': 'The post was still up when checked at {at}.',

  'capture.advice.starting':
    "Shieldwall is capturing {what, select, comment {the comment} other {the post}} and the account's page for you now, in a browser (a screenshot and the page itself, with the time): the card says when it is done, and you are told if it fails. A screenshot of your own still helps, with anything a logged-out visitor would not see.",
  'capture.advice.captured':
    'Shieldwall captured {what, select, comment {the comment} other {the post}} at {at}, so it is on record even if it is deleted. Screenshot anything a logged-out visitor would not see (replies, messages).',
  'capture.advice.failed':
    'Shieldwall could not capture {what, select, comment {the comment} other {the post}} ({why}): please screenshot it, with the date and time showing, before it is deleted.',
} as const;
