import { CATEGORY_INFO } from '../categories.ts';
import { buildGuidance } from '../guidance/build-guidance.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { placeText, wantsChoicesFor } from '../incident/describe-incident.ts';
import { whatToDoSection } from '../incident/incident-card.ts';
import { OUTCOME_LABEL } from '../incident/outcomes.ts';
import { targetNaming, visibleTargetName } from '../incident/target-name.ts';
import { TARGET_WANTS_LABEL, wantsReplies, wantsReports } from '../incident/target-wants.ts';
import type { IncidentDetails } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, ReplyAction } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatInstant } from '../time.ts';

function about(incident: IncidentDetails): string {
  const where = placeText(incident, translator('en'));
  return `${incidentReference(incident.id)}, ${CATEGORY_INFO[incident.category].label} ${incident.channel === null ? `on ${where}` : `(${where})`}`;
}

/**
 * The alert a responder gets by direct message: what the target wants, what to do, and buttons. Responders are
 * members of the channel, so they read the name as the card shows it.
 */
export function alertMessage(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  dailyCap: number,
): Reply {
  const target = visibleTargetName(incident) ?? 'a colleague';
  const actions: ReplyAction[] = [
    { id: `rally:on-it:${incident.id}`, label: "I'm on it", style: 'primary' },
    { id: `rally:cant:${incident.id}`, label: "Can't now" },
  ];
  if (wantsReplies(incident.wants) || incident.wants === 'private') {
    actions.push({
      id: `card:supported:${incident.id}`,
      label: incident.wants === 'private' ? 'I reached out' : 'I replied with support',
    });
  }
  if (wantsReports(incident.wants))
    actions.push({ id: `card:reported:${incident.id}`, label: 'I reported it' });
  return {
    tone: 'warning',
    title: `${target} needs colleagues: ${about(incident)}.`,
    sections: [
      { lines: [`${target} wants: ${TARGET_WANTS_LABEL[incident.wants]}`] },
      whatToDoSection(incident, settings),
      {
        lines: [
          `You get at most ${dailyCap} alerts a day. /responder pause takes a break; /responder quiet 22:00-07:00 sets quiet hours.`,
        ],
      },
    ],
    actions,
  };
}

/** The question to the person attacked when a colleague flagged it: nobody is rallied until they choose. */
export function consentMessage(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator = translator(collectiveLanguage(settings)),
): Reply {
  const deadline = incident.consentDeadline
    ? formatInstant(incident.consentDeadline, settings.timezone)
    : 'soon';
  return {
    tone: 'info',
    title: `A colleague flagged an attack on ${incident.channel === null ? 'your post' : 'you'}: ${about(incident)}. What would you like colleagues to do?`,
    sections: [
      {
        lines: [
          'Nobody is rallied until you choose. Whatever you choose, it is recorded in the ledger.',
          `If you don't answer by ${deadline}, it stays documented only.`,
        ],
      },
      ...buildGuidance(t, {
        incident,
        noteRecorded: incident.hasWording,
        safety: settings.safety,
        timezone: settings.timezone,
        ...(settings.pageCapture ? { captures: incident.pageCaptures } : {}),
      }),
    ],
    actions: wantsChoicesFor(incident).map((wants) => ({
      id: `consent:${wants}:${incident.id}`,
      label: TARGET_WANTS_LABEL[wants],
    })),
  };
}

/**
 * Critical incidents reach the leads at once, whatever the rally does. It goes only to leads (their channel, or
 * each lead's direct messages), who may see the name even when the person attacked flagged it anonymously.
 */
export function leadAlertMessage(incident: IncidentDetails, settings: CollectiveSettings): Reply {
  const naming = targetNaming(incident, 'leads');
  const attacked = naming.kind === 'named' ? naming.name : 'a member';
  return {
    tone: 'error',
    title: `Critical: ${about(incident)}.`,
    sections: [
      {
        lines: [
          `Attacked: ${attacked}. Flagged ${formatInstant(incident.firstReportedAt, settings.timezone)}.`,
          'They have been shown the safety steps: emergency number, police report with the reference, legal help.',
          'The wording is behind Show wording on the incident card.',
        ],
      },
    ],
  };
}

/** To everyone who acted, when the incident is resolved. */
export function outcomeMessage(incident: IncidentDetails): Reply {
  const outcome = incident.resolution ? OUTCOME_LABEL[incident.resolution.outcome] : 'resolved';
  return {
    tone: 'success',
    title: `${incidentReference(incident.id)} is resolved: ${outcome}.`,
    sections: [
      {
        lines: ['Thank you for showing up. It stays in the ledger and counts towards the account’s record.'],
      },
    ],
  };
}

/** To the person attacked, when it is resolved: the outcome, and a short check-in. */
export function checkInMessage(incident: IncidentDetails, settings: CollectiveSettings): Reply {
  const outcome = incident.resolution ? OUTCOME_LABEL[incident.resolution.outcome] : 'resolved';
  return {
    tone: 'info',
    title: `${incidentReference(incident.id)} is resolved: ${outcome}. How are you doing?`,
    sections: [
      {
        lines: [
          `${incident.supported} colleagues replied with support and ${incident.reported} reported it.`,
          `If it is still weighing on you, talk to a colleague, or to ${settings.safety.wellbeing}. Stepping away from the screen is fine.`,
          'If more comes, flag each post: the ledger connects them.',
        ],
      },
    ],
  };
}
