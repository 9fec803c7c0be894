import { fail, type Result } from '../result.ts';

// Messages never quote what was pasted: it may be abusive, huge, or a phishing link we should not repeat.
const EXAMPLE = 'https://x.com/name/status/123';

export const refuse = {
  empty: (): Result<never> =>
    fail('url.empty', `There's no link here yet. Paste the full address of the post, like ${EXAMPLE}.`),
  tooLong: (): Result<never> =>
    fail(
      'url.too_long',
      "That's too long to be a post's address. Use the post's Share → Copy link button and paste what it gives you.",
    ),
  controlChars: (): Result<never> =>
    fail(
      'url.control_chars',
      "That link has hidden characters in it. Copy the post's link again (Share → Copy link) and paste it here.",
    ),
  extraText: (): Result<never> =>
    fail('url.extra_text', `Paste just the link on its own, without other words around it, like ${EXAMPLE}.`),
  invalid: (): Result<never> =>
    fail(
      'url.invalid',
      `That doesn't look like a link. Paste the full address of the post, like ${EXAMPLE}.`,
    ),
  scheme: (): Result<never> =>
    fail(
      'url.scheme',
      `Only web links (starting with https://) and email addresses can be recorded. Paste the post's address, like ${EXAMPLE}.`,
    ),
  credentials: (): Result<never> =>
    fail(
      'url.credentials',
      "That link carries a login name or password, so it won't be stored. Copy the post's public link (Share → Copy link) instead.",
    ),
  notPublic: (): Result<never> =>
    fail(
      'url.not_public',
      `That link points at a private or local address, not a public post. Paste the post's public address, like ${EXAMPLE}.`,
    ),
  notAPost: (label: string, example: string): Result<never> =>
    fail(
      'url.not_post',
      `That ${label} link doesn't point at a post or an account. Open the post itself, copy its link, and paste it here, like ${example}.`,
    ),
  email: (): Result<never> =>
    fail(
      'email.invalid',
      "That doesn't look like a complete email address. Paste the sender's address, like name@example.com.",
    ),
};
