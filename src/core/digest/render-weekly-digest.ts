import { accountOn, namedByMember, placeName, platformName } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import { translator } from '../i18n/translator.ts';
import { categoryLabel, outcomeLabel, severityLabel } from '../i18n/vocabulary.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';
import { formatDay } from '../time.ts';
import type { Compared, DigestOffender, OpenCritical, WeeklyDigest } from './weekly-digest.ts';

const HOUR_MS = 3_600_000;

/**
 * The weekly digest as a reply: for the leads' channel, `/digest`, and the CLI's markdown. The leads read it
 * together, so it speaks the collective's language (`translator(collectiveLanguage(settings))`).
 */
export function renderWeeklyDigest(
  digest: WeeklyDigest,
  rule: FrequentRule,
  timezone: string,
  now: Date,
  t: Translator = translator('en'),
): Reply {
  const { week, previous, total } = digest;
  const lastDay = new Date(week.end.getTime() - 1);
  const title = t('digest.title', {
    week: week.label,
    from: formatDay(week.start, timezone),
    to: formatDay(lastDay, timezone),
    count: total.count,
  });
  const none = [t('digest.none')];
  const sections: Section[] = [
    {
      lines: [
        t('digest.week_before', {
          week: previous.label,
          count: total.before,
          change: change(t, total.count, total.before),
        }),
      ],
    },
    {
      heading: t('digest.heading.category'),
      lines: compared(t, digest.byCategory, (key) => categoryLabel(t, key)),
    },
    {
      heading: t('digest.heading.platform'),
      lines: compared(t, digest.byPlatform, (key) => platformName(t, key)),
    },
    {
      heading: t('digest.heading.severity'),
      lines: compared(t, digest.bySeverity, (key) => severityLabel(t, key)),
    },
    {
      heading: t('digest.heading.offenders', {
        minIncidents: rule.minIncidents,
        minTargets: rule.minTargets,
        days: rule.windowDays,
      }),
      lines:
        digest.frequentOffenders.length === 0 ? none : digest.frequentOffenders.map((o) => offender(t, o)),
    },
    {
      heading: t('digest.heading.open_critical'),
      lines:
        digest.openCritical.length === 0
          ? none
          : digest.openCritical.map((i) => openCritical(t, i, now.getTime() - i.firstReportedAt.getTime())),
    },
    ...(digest.stillUp.length === 0
      ? []
      : [
          {
            heading: t('digest.heading.still_up'),
            lines: [
              ...digest.stillUp.map((i) =>
                t('digest.still_up', {
                  reference: incidentReference(i.id),
                  category: categoryLabel(t, i.category),
                  platform: platformName(t, i.platform),
                  day: formatDay(i.stillUpAt, timezone),
                  reports: i.reportsFiled,
                }),
              ),
              t('digest.still_up.advice'),
            ],
          },
        ]),
    {
      heading: t('digest.heading.rally'),
      lines: [
        t('digest.rally.supported', {
          supported: digest.rally.incidentsSupported,
          total: total.count,
          supporters: digest.rally.supporters,
          reports: digest.rally.reportsFiled,
        }),
        digest.rally.medianMinutesToFirstSupport === null
          ? t('digest.rally.no_median')
          : t('digest.rally.median', { minutes: digest.rally.medianMinutesToFirstSupport }),
        t('digest.rally.three_in_an_hour', {
          count: digest.rally.incidentsWithThreeInAnHour,
          total: total.count,
        }),
      ],
    },
    {
      heading: t('digest.heading.outcomes'),
      lines:
        digest.outcomes.length === 0
          ? [t('digest.outcomes.none')]
          : digest.outcomes.map((o) =>
              t('digest.outcome', { outcome: outcomeLabel(t, o.key), count: o.count }),
            ),
    },
  ];
  return { tone: 'info', title, sections };
}

function offender(t: Translator, o: DigestOffender): string {
  const line = trendLine(t, o);
  return o.elsewhere ? t('digest.offender.elsewhere', { line, ...o.elsewhere }) : line;
}

function trendLine(t: Translator, o: DigestOffender): string {
  const values = {
    name: offenderName(t, o),
    incidents: o.incidents,
    targets: o.targets,
    thisWeek: o.thisWeek,
  };
  if (o.trend === 'new') return t('digest.offender.new', values);
  if (o.trend === 'escalating') return t('digest.offender.escalating', { ...values, lastWeek: o.lastWeek });
  return t('digest.offender.steady', values);
}

/**
 * "@troll on X (Twitter)", or a person's name alone; said to be named by a member when members, not links,
 * named it: a member's word is a weaker signal than the link itself, and leads weigh it.
 */
function offenderName(t: Translator, o: DigestOffender): string {
  const name = accountOn(t, o.account);
  if (o.namedByMember === 0) return name;
  if (o.namedByMember === o.incidents) return namedByMember(t, name);
  return t('digest.offender.partly_named', { name, named: o.namedByMember, incidents: o.incidents });
}

/** "SW-6 · Violent threat on X (Twitter) · open 5 days", or with the place of an attack with no public link. */
function openCritical(t: Translator, incident: OpenCritical, openMs: number): string {
  const values = {
    reference: incidentReference(incident.id),
    category: categoryLabel(t, incident.category),
    age: age(t, openMs),
  };
  return incident.channel
    ? t('digest.open_critical.place', { ...values, place: placeName(t, incident.channel, incident.platform) })
    : t('digest.open_critical.platform', { ...values, platform: platformName(t, incident.platform) });
}

function compared<K extends string>(t: Translator, rows: Compared<K>[], label: (key: K) => string): string[] {
  return rows.length === 0
    ? [t('digest.none')]
    : rows.map((row) =>
        t('digest.compared', {
          label: label(row.key),
          count: row.count,
          change: change(t, row.count, row.before),
        }),
      );
}

function change(t: Translator, count: number, before: number): string {
  const delta = count - before;
  return delta === 0
    ? t('digest.change.same')
    : t('digest.change.delta', { delta: `${delta > 0 ? '+' : ''}${delta}` });
}

function age(t: Translator, ms: number): string {
  const hours = Math.max(0, Math.floor(ms / HOUR_MS));
  return hours < 48
    ? t('digest.age.hours', { count: hours })
    : t('digest.age.days', { count: Math.floor(hours / 24) });
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
