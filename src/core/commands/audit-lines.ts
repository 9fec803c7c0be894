import type { AuditEntry } from '../ledger-port.ts';
import { accountOnPlatform } from '../post-url/account-on-platform.ts';
import { incidentReference } from '../reference.ts';
import { formatDay } from '../time.ts';

/** One audit entry as leads read it under /offender: when, what changed, who, and why. */
export function auditLine(entry: AuditEntry, timezone: string): string {
  return `${formatDay(entry.at, timezone)} · ${whatChanged(entry)} · by ${actor(entry.actorId)} · "${entry.reason}"`;
}

/** Retention leaves a keyed pseudonym where the member's id was (migration 0014): it names nobody, so says so. */
const actor = (actorId: string): string =>
  actorId.startsWith('pseudonym:') ? 'a member (name removed under the retention policy)' : actorId;

function whatChanged(entry: AuditEntry): string {
  const incident = entry.incidentId === null ? 'an incident' : incidentReference(entry.incidentId);
  const other = entry.other ? accountOnPlatform(entry.other) : 'unknown';
  switch (entry.action) {
    case 'attribute':
      if (entry.movedAway) return `${incident} moved from here to ${other}`;
      return entry.other
        ? `${incident} moved here from ${other}`
        : `${incident} attributed here (it was unknown)`;
    case 'retarget':
      return `${incident}: who was attacked was corrected`;
    case 'link':
      return `link with ${other}${entry.incidentId === null ? '' : ` (from ${incident})`}`;
    default:
      return entry.action;
  }
}
