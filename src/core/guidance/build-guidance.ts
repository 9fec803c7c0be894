import { captureAdvice } from '../capture/capture-text.ts';
import { type PageCaptureView, pagesToCapture } from '../capture/page-captures.ts';
import type { Category } from '../categories.ts';
import { translator } from '../i18n/translator.ts';
import { placeText } from '../incident/describe-incident.ts';
import type { IncidentView } from '../ledger-port.ts';
import { platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import type { Section } from '../reply.ts';
import type { SafetyContacts } from '../settings.ts';
import { formatInstant } from '../time.ts';
import { channelGuidance } from './channel-guidance.ts';
import { reportingRoute } from './platform-reporting.ts';

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
 * critical, then records, the platform report, disengaging, and their own wellbeing.
 */
export function buildGuidance(input: GuidanceInput): Section[] {
  const critical = input.incident.severity === 'critical';
  return [
    ...(critical ? [safetySection(input)] : []),
    recordsSection(input),
    input.incident.channel === null
      ? reportSection(input.incident)
      : channelGuidance(input.incident.channel, input.incident.platform, input.safety),
    {
      heading: "Don't engage",
      lines: [
        input.incident.channel === null
          ? "Don't reply to, quote or tag the attacker: attention is what they want. Block or mute them instead; " +
            "they aren't told. Colleagues who want to help reply to your post with support, never to theirs."
          : "Don't answer them or contact them, however unfair it is: attention is what they want. Colleagues " +
            'who want to help reach out to you privately.',
      ],
    },
    {
      heading: 'Look after yourself',
      lines: [
        `This is not your fault, and you don't have to handle it alone. Step away from the screen if you need to; ` +
          `talk to a colleague, or to ${input.safety.wellbeing}.`,
      ],
    },
  ];
}

function safetySection({ incident, safety }: GuidanceInput): Section {
  const reference = incidentReference(incident.id);
  const lines = [
    `If you are in immediate danger, call ${safety.emergency} now.`,
    `Report the ${categoryNoun(incident.category)} to the police on ${safety.police}; give them reference ` +
      `${reference} and your screenshots.`,
    `For legal help: ${safety.legal}.`,
  ];
  if (incident.category === 'doxxing') {
    lines.push(
      'Ask the platform to take down your personal information, and tell your workplace security team if your ' +
        'workplace or home was exposed.',
    );
  }
  return { heading: 'Your safety first', lines };
}

function recordsSection({ incident, noteRecorded, timezone, captures }: GuidanceInput): Section {
  const accountPage = incident.offender?.profileUrl;
  const what = incident.kind === 'comment' ? 'comment' : 'post';
  const recorded =
    incident.channel === null ? `the link (${incident.canonicalUrl})` : placeText(incident, translator('en'));
  return {
    heading: 'Keep a record',
    lines: [
      // An email's sender, say, has no page to capture: its advice stays the screenshot's.
      ...(incident.channel === null && captures && pagesToCapture(incident).length > 0
        ? [captureAdvice(captures, what, timezone)]
        : incident.channel === null
          ? [
              accountPage
                ? `Screenshot the ${what} and the account's home page (${accountPage}): it proves the account was ` +
                  'public if it is later locked or deleted.'
                : `Screenshot the ${what}, and the account's page if there is one: it proves it was public if it is ` +
                  'later locked or deleted.',
            ]
          : []),
      `Already recorded in ${incidentReference(incident.id)}: ${recorded}, flagged ` +
        `${formatInstant(incident.firstReportedAt, timezone)}` +
        (noteRecorded ? ', and the wording you gave.' : '. Add the exact wording when you can.'),
      incident.channel === null
        ? 'If more comes, flag each post: the ledger connects them.'
        : 'If it happens again, flag each time: the ledger connects them.',
    ],
  };
}

function reportSection(incident: IncidentView): Section {
  const route = reportingRoute(incident.platform, incident.canonicalUrl);
  const where = incident.platform === 'email' ? 'the email provider' : platformLabel(incident.platform);
  return {
    heading: `Report it to ${where}`,
    lines: [
      ...(incident.kind === 'comment' ? [COMMENT_REPORT] : []),
      route.how,
      ...(route.policyUrl ? [`Policy and reporting: ${route.policyUrl}`] : []),
    ],
  };
}

/** A comment under someone's own post: reporting the post would report the very person it attacked. */
export const COMMENT_REPORT =
  "It is a comment: report the comment itself, from the ⋯ menu beside it, not the post it's under.";

function categoryNoun(category: Category): string {
  return category === 'doxxing' ? 'exposure of your private information' : 'threat';
}
