import type { Result } from '../result.ts';
import { failSaying } from '../spoken-error.ts';

// Messages never quote what was pasted: it may be abusive, huge, or a phishing link we should not repeat.
const EXAMPLE = 'https://x.com/name/status/123';
const example = { example: EXAMPLE };

export const refuse = {
  empty: (): Result<never> => failSaying('url.empty', 'link.empty', example),
  tooLong: (): Result<never> => failSaying('url.too_long', 'link.too_long'),
  controlChars: (): Result<never> => failSaying('url.control_chars', 'link.control_chars'),
  extraText: (): Result<never> => failSaying('url.extra_text', 'link.extra_text', example),
  invalid: (): Result<never> => failSaying('url.invalid', 'link.invalid', example),
  scheme: (): Result<never> => failSaying('url.scheme', 'link.scheme', example),
  credentials: (): Result<never> => failSaying('url.credentials', 'link.credentials'),
  notPublic: (): Result<never> => failSaying('url.not_public', 'link.not_public', example),
  notAPost: (label: string, example: string): Result<never> =>
    failSaying('url.not_post', 'link.not_post', { platform: label, example }),
  email: (): Result<never> => failSaying('email.invalid', 'link.email_invalid'),
};
