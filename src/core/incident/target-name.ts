import type { Actor } from '../command.ts';
import type { IncidentReporter, MemberRef } from '../ledger-port.ts';

/**
 * Who reads a message that may name the person attacked:
 * - `channel`: the incident channel, and anyone who sees what it sees (cards, responders' alerts);
 * - `leads`: the leads' channel or a lead's direct message; leads may see every name, as they see anonymous
 *   reporters (they act on critical incidents and answer for the ledger);
 * - a person, answered privately: the person attacked reads "you", a lead reads the name, anyone else reads what
 *   the channel reads.
 */
export type NameReader = 'channel' | 'leads' | Pick<Actor, 'id' | 'isLead'>;

/** How a message refers to the person attacked: as "you", by their name, or without naming them. */
export type TargetNaming = { kind: 'reader' } | { kind: 'named'; name: string } | { kind: 'hidden' };

/** What the rule needs to know of an incident: who was attacked, and who flagged it and how. */
export interface NamingFacts {
  target: MemberRef;
  reportedBy: readonly Pick<IncidentReporter, 'id' | 'anonymous'>[];
}

/**
 * The one rule for naming the person attacked. A target who flagged their own attack anonymously asked the
 * channel not to see their name; naming them anywhere the channel can read (or to whoever flags the same post)
 * would undo that. Leads still see it, as they see every anonymous reporter.
 */
export function targetNaming(incident: NamingFacts, reader: NameReader): TargetNaming {
  if (typeof reader === 'object' && reader.id === incident.target.id) return { kind: 'reader' };
  const lead = reader === 'leads' || (typeof reader === 'object' && reader.isLead);
  if (!lead && targetAskedForAnonymity(incident)) return { kind: 'hidden' };
  return { kind: 'named', name: incident.target.name };
}

/** The target's name as the incident channel may read it (cards, responders' alerts), or undefined. */
export function visibleTargetName(incident: NamingFacts): string | undefined {
  const naming = targetNaming(incident, 'channel');
  return naming.kind === 'named' ? naming.name : undefined;
}

/** Whether the rule can hide the name at all: only once the target has flagged it, anonymously. */
export function targetAskedForAnonymity(incident: NamingFacts): boolean {
  return incident.reportedBy.some((r) => r.id === incident.target.id && r.anonymous);
}
