import { CATEGORY_INFO } from '../categories.ts';
import { occurredText, whereAndWho } from '../incident/describe-incident.ts';
import type { TargetNaming } from '../incident/target-name.ts';
import { TARGET_WANTS_LABEL } from '../incident/target-wants.ts';
import type { IncidentView, RecordedFlag } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { FlagArgs } from './flag-args.ts';
import { placeOfFlag } from './flag-place.ts';

/**
 * The reporter's confirmation: which incident, what it was filed as, then the guidance. `target` says how the
 * reporter may read the person attacked (see targetNaming): whoever flags the same post is not told the name of
 * a target who flagged it anonymously.
 */
export function renderFlagOutcome(
  { outcome, incident }: RecordedFlag,
  asked: FlagArgs,
  guidance: Section[],
  target: TargetNaming,
  timezone: string,
  /** For a member who flagged it as an attack on themselves when it names another: how to make it theirs. */
  claim?: string,
): Reply {
  const reference = incidentReference(incident.id);
  const label = CATEGORY_INFO[incident.category].label;
  const members = incident.reporters === 1 ? '1 member has' : `${incident.reporters} members have`;
  const what = { offline: 'attack', comment: 'comment', email: 'email', post: 'post', profile: 'account' }[
    incident.kind
  ];
  const title = {
    created: `Recorded as ${reference}: ${label}, ${incident.severity} severity.`,
    'co-reported': `Added you to ${reference}: ${members} flagged this ${what}.`,
    'already-reported': `You flagged this ${what} before: it is ${reference}, and ${members} flagged it.`,
    'repeated-delivery': `Already recorded as ${reference}.`,
  }[outcome];
  const lines = [
    `Category: ${label} · Severity: ${incident.severity}`,
    whereAndWho(incident),
    ...(incident.occurredAt ? [`Happened: ${occurredText(incident.occurredAt, timezone)}`] : []),
    ...attackerLines(incident, asked),
  ];
  lines.push(...targetLines(target, TARGET_WANTS_LABEL[incident.wants]));
  if (claim) lines.push(claim);
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

/** What the person attacked asked for, and whose the guidance is, spoken to whoever reads it. */
function targetLines(target: TargetNaming, wants: string): string[] {
  switch (target.kind) {
    case 'reader':
      return [`You asked colleagues for: ${wants}`];
    case 'named':
      return [
        `${target.name} wants: ${wants}`,
        `You flagged this for ${target.name}. The steps below are for them: pass them on privately, and let ` +
          'them decide what happens next.',
      ];
    case 'hidden':
      return [
        `The person attacked wants: ${wants}`,
        'The steps below are for the person attacked, who decides what happens next. Please follow what the ' +
          "incident's card asks.",
      ];
  }
}

/** When the account is unknown, how to name it; when this flag named another one than the record, who can fix it. */
function attackerLines(incident: IncidentView, asked: FlagArgs): string[] {
  const reference = incidentReference(incident.id);
  if (incident.offender === null) {
    if (incident.kind === 'offline') {
      return [
        `If you learn who it was, you (or a lead) can name them: /correct ${reference} by:<their account or name>.`,
      ];
    }
    const why =
      incident.kind === 'comment'
        ? "A comment's link doesn't say who wrote it. "
        : "The link doesn't say who posted it. ";
    return [
      `${why}If you know who it was, flag it again with their account (by:@name, or the attacker's account ` +
        `field): it is added to ${reference}, and their record connects their attacks.`,
    ];
  }
  const place = placeOfFlag(asked);
  const named = place.ok ? place.value.attacker : null;
  if (named && (named.platform !== incident.offender.platform || named.handle !== incident.offender.handle)) {
    return [
      `${reference} already names ${incident.offender.display}, so your flag was added without changing it. If ` +
        'that is wrong, the member who first flagged it, or a lead, can correct it with /correct.',
    ];
  }
  return [];
}
