import type { Category } from '../categories.ts';
import type { Actor } from '../command.ts';
import type { MemberRef } from '../ledger-port.ts';

/**
 * Doxxing wording is the exposed private information itself (an address, a phone number, a child's school), so
 * showing it to colleagues would spread what the attack spread. Only the person attacked and leads read it.
 */
export function wordingIsPrivate(incident: { category: Category }): boolean {
  return incident.category === 'doxxing';
}

/** Whether `actor` may read the reported wording of this incident. */
export function mayReadWording(
  incident: { category: Category; target: MemberRef },
  actor: Pick<Actor, 'id' | 'isLead'>,
): boolean {
  return !wordingIsPrivate(incident) || actor.isLead || actor.id === incident.target.id;
}
