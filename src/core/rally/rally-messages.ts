import { buildGuidance } from '../guidance/build-guidance.ts';
import { safetyContacts } from '../guidance/safety-contacts.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { whereText } from '../i18n/place-words.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { categoryLabel, outcomeLabel, wantsLabel } from '../i18n/vocabulary.ts';
import { wantsChoicesFor } from '../incident/describe-incident.ts';
import { whatToDoSection } from '../incident/incident-card.ts';
import { targetNaming, visibleTargetName } from '../incident/target-name.ts';
import { wantsReplies, wantsReports } from '../incident/target-wants.ts';
import type { IncidentDetails } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, ReplyAction } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatInstant } from '../time.ts';

function about(incident: IncidentDetails, t: Translator): string {
  const values = {
    reference: incidentReference(incident.id),
    category: categoryLabel(t, incident.category),
    place: whereText(t, incident),
  };
  return incident.channel === null ? t('rally.about_post', values) : t('rally.about_place', values);
}

/**
 * The alert a responder gets by direct message, in their language: what the target wants, what to do, and
 * buttons. Responders are members of the channel, so they read the name as the card shows it.
 */
export function alertMessage(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  dailyCap: number,
  t: Translator = translator(collectiveLanguage(settings)),
): Reply {
  const target = visibleTargetName(incident);
  const actions: ReplyAction[] = [
    { id: `rally:on-it:${incident.id}`, label: t('rally.button.on_it'), style: 'primary' },
    { id: `rally:cant:${incident.id}`, label: t('rally.button.cant') },
  ];
  if (wantsReplies(incident.wants) || incident.wants === 'private') {
    actions.push({
      id: `card:supported:${incident.id}`,
      label: incident.wants === 'private' ? t('rally.button.reached_out') : t('rally.button.replied'),
    });
  }
  if (wantsReports(incident.wants))
    actions.push({ id: `card:reported:${incident.id}`, label: t('rally.button.reported') });
  const wants = wantsLabel(t, incident.wants);
  return {
    tone: 'warning',
    title:
      target === undefined
        ? t('rally.alert.title_unnamed', { about: about(incident, t) })
        : t('rally.alert.title', { target, about: about(incident, t) }),
    sections: [
      {
        lines: [
          target === undefined
            ? t('rally.alert.wants_unnamed', { wants })
            : t('rally.alert.wants', { target, wants }),
        ],
      },
      whatToDoSection(incident, settings, t),
      { lines: [t('rally.alert.cap', { cap: dailyCap })] },
    ],
    actions,
  };
}

/**
 * The question to the person attacked when a colleague flagged it, in their language: nobody is rallied until
 * they choose.
 */
export function consentMessage(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator = translator(collectiveLanguage(settings)),
): Reply {
  const values = { about: about(incident, t) };
  return {
    tone: 'info',
    title: incident.channel === null ? t('consent.title_post', values) : t('consent.title_place', values),
    sections: [
      {
        lines: [
          t('consent.nobody_until'),
          incident.consentDeadline
            ? t('consent.deadline', { deadline: formatInstant(incident.consentDeadline, settings.timezone) })
            : t('consent.deadline_soon'),
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
      label: wantsLabel(t, wants),
    })),
  };
}

/**
 * Critical incidents reach the leads at once, whatever the rally does. It goes only to leads (their channel, or
 * each lead's direct messages), who may see the name even when the person attacked flagged it anonymously. In
 * the collective's language: a leads' channel is read by all of them.
 */
export function leadAlertMessage(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator = translator(collectiveLanguage(settings)),
): Reply {
  const naming = targetNaming(incident, 'leads');
  const attacked = naming.kind === 'named' ? naming.name : t('rally.lead.a_member');
  return {
    tone: 'error',
    title: t('rally.lead.title', { about: about(incident, t) }),
    sections: [
      {
        lines: [
          t('rally.lead.attacked', {
            attacked,
            at: formatInstant(incident.firstReportedAt, settings.timezone),
          }),
          t('rally.lead.safety_shown'),
          t('rally.lead.wording'),
        ],
      },
    ],
  };
}

/** To everyone who acted, when the incident is resolved, in their language. */
export function outcomeMessage(incident: IncidentDetails, t: Translator): Reply {
  const reference = incidentReference(incident.id);
  return {
    tone: 'success',
    title: incident.resolution
      ? t('rally.outcome.title', { reference, outcome: outcomeLabel(t, incident.resolution.outcome) })
      : t('rally.outcome.title_plain', { reference }),
    sections: [{ lines: [t('rally.outcome.thanks')] }],
  };
}

/** To the person attacked, when it is resolved: the outcome, and a short check-in, in their language. */
export function checkInMessage(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator = translator(collectiveLanguage(settings)),
): Reply {
  const reference = incidentReference(incident.id);
  return {
    tone: 'info',
    title: incident.resolution
      ? t('rally.checkin.title', { reference, outcome: outcomeLabel(t, incident.resolution.outcome) })
      : t('rally.checkin.title_plain', { reference }),
    sections: [
      {
        lines: [
          t('rally.checkin.counts', { supported: incident.supported, reported: incident.reported }),
          t('rally.checkin.wellbeing', { wellbeing: safetyContacts(t, settings.safety).wellbeing }),
          t('rally.checkin.flag_more'),
        ],
      },
    ],
  };
}
