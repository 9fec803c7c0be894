import type { AuditEntry } from '../ledger-port.ts';
import { accountOnPlatform } from '../post-url/account-on-platform.ts';
import { incidentReference } from '../reference.ts';
import { formatDay } from '../time.ts';

/** One audit entry as leads read it under /offender: when, what changed, who, and why. */
export function auditLine(entry: AuditEntry, timezone: string): string {
  return `${formatDay(entry.at, timezone)} · ${whatChanged(entry)} · by ${entry.actorId} · "${entry.reason}"`;
}

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
