import { captureLines } from '../capture/capture-text.ts';
import { CATEGORY_INFO } from '../categories.ts';
import { COMMENT_REPORT } from '../guidance/build-guidance.ts';
import { reportingRoute } from '../guidance/platform-reporting.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { translator } from '../i18n/translator.ts';
import type { IncidentDetails, IncidentReporter } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatInstant } from '../time.ts';
import { occurredText, placeText, whereAndWho } from './describe-incident.ts';
import { OUTCOME_LABEL } from './outcomes.ts';
import { buildPurgedCard } from './purged-card.ts';
import { visibleTargetName } from './target-name.ts';
import { TARGET_WANTS_LABEL, wantsPublicAction, wantsReplies, wantsReports } from './target-wants.ts';
import { wordingIsPrivate } from './wording-access.ts';

export type CardButtonAction = 'supported' | 'reported' | 'wording' | 'resolve';

export interface CardButton {
  action: CardButtonAction;
  label: string;
  style?: 'primary';
}

/**
 * The incident as colleagues see it in the incident channel, free of any platform. It never holds the abusive
 * wording: that is shown privately, on request, behind a content warning.
 */
export interface IncidentCard {
  incidentId: number;
  tone: Reply['tone'];
  title: string;
  /** One line for notifications and screen readers; no wording, no names. */
  summary: string;
  sections: Section[];
  buttons: CardButton[];
}

export function buildIncidentCard(incident: IncidentDetails, settings: CollectiveSettings): IncidentCard {
  if (incident.purged) return buildPurgedCard(incident, settings);
  const reference = incidentReference(incident.id);
  const label = CATEGORY_INFO[incident.category].label;
  const where = placeText(incident, translator(collectiveLanguage(settings)));
  const resolved = incident.resolution !== null;
  return {
    incidentId: incident.id,
    tone: resolved ? 'success' : incident.severity === 'critical' ? 'error' : 'warning',
    title: `${resolved ? 'Resolved: ' : ''}${reference} · ${label} · ${incident.severity} severity`,
    summary: `${reference}: ${label} ${incident.channel === null ? `on ${where}` : `(${where})`}, ${incident.severity} severity${resolved ? ', resolved' : ''}.`,
    sections: [
      { lines: aboutLines(incident, settings) },
      ...(resolved ? [resolutionSection(incident, settings)] : [whatToDoSection(incident, settings)]),
      ...(wantsPublicAction(incident.wants) || incident.supported + incident.reported > 0
        ? [{ heading: 'So far', lines: [countsLine(incident)] }]
        : []),
      { lines: recordLines(incident, settings) },
    ],
    buttons: resolved ? [wordingButton(incident)] : openButtons(incident),
  };
}

function aboutLines(incident: IncidentDetails, settings: CollectiveSettings): string[] {
  const target = visibleTargetName(incident);
  const first = incident.reportedBy[0];
  return [
    whereAndWho(incident, translator(collectiveLanguage(settings))),
    ...(incident.occurredAt
      ? [
          `Happened: ${occurredText(incident.occurredAt, settings.timezone, translator(collectiveLanguage(settings)))}`,
        ]
      : []),
    ...(target ? [`Attacked: ${target}`] : []),
    `Flagged by ${describeReporters(incident.reportedBy)}` +
      (first ? ` · ${formatInstant(incident.firstReportedAt, settings.timezone)}` : ''),
    `${target ?? 'The person attacked'} wants: ${targetHasDecided(incident) || incident.consent === 'defaulted' ? TARGET_WANTS_LABEL[incident.wants] : 'not decided yet'}`,
  ];
}

/** Names the reporters who did not ask to stay anonymous; the others are only counted. */
export function describeReporters(reporters: readonly IncidentReporter[]): string {
  const named = reporters.filter((r) => !r.anonymous).map((r) => r.name);
  const others = reporters.length - named.length;
  if (named.length === 0) return others <= 1 ? 'a member' : `${others} members`;
  const shown = named.slice(0, 3);
  const rest = others + named.length - shown.length;
  if (rest === 0) return joinNames(shown);
  return `${shown.join(', ')} and ${rest} other member${rest === 1 ? '' : 's'}`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Whether colleagues may act: the person attacked has chosen (or flagged it themselves). */
export function targetHasDecided(incident: IncidentDetails): boolean {
  return incident.consent === 'given';
}

/** What colleagues should do now, as the card and the rally alerts say it. */
export function whatToDoSection(incident: IncidentDetails, settings: CollectiveSettings): Section {
  const target = visibleTargetName(incident) ?? 'the person attacked';
  if (incident.consent === 'pending' || incident.consent === 'asked') {
    const until = incident.consentDeadline
      ? ` (until ${formatInstant(incident.consentDeadline, settings.timezone)})`
      : '';
    return {
      heading: `Waiting for ${target}`,
      lines: [
        `${target} is being asked privately what they want${until}. Please don't reply or report until they choose.`,
        'Never reply to, quote or tag the attacker.',
      ],
    };
  }
  if (incident.consent === 'defaulted') {
    return {
      heading: 'Documented only',
      lines: [
        `${target} didn't answer in time, so this stays documented only: please don't reply or report.`,
      ],
    };
  }
  const lines: string[] = [];
  if (incident.severity === 'critical') {
    lines.push(
      `Their safety comes first: if you believe ${target} is in immediate danger, call ${settings.safety.emergency}.`,
    );
  }
  if (wantsReplies(incident.wants)) {
    lines.push(
      incident.targetPostUrl
        ? `Reply with support on ${target}'s own post: ${incident.targetPostUrl}`
        : `Reply with support on ${target}'s own recent posts, not under the attack.`,
    );
  }
  if (incident.wants === 'private') {
    lines.push(
      `${target} would like private support: send a kind direct message. Nothing in public, please.`,
    );
  }
  if (incident.wants === 'document') {
    lines.push(
      `${target} asked for this to be documented only: please don't reply or report. It is in the ledger.`,
    );
  }
  lines.push('Never reply to, quote or tag the attacker: it feeds them and spreads the post.');
  if (wantsReports(incident.wants)) {
    const route = reportingRoute(
      translator(collectiveLanguage(settings)),
      incident.platform,
      incident.canonicalUrl,
    );
    if (incident.kind !== 'email' && incident.kind !== 'offline') {
      lines.push(`Report the ${incident.kind === 'comment' ? 'comment' : 'post'}: ${incident.canonicalUrl}`);
      if (incident.kind === 'comment') lines.push(COMMENT_REPORT);
    }
    lines.push(route.how);
    if (route.policyUrl) lines.push(`Policy: ${route.policyUrl}`);
  }
  return { heading: 'What to do', lines };
}

function resolutionSection(incident: IncidentDetails, settings: CollectiveSettings): Section {
  const resolution = incident.resolution;
  if (!resolution) return { lines: [] };
  const by = resolution.by === incident.target.id ? 'the person attacked' : 'a lead';
  return {
    heading: 'Resolved',
    lines: [
      `${OUTCOME_LABEL[resolution.outcome]} (recorded by ${by}, ${formatInstant(resolution.at, settings.timezone)}).`,
      'Thank you to everyone who showed up.',
    ],
  };
}

function countsLine(incident: IncidentDetails): string {
  const supported = incident.wants === 'private' ? 'reached out privately' : 'replied with support';
  const rallied = incident.alerted > 0 ? `${incident.alerted} alerted · ${incident.onIt} on it · ` : '';
  return `${rallied}${incident.supported} ${supported} · ${incident.reported} reported it · ${incident.reporters} flagged it`;
}

function recordLines(incident: IncidentDetails, settings: CollectiveSettings): string[] {
  const lines = [
    !incident.hasWording
      ? 'No wording was given yet; whoever flags it next can add it.'
      : wordingIsPrivate(incident)
        ? 'The wording holds the private information that was exposed: only the person attacked and leads can ' +
          'read it (Show wording, privately).'
        : 'The wording is kept off this card: press Show wording to read it privately.',
  ];
  if (incident.screenshots > 0) {
    lines.push(
      `${incident.screenshots} screenshot${incident.screenshots === 1 ? '' : 's'} kept with the record.`,
    );
  }
  lines.push(
    ...captureLines(
      translator(collectiveLanguage(settings)),
      incident.pageCaptures,
      settings.timezone,
      incident.status === 'open',
    ),
  );
  return lines;
}

function openButtons(incident: IncidentDetails): CardButton[] {
  const buttons: CardButton[] = [];
  if (!targetHasDecided(incident)) return [wordingButton(incident), { action: 'resolve', label: 'Resolve' }];
  if (wantsReplies(incident.wants)) {
    buttons.push({ action: 'supported', label: 'I replied with support', style: 'primary' });
  }
  if (incident.wants === 'private') {
    buttons.push({ action: 'supported', label: 'I reached out privately', style: 'primary' });
  }
  if (wantsReports(incident.wants)) buttons.push({ action: 'reported', label: 'I reported it' });
  return [...buttons, wordingButton(incident), { action: 'resolve', label: 'Resolve' }];
}

/**
 * Always there: it shows the wording when there is some, and leads see who flagged it even when there isn't. On
 * a doxxing its label says who may read it, so nobody else presses it expecting to.
 */
function wordingButton(incident: IncidentDetails): CardButton {
  return {
    action: 'wording',
    label: wordingIsPrivate(incident) ? 'Show wording (person attacked, leads)' : 'Show wording',
  };
}
