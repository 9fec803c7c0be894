import type { NamedBy } from './ledger-port.ts';
import { platformLabel } from './post-url/platform-label.ts';
import type { AccountRef } from './post-url/types.ts';

/** An account as messages name it: "@troll on X (Twitter)", or a person's name alone when it is on no platform. */
export function describeAccount(account: AccountRef): string {
  return account.platform === 'offline'
    ? account.display
    : `${account.display} on ${platformLabel(account.platform)}`;
}

/** An incident's attacker: plainly unknown, or the account, saying so when a member named it rather than the link. */
export function describeAttacker(account: AccountRef | null, namedBy: NamedBy | null): string {
  if (account === null) return 'unknown';
  return namedBy === 'member' ? `${describeAccount(account)} (named by a member)` : describeAccount(account);
}
