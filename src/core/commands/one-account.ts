import type { Ledger } from '../ledger-port.ts';
import { parseAccountQuery } from '../post-url/index.ts';
import type { AccountRef } from '../post-url/types.ts';
import { fail, ok, type Result } from '../result.ts';

/** The one ledger account a lead means: a change to the ledger never guesses between two. */
export async function oneAccount(ledger: Ledger, text: string): Promise<Result<AccountRef>> {
  const query = parseAccountQuery(text);
  if (!query.ok) return query;
  const found = await ledger.findOffenders(query.value);
  if (found.length === 0) return fail('review.unknown', `No account called ${text} is in the ledger.`);
  if (found.length > 1) {
    const options = found.map((h) => `${h.account.platform}:${h.account.handle}`).join(', ');
    return fail('review.ambiguous', `Several accounts match ${text}; say which: ${options}.`);
  }
  return ok((found[0] as (typeof found)[number]).account);
}
