import type { Actor } from '../command.ts';
import type { Translator } from '../i18n/translator.ts';
import type { IncidentDetails, MemberRef } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { UserError } from '../result.ts';
import { spokenError } from '../spoken-error.ts';

/** What the rule needs to know of an incident: who it names as attacked, who flagged it, and their answer. */
export type AttackedFacts = Pick<IncidentDetails, 'id' | 'target' | 'reportedBy' | 'consent'>;

/**
 * Whether the person the incident names as attacked has said it is theirs: they flagged it themselves, or
 * answered what they want, after someone else flagged it first. The first flag alone proves nothing: a member
 * can name themselves the target of a colleague's attack, so a target named by the first flag can still be
 * corrected by the real one.
 */
export function targetHasClaimedIt(incident: AttackedFacts): boolean {
  const first = incident.reportedBy[0]?.id;
  if (incident.target.id === first) return false;
  return incident.consent === 'given' || incident.reportedBy.some((r) => r.id === incident.target.id);
}

/** Whether `member` flagged this incident (the first flag or a later one). */
export function flaggedIt(incident: AttackedFacts, member: string): boolean {
  return incident.reportedBy.some((r) => r.id === member);
}

/**
 * The one rule for who may change who was attacked. A lead always may. A member who flagged it may say they are
 * the one attacked, and the member who first flagged it may name another member, but neither once the person
 * it names has claimed it: then it is a dispute, for a lead.
 */
export function retargetRefusal(
  actor: Pick<Actor, 'id' | 'isLead'>,
  incident: AttackedFacts,
  target: MemberRef,
): UserError | undefined {
  if (actor.isLead || target.id === incident.target.id) return undefined;
  const reference = incidentReference(incident.id);
  const claimsIt = target.id === actor.id && flaggedIt(incident, actor.id);
  const firstFlagger = incident.reportedBy[0]?.id === actor.id;
  if (!claimsIt && !firstFlagger)
    return spokenError('correct.not_allowed', 'flag.retarget_not_allowed', { reference });
  if (targetHasClaimedIt(incident)) {
    return spokenError('correct.target_claimed', 'flag.retarget_claimed', { reference });
  }
  return undefined;
}

/**
 * For a member who flagged, as an attack on themselves, a post the ledger records as an attack on another member:
 * how to make it theirs. Nobody is named: the other member may have flagged it anonymously.
 */
export function claimHint(
  incident: AttackedFacts,
  reporter: Pick<Actor, 'id'>,
  t: Translator,
): string | undefined {
  if (incident.target.id === reporter.id) return undefined;
  const reference = incidentReference(incident.id);
  return t(targetHasClaimedIt(incident) ? 'flag.claim_confirmed' : 'flag.claim_hint', { reference });
}
