import type { Actor } from '../command.ts';
import { digestWeeks } from '../digest/digest-weeks.ts';
import { renderWeeklyDigest } from '../digest/render-weekly-digest.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { categoryLabel, outcomeLabel } from '../i18n/vocabulary.ts';
import type { Ledger, MemberIncident } from '../ledger-port.ts';
import { platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatDay, weekContaining } from '../time.ts';

const SHOWN_INCIDENTS = 10;

/**
 * A member's own page (Slack's App Home), in their language: the incidents they flagged or were the target of,
 * their rally settings, and for leads the week's numbers. Nothing about other members' incidents.
 */
export async function buildMemberHome(
  actor: Actor,
  { ledger, settings, now }: { ledger: Ledger; settings: CollectiveSettings; now: () => Date },
  t: Translator = translator(collectiveLanguage(settings)),
): Promise<Reply> {
  const [incidents, responder] = await Promise.all([
    ledger.memberIncidents(actor.id, SHOWN_INCIDENTS),
    ledger.getResponder(actor.id),
  ]);
  const sections: Section[] = [
    {
      heading: t('home.your_incidents'),
      lines:
        incidents.length === 0
          ? [t('home.none')]
          : incidents.map((incident) => incidentLine(incident, settings.timezone, t)),
    },
    {
      heading: t('home.rally_alerts'),
      lines: [
        !responder?.active
          ? t('home.not_responder')
          : responder.platforms.length === 0
            ? t('home.responder_everywhere')
            : t('home.responder_on', { platforms: responder.platforms.map(platformLabel).join(', ') }),
      ],
    },
  ];
  if (actor.isLead) {
    const weeks = digestWeeks(weekContaining(now(), settings.timezone), settings.timezone);
    const digest = renderWeeklyDigest(
      await ledger.weeklyDigest(weeks, settings.frequentRule),
      settings.frequentRule,
      settings.timezone,
      now(),
      // The collective's language, as the digest the leads read in the digest channel (and /digest) is:
      // one digest, worded the same wherever a lead reads it; the rest of the home view is the member's.
      translator(collectiveLanguage(settings)),
    );
    sections.push({ heading: t('home.for_leads'), lines: [digest.title] }, ...digest.sections);
  }
  return { tone: 'info', title: t('home.title', { collective: settings.collectiveName }), sections };
}

function incidentLine(incident: MemberIncident, timezone: string, t: Translator): string {
  const values = {
    reference: incidentReference(incident.id),
    category: categoryLabel(t, incident.category),
    role: incident.role,
    day: formatDay(incident.firstReportedAt, timezone),
  };
  return incident.outcome
    ? t('home.incident_resolved', { ...values, outcome: outcomeLabel(t, incident.outcome) })
    : t('home.incident_open', values);
}
