import { captureLines } from '../capture/capture-text.ts';
import { commentReport } from '../guidance/build-guidance.ts';
import { reportingRoute } from '../guidance/platform-reporting.ts';
import { safetyContacts } from '../guidance/safety-contacts.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { whereText } from '../i18n/place-words.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { categoryLabel, outcomeLabel, severityLabel, wantsLabel } from '../i18n/vocabulary.ts';
import type { IncidentDetails, IncidentReporter } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatInstant } from '../time.ts';
import { occurredText, whereAndWho } from './describe-incident.ts';
import { buildPurgedCard } from './purged-card.ts';
import { visibleTargetName } from './target-name.ts';
import { wantsPublicAction, wantsReplies, wantsReports } from './target-wants.ts';
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

/**
 * The card in the collective's language: the whole incident channel reads it. `t` is for tests and callers that
 * already hold the collective's translator.
 */
export function buildIncidentCard(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator = translator(collectiveLanguage(settings)),
): IncidentCard {
  if (incident.purged) return buildPurgedCard(incident, settings, t);
  const reference = incidentReference(incident.id);
  const category = categoryLabel(t, incident.category);
  const severity = severityLabel(t, incident.severity);
  const resolved = incident.resolution !== null;
  const summaryValues = {
    reference,
    category,
    place: whereText(t, incident),
    severity,
    status: resolved ? 'resolved' : 'open',
  };
  return {
    incidentId: incident.id,
    tone: resolved ? 'success' : incident.severity === 'critical' ? 'error' : 'warning',
    title: t(resolved ? 'card.title_resolved' : 'card.title', { reference, category, severity }),
    summary:
      incident.channel === null
        ? t('card.summary_post', summaryValues)
        : t('card.summary_place', summaryValues),
    sections: [
      { lines: aboutLines(incident, settings, t) },
      ...(resolved ? [resolutionSection(incident, settings, t)] : [whatToDoSection(incident, settings, t)]),
      ...(wantsPublicAction(incident.wants) || incident.supported + incident.reported > 0
        ? [{ heading: t('card.so_far'), lines: [countsLine(incident, t)] }]
        : []),
      { lines: recordLines(incident, settings, t) },
    ],
    buttons: resolved ? [wordingButton(incident, t)] : openButtons(incident, t),
  };
}

function aboutLines(incident: IncidentDetails, settings: CollectiveSettings, t: Translator): string[] {
  const target = visibleTargetName(incident);
  const first = incident.reportedBy[0];
  const reporters = describeReporters(incident.reportedBy, t);
  const wants =
    targetHasDecided(incident) || incident.consent === 'defaulted'
      ? wantsLabel(t, incident.wants)
      : t('card.not_decided');
  return [
    whereAndWho(incident, t),
    ...(incident.occurredAt
      ? [t('card.happened', { when: occurredText(incident.occurredAt, settings.timezone, t) })]
      : []),
    ...(target ? [t('card.attacked', { target })] : []),
    first
      ? t('card.flagged_by_at', {
          reporters,
          at: formatInstant(incident.firstReportedAt, settings.timezone),
        })
      : t('card.flagged_by', { reporters }),
    target ? t('card.wants', { target, wants }) : t('card.wants_unnamed', { wants }),
  ];
}

/** Names the reporters who did not ask to stay anonymous; the others are only counted. */
export function describeReporters(reporters: readonly IncidentReporter[], t: Translator): string {
  const named = reporters.filter((r) => !r.anonymous).map((r) => r.name);
  const others = reporters.length - named.length;
  if (named.length === 0) {
    return others <= 1 ? t('card.reporters.one_unnamed') : t('card.reporters.unnamed', { count: others });
  }
  const shown = named.slice(0, 3);
  const rest = others + named.length - shown.length;
  if (rest === 0) return t.list(shown);
  return t('card.reporters.and_others', { names: shown.join(', '), rest });
}

/** Whether colleagues may act: the person attacked has chosen (or flagged it themselves). */
export function targetHasDecided(incident: IncidentDetails): boolean {
  return incident.consent === 'given';
}

/** What colleagues should do now, as the card and the rally alerts say it (in their reader's language). */
export function whatToDoSection(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator,
): Section {
  const target = visibleTargetName(incident) ?? t('card.the_person_attacked');
  if (incident.consent === 'pending' || incident.consent === 'asked') {
    return {
      heading: t('card.waiting_heading', { target }),
      lines: [
        incident.consentDeadline
          ? t('card.being_asked_until', {
              target,
              until: formatInstant(incident.consentDeadline, settings.timezone),
            })
          : t('card.being_asked', { target }),
        t('card.never_reply'),
      ],
    };
  }
  if (incident.consent === 'defaulted') {
    return { heading: t('card.documented_heading'), lines: [t('card.defaulted', { target })] };
  }
  const lines: string[] = [];
  if (incident.severity === 'critical') {
    lines.push(t('card.safety_first', { target, emergency: safetyContacts(t, settings.safety).emergency }));
  }
  if (wantsReplies(incident.wants)) {
    lines.push(
      incident.targetPostUrl
        ? t('card.reply_on_post', { target, url: incident.targetPostUrl })
        : t('card.reply_on_recent', { target }),
    );
  }
  if (incident.wants === 'private') lines.push(t('card.private_support', { target }));
  if (incident.wants === 'document') lines.push(t('card.document_only', { target }));
  lines.push(t('card.never_reply_feeds'));
  if (wantsReports(incident.wants)) {
    const route = reportingRoute(t, incident.platform, incident.canonicalUrl);
    if (incident.kind !== 'email' && incident.kind !== 'offline') {
      lines.push(
        t(incident.kind === 'comment' ? 'card.report_comment' : 'card.report_post', {
          url: incident.canonicalUrl,
        }),
      );
      if (incident.kind === 'comment') lines.push(commentReport(t));
    }
    lines.push(route.how);
    if (route.policyUrl) lines.push(t('card.policy', { url: route.policyUrl }));
  }
  return { heading: t('card.what_to_do'), lines };
}

function resolutionSection(incident: IncidentDetails, settings: CollectiveSettings, t: Translator): Section {
  const resolution = incident.resolution;
  if (!resolution) return { lines: [] };
  const values = {
    outcome: outcomeLabel(t, resolution.outcome),
    at: formatInstant(resolution.at, settings.timezone),
  };
  return {
    heading: t('card.resolved_heading'),
    lines: [
      t(resolution.by === incident.target.id ? 'card.resolved_by_target' : 'card.resolved_by_lead', values),
      t('card.thanks_all'),
    ],
  };
}

function countsLine(incident: IncidentDetails, t: Translator): string {
  const counts = [
    ...(incident.alerted > 0
      ? [
          t('card.count.alerted', { count: incident.alerted }),
          t('card.count.on_it', { count: incident.onIt }),
        ]
      : []),
    t(incident.wants === 'private' ? 'card.count.reached_out' : 'card.count.supported', {
      count: incident.supported,
    }),
    t('card.count.reported', { count: incident.reported }),
    t('card.count.flagged', { count: incident.reporters }),
  ];
  return counts.join(' · ');
}

function recordLines(incident: IncidentDetails, settings: CollectiveSettings, t: Translator): string[] {
  const lines = [
    !incident.hasWording
      ? t('card.no_wording')
      : wordingIsPrivate(incident)
        ? t('card.wording_private')
        : t('card.wording_hidden'),
  ];
  if (incident.screenshots > 0) lines.push(t('card.screenshots', { count: incident.screenshots }));
  lines.push(...captureLines(t, incident.pageCaptures, settings.timezone, incident.status === 'open'));
  return lines;
}

function openButtons(incident: IncidentDetails, t: Translator): CardButton[] {
  const resolve: CardButton = { action: 'resolve', label: t('card.button.resolve') };
  const buttons: CardButton[] = [];
  if (!targetHasDecided(incident)) return [wordingButton(incident, t), resolve];
  if (wantsReplies(incident.wants)) {
    buttons.push({ action: 'supported', label: t('card.button.supported'), style: 'primary' });
  }
  if (incident.wants === 'private') {
    buttons.push({ action: 'supported', label: t('card.button.reached_out'), style: 'primary' });
  }
  if (wantsReports(incident.wants)) buttons.push({ action: 'reported', label: t('card.button.reported') });
  return [...buttons, wordingButton(incident, t), resolve];
}

/**
 * Always there: it shows the wording when there is some, and leads see who flagged it even when there isn't. On
 * a doxxing its label says who may read it, so nobody else presses it expecting to.
 */
function wordingButton(incident: IncidentDetails, t: Translator): CardButton {
  return {
    action: 'wording',
    label: wordingIsPrivate(incident) ? t('card.button.wording_private') : t('card.button.wording'),
  };
}
