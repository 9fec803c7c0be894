import { CATEGORY_INFO } from '../categories.ts';
import { translator } from '../i18n/translator.ts';
import { attackPlaceText } from '../incident/attack-place-text.ts';
import { OUTCOME_LABEL } from '../incident/outcomes.ts';
import { accountOnPlatform, NAMED_BY_MEMBER } from '../post-url/account-on-platform.ts';
import { platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';
import { formatDay } from '../time.ts';
import type { Compared, DigestOffender, OpenCritical, WeeklyDigest } from './weekly-digest.ts';

const HOUR_MS = 3_600_000;

/** The weekly digest as a reply: for the leads' channel, `/digest`, and the CLI's markdown. */
export function renderWeeklyDigest(
  digest: WeeklyDigest,
  rule: FrequentRule,
  timezone: string,
  now: Date,
): Reply {
  const { week, previous, total } = digest;
  const lastDay = new Date(week.end.getTime() - 1);
  const title =
    `Digest for ${week.label} (${formatDay(week.start, timezone)} to ${formatDay(lastDay, timezone)}): ` +
    `${plural(total.count, 'incident')}.`;
  const sections: Section[] = [
    {
      lines: [
        `The week before (${previous.label}): ${plural(total.before, 'incident')} (${change(total.count, total.before)}).`,
      ],
    },
    { heading: 'By category', lines: compared(digest.byCategory, (key) => CATEGORY_INFO[key].label) },
    { heading: 'By platform', lines: compared(digest.byPlatform, platformLabel) },
    { heading: 'By severity', lines: compared(digest.bySeverity, (key) => key) },
    {
      heading: `Frequent offenders (${rule.minIncidents}+ incidents against ${rule.minTargets}+ members in ${rule.windowDays} days)`,
      lines:
        digest.frequentOffenders.length === 0
          ? ['None.']
          : digest.frequentOffenders.map(
              (o) =>
                `${offenderName(o)}: ${o.incidents} incidents against ` +
                `${o.targets} members, ${o.thisWeek} this week` +
                (o.trend === 'new'
                  ? ' (new this week)'
                  : o.trend === 'escalating'
                    ? ` (escalating: ${o.lastWeek} the week before)`
                    : ''),
            ),
    },
    {
      heading: 'Critical incidents still open',
      lines:
        digest.openCritical.length === 0
          ? ['None.']
          : digest.openCritical.map(
              (i) =>
                `${incidentReference(i.id)} · ${CATEGORY_INFO[i.category].label}${where(i)} · ` +
                `open ${age(now.getTime() - i.firstReportedAt.getTime())}`,
            ),
    },
    ...(digest.stillUp.length === 0
      ? []
      : [
          {
            heading: 'Reported and still up a week later',
            lines: [
              ...digest.stillUp.map(
                (i) =>
                  `${incidentReference(i.id)} · ${CATEGORY_INFO[i.category].label} on ${platformLabel(i.platform)} · ` +
                  `still up on ${formatDay(i.stillUpAt, timezone)} · ${i.reportsFiled} reported it`,
              ),
              'The platform has not acted on these: escalate with an evidence pack (/export SW-12 for incident SW-12).',
            ],
          },
        ]),
    {
      heading: 'Rally',
      lines: [
        `${digest.rally.incidentsSupported} of ${total.count} incidents had supportive replies; ` +
          `${digest.rally.supporters} replies with support and ${digest.rally.reportsFiled} reports filed.`,
        digest.rally.medianMinutesToFirstSupport === null
          ? 'No supportive replies yet, so no time to first support.'
          : `Median time to the first supportive reply: ${digest.rally.medianMinutesToFirstSupport} minutes.`,
        `${digest.rally.incidentsWithThreeInAnHour} of ${total.count} had 3 or more supporters within an hour.`,
      ],
    },
    {
      heading: 'Platform outcomes (incidents resolved this week)',
      lines:
        digest.outcomes.length === 0
          ? ['None resolved this week.']
          : digest.outcomes.map((o) => `${OUTCOME_LABEL[o.key]}: ${o.count}`),
    },
  ];
  return { tone: 'info', title, sections };
}

/**
 * "@troll on X (Twitter)", or a person's name alone; said to be named by a member when members, not links,
 * named it: a member's word is a weaker signal than the link itself, and leads weigh it.
 */
function offenderName(o: DigestOffender): string {
  const name = accountOnPlatform(o.account);
  if (o.namedByMember === 0) return name;
  if (o.namedByMember === o.incidents) return `${name} ${NAMED_BY_MEMBER}`;
  return `${name} (named by a member in ${o.namedByMember} of ${o.incidents} incidents)`;
}

/** " on X (Twitter)" for a post, " · Phone call or text" for an attack with no public link. */
function where(incident: OpenCritical): string {
  return incident.channel
    ? ` · ${attackPlaceText(incident.channel, incident.platform, translator('en'))}`
    : ` on ${platformLabel(incident.platform)}`;
}

function compared<K extends string>(rows: Compared<K>[], label: (key: K) => string): string[] {
  return rows.length === 0
    ? ['None.']
    : rows.map((row) => `${label(row.key)}: ${row.count} (${change(row.count, row.before)})`);
}

function change(count: number, before: number): string {
  const delta = count - before;
  return delta === 0 ? 'same as the week before' : `${delta > 0 ? '+' : ''}${delta} on the week before`;
}

function age(ms: number): string {
  const hours = Math.max(0, Math.floor(ms / HOUR_MS));
  return hours < 48 ? `${plural(hours, 'hour')}` : `${plural(Math.floor(hours / 24), 'day')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A reply as Markdown, for the CLI and for files a lead forwards. */
export function replyAsMarkdown(reply: Reply): string {
  const out = [`# ${reply.title}`];
  for (const section of reply.sections) {
    out.push('');
    if (section.heading) out.push(`## ${section.heading}`, '');
    for (const line of section.lines) out.push(section.heading ? `- ${line}` : line);
  }
  return `${out.join('\n')}\n`;
}
