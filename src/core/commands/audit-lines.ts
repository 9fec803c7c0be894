import { accountOn, unknownAccount } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AuditEntry } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import { formatDay } from '../time.ts';

/** One audit entry as leads read it under /offender: when, what changed, who, and why. */
export function auditLine(t: Translator, entry: AuditEntry, timezone: string): string {
  return t('audit.line', {
    day: formatDay(entry.at, timezone),
    what: whatChanged(t, entry),
    actor: actor(t, entry.actorId),
    reason: entry.reason,
  });
}

/** Retention leaves a keyed pseudonym where the member's id was (migration 0014): it names nobody, so says so. */
const actor = (t: Translator, actorId: string): string =>
  actorId.startsWith('pseudonym:') ? t('audit.pseudonym') : actorId;

function whatChanged(t: Translator, entry: AuditEntry): string {
  const incident = entry.incidentId === null ? t('audit.an_incident') : incidentReference(entry.incidentId);
  const other = entry.other ? accountOn(t, entry.other) : unknownAccount(t);
  switch (entry.action) {
    case 'attribute':
      if (entry.movedAway) return t('audit.moved_away', { incident, other });
      return entry.other ? t('audit.moved_here', { incident, other }) : t('audit.attributed', { incident });
    case 'retarget':
      return t('audit.retarget', { incident });
    case 'link':
      return entry.incidentId === null
        ? t('audit.link', { other })
        : t('audit.link_from', { other, incident });
    default:
      return t(`audit.action.${entry.action}`);
  }
}
