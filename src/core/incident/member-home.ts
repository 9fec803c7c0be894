import { CATEGORY_INFO } from '../categories.ts';
import type { Actor } from '../command.ts';
import { digestWeeks } from '../digest/digest-weeks.ts';
import { renderWeeklyDigest } from '../digest/render-weekly-digest.ts';
import type { Ledger, MemberIncident } from '../ledger-port.ts';
import { platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatDay, weekContaining } from '../time.ts';
import { OUTCOME_LABEL } from './outcomes.ts';

const SHOWN_INCIDENTS = 10;

/**
 * A member's own page (Slack's App Home): the incidents they flagged or were the target of, their rally
 * settings, and for leads the week's numbers. Nothing about other members' incidents.
 */
export async function buildMemberHome(
  actor: Actor,
  { ledger, settings, now }: { ledger: Ledger; settings: CollectiveSettings; now: () => Date },
): Promise<Reply> {
  const [incidents, responder] = await Promise.all([
    ledger.memberIncidents(actor.id, SHOWN_INCIDENTS),
    ledger.getResponder(actor.id),
  ]);
  const sections: Section[] = [
    {
      heading: 'Your incidents',
      lines:
        incidents.length === 0
          ? ['Nothing flagged by you or about you. Use /flag when you see an attack on you or a colleague.']
          : incidents.map((incident) => incidentLine(incident, settings.timezone)),
    },
    {
      heading: 'Rally alerts',
      lines: [
        responder?.active
          ? `You are a responder on ${responder.platforms.length === 0 ? 'every platform' : responder.platforms.map(platformLabel).join(', ')}. /responder off stops alerts.`
          : 'You are not a responder. /responder on x instagram (your platforms) to be rallied when a colleague is attacked.',
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
    );
    sections.push({ heading: 'This week, for leads', lines: [digest.title] }, ...digest.sections);
  }
  return { tone: 'info', title: `Shieldwall for ${settings.collectiveName}`, sections };
}

function incidentLine(incident: MemberIncident, timezone: string): string {
  const status = incident.outcome ? `resolved: ${OUTCOME_LABEL[incident.outcome]}` : 'open';
  const role = incident.role === 'target' ? 'about you' : 'flagged by you';
  return (
    `${incidentReference(incident.id)} · ${CATEGORY_INFO[incident.category].label} · ${status} · ` +
    `${role}, ${formatDay(incident.firstReportedAt, timezone)}`
  );
}
