import { captureAdvice } from '../capture/capture-text.ts';
import { type PageCaptureView, pagesToCapture } from '../capture/page-captures.ts';
import { platformName, whereText } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { IncidentView } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Section } from '../reply.ts';
import type { SafetyContacts } from '../settings.ts';
import { formatInstant } from '../time.ts';
import { channelGuidance } from './channel-guidance.ts';
import { policyLine, reportingRoute } from './platform-reporting.ts';
import { safetyContacts } from './safety-contacts.ts';

export interface GuidanceInput {
  incident: IncidentView;
  /** Whether this reporter left a note with the wording (it is kept as part of the record). */
  noteRecorded: boolean;
  safety: SafetyContacts;
  timezone: string;
  /**
   * With page capture on: the incident's captures, or 'starting' for a new one. Absent: capture is off, and the
   * member is asked to screenshot the post and the account's page.
   */
  captures?: readonly PageCaptureView[] | 'starting';
}

/**
 * What the person should do now, in the order the guidance behind Shieldwall gives it: safety first when it is
 * critical, then records, the platform report, disengaging, and their own wellbeing. Said in the reader's
 * language: in French, written for physicians in Canada (911, the ACPM, the PAMQ), not word for word.
 */
export function buildGuidance(t: Translator, input: GuidanceInput): Section[] {
  const critical = input.incident.severity === 'critical';
  return [
    ...(critical ? [safetySection(t, input)] : []),
    recordsSection(t, input),
    input.incident.channel === null
      ? reportSection(t, input.incident)
      : channelGuidance(t, input.incident.channel, input.incident.platform, input.safety),
    {
      heading: t('guidance.disengage.heading'),
      lines: [
        t(input.incident.channel === null ? 'guidance.disengage.public' : 'guidance.disengage.private'),
      ],
    },
    {
      heading: t('guidance.wellbeing.heading'),
      lines: [t('guidance.wellbeing.text', { wellbeing: safetyContacts(t, input.safety).wellbeing })],
    },
  ];
}

function safetySection(t: Translator, { incident, safety }: GuidanceInput): Section {
  const reference = incidentReference(incident.id);
  const doxxing = incident.category === 'doxxing';
  const contacts = safetyContacts(t, safety);
  const lines = [
    t('guidance.safety.emergency', { emergency: contacts.emergency }),
    t(doxxing ? 'guidance.safety.police_doxxing' : 'guidance.safety.police_threat', {
      police: contacts.police,
      reference,
    }),
    t('guidance.safety.legal', { legal: contacts.legal }),
  ];
  if (doxxing) lines.push(t('guidance.safety.doxxing'));
  return { heading: t('guidance.safety.heading'), lines };
}

function recordsSection(
  t: Translator,
  { incident, noteRecorded, timezone, captures }: GuidanceInput,
): Section {
  const accountPage = incident.offender?.profileUrl;
  const what = incident.kind === 'comment' ? 'comment' : 'post';
  const recorded =
    incident.channel === null
      ? t('guidance.records.link', { url: incident.canonicalUrl })
      : whereText(t, incident);
  const already = {
    reference: incidentReference(incident.id),
    recorded,
    at: formatInstant(incident.firstReportedAt, timezone),
  };
  return {
    heading: t('guidance.records.heading'),
    lines: [
      // An email's sender, say, has no page to capture: its advice stays the screenshot's.
      ...(incident.channel === null && captures && pagesToCapture(incident).length > 0
        ? [captureAdvice(t, captures, what, timezone)]
        : incident.channel === null
          ? [
              accountPage
                ? t('guidance.records.screenshot_with_account', { what, accountPage })
                : t('guidance.records.screenshot', { what }),
            ]
          : []),
      t(
        noteRecorded ? 'guidance.records.already_with_wording' : 'guidance.records.already_add_wording',
        already,
      ),
      t(incident.channel === null ? 'guidance.records.more_posts' : 'guidance.records.more_times'),
    ],
  };
}

function reportSection(t: Translator, incident: IncidentView): Section {
  const route = reportingRoute(t, incident.platform, incident.canonicalUrl);
  const policy = policyLine(t, route);
  return {
    heading: t('guidance.report.heading', {
      where: incident.platform === 'email' || incident.platform === 'web' ? incident.platform : 'other',
      platform: platformName(t, incident.platform),
    }),
    lines: [
      ...(incident.kind === 'comment' ? [commentReport(t)] : []),
      route.how,
      ...(policy ? [policy] : []),
    ],
  };
}

/** A comment under someone's own post: reporting the post would report the very person it attacked. */
export const commentReport = (t: Translator): string => t('guidance.report.comment');
