import type { Translator } from '../i18n/translator.ts';
import type { Ledger } from '../ledger-port.ts';
import { parseAccountQuery } from '../post-url/index.ts';
import type { AccountRef } from '../post-url/types.ts';
import { fail, ok, type Result } from '../result.ts';
import { sayError } from '../spoken-error.ts';

/** The one ledger account a lead means: a change to the ledger never guesses between two. */
export async function oneAccount(ledger: Ledger, text: string, t: Translator): Promise<Result<AccountRef>> {
  const query = parseAccountQuery(text);
  if (!query.ok) return fail(query.error.code, sayError(query.error, t));
  const found = await ledger.findOffenders(query.value);
  if (found.length === 0) return fail('review.unknown', t('account.not_in_ledger', { text }));
  if (found.length > 1) {
    const options = found.map((h) => `${h.account.platform}:${h.account.handle}`).join(', ');
    return fail('review.ambiguous', t('account.ambiguous', { text, options }));
  }
  return ok((found[0] as (typeof found)[number]).account);
}
