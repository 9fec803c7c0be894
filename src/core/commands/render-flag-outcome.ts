import { CATEGORY_INFO } from '../categories.ts';
import type { Actor } from '../command.ts';
import { TARGET_WANTS_LABEL } from '../incident/target-wants.ts';
import type { RecordedFlag } from '../ledger-port.ts';
import { platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { FlagArgs } from './flag-args.ts';

/** The reporter's confirmation: which incident, what it was filed as, then the guidance. */
export function renderFlagOutcome(
  { outcome, incident }: RecordedFlag,
  asked: FlagArgs,
  guidance: Section[],
  reporter: Actor,
): Reply {
  const reference = incidentReference(incident.id);
  const label = CATEGORY_INFO[incident.category].label;
  const members = incident.reporters === 1 ? '1 member has' : `${incident.reporters} members have`;
  const title = {
    created: `Recorded as ${reference}: ${label}, ${incident.severity} severity.`,
    'co-reported': `Added you to ${reference}: ${members} flagged this post.`,
    'already-reported': `You flagged this post before: it is ${reference}, and ${members} flagged it.`,
    'repeated-delivery': `Already recorded as ${reference}.`,
  }[outcome];
  const lines = [
    `Category: ${label} · Severity: ${incident.severity} · Platform: ${platformLabel(incident.platform)}`,
    `Account: ${incident.offender ? incident.offender.display : 'not named in the link'}`,
  ];
  const forColleague = incident.target.id !== reporter.id;
  lines.push(
    forColleague
      ? `${incident.target.name} wants: ${TARGET_WANTS_LABEL[incident.wants]}`
      : `You asked colleagues for: ${TARGET_WANTS_LABEL[incident.wants]}`,
  );
  if (forColleague) {
    lines.push(
      `You flagged this for ${incident.target.name}. The steps below are for them: pass them on privately, and ` +
        'let them decide what happens next.',
    );
  }
  if (outcome === 'co-reported' && asked.category && asked.category !== incident.category) {
    lines.push(
      `It was first flagged as ${label} and stays filed that way${asked.note ? '; your note is kept with it' : ''}.`,
    );
  }
  return {
    tone: outcome === 'created' || outcome === 'co-reported' ? 'success' : 'info',
    title,
    sections: [{ lines }, ...guidance],
  };
}
