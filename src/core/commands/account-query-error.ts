import type { Translator } from '../i18n/translator.ts';
import type { UserError } from '../result.ts';

// What looking an account up may refuse (parseAccountQuery's codes), in the reader's language.
const QUERY_REFUSALS = {
  'account.empty': 'account.empty',
  'account.too_long': 'account.too_long',
  'account.invalid': 'account.invalid',
  'account.platform': 'account.platform',
  'account.not_in_link': 'account.not_in_link',
} as const;

/** A refusal of an account query, said in the reader's language when its code is one we know. */
export function accountQueryError(t: Translator, error: UserError): UserError {
  const key = QUERY_REFUSALS[error.code as keyof typeof QUERY_REFUSALS];
  return key ? { code: error.code, message: t(key) } : error;
}
