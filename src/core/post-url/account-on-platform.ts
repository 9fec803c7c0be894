import { platformLabel } from './platform-label.ts';
import type { AccountRef } from './types.ts';

/** Who named an account: the link itself, or a member. */
type NamedBy = 'link' | 'member';

/**
 * "@SomeTroll on X (Twitter)", for lists and documents that name the platform beside the account. A person
 * known only by name (a caller, a letter's signatory) is on no platform: just the name.
 */
export function accountOnPlatform(account: AccountRef): string {
  return account.platform === 'offline'
    ? account.display
    : `${account.display} on ${platformLabel(account.platform)}`;
}

/** Said after an account a member named, because the link (or lack of one) could not. */
export const NAMED_BY_MEMBER = '(named by a member)';

/** An incident's attacker with its platform: plainly unknown, or the account, saying so when a member named it. */
export function attackerOnPlatform(account: AccountRef | null, namedBy: NamedBy | null): string {
  if (account === null) return 'unknown';
  const named = accountOnPlatform(account);
  return namedBy === 'member' ? `${named} ${NAMED_BY_MEMBER}` : named;
}
