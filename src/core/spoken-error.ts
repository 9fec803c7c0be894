import type { MessageKey, MessageValues, Translator } from './i18n/translator.ts';
import { isMessageKey, translator } from './i18n/translator.ts';
import type { Result, UserError } from './result.ts';

/**
 * A user error that says which catalogue message it is, so whoever answers the member can say it in their
 * language. `message` stays the English text, for callers (and tests) that read it as it always was.
 */
export interface SpokenError extends UserError {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

export function spokenError(code: string, key: MessageKey, values?: MessageValues): SpokenError {
  return { code, message: translator('en')(key, values), key, ...(values ? { values } : {}) };
}

export function failSaying(code: string, key: MessageKey, values?: MessageValues): Result<never> {
  return { ok: false, error: spokenError(code, key, values) };
}

/** The error in the reader's language; one without a key is said as it was written. */
export function sayError(error: UserError, t: Translator): string {
  const spoken = error as Partial<SpokenError>;
  return spoken.key ? t(spoken.key, spoken.values) : error.message;
}

/** A zod issue the command runner says in the member's language (a key, and its values as `params`). */
export function issueSaying(error: UserError): { code: 'custom'; message: string; params?: MessageValues } {
  const spoken = error as Partial<SpokenError>;
  return spoken.key
    ? { code: 'custom', message: spoken.key, ...(spoken.values ? { params: spoken.values } : {}) }
    : { code: 'custom', message: error.message };
}

/** A zod issue's message in the reader's language: one named by catalogue key is looked up, with its values. */
export function sayIssue(issue: { code: string; message: string; params?: unknown }, t: Translator): string {
  const values = issue.code === 'custom' ? (issue.params as MessageValues | undefined) : undefined;
  return isMessageKey(issue.message) ? t(issue.message, values) : issue.message;
}
