import { z } from 'zod';
import { CATEGORY_INFO } from '../categories.ts';
import type { CommandDefinition } from '../command.ts';
import { isFrequent } from '../frequent-offender.ts';
import type { CountBy, PeriodSummary } from '../ledger-port.ts';
import { platformLabel } from '../post-url/index.ts';
import { errorReply, infoReply, type Section } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';
import { formatDay, parseWeek, type Week, weekContaining } from '../time.ts';

const digestArgs = z.object({
  week: z.string().trim().max(16, 'Give the week like 2026-W47.').optional(),
});

export const digestCommand: CommandDefinition<z.infer<typeof digestArgs>> = {
  name: 'digest',
  summary:
    "The week's incidents by category, platform and severity, and the frequent offenders (leads only).",
  usage: '/digest [week, like 2026-W47]',
  examples: ['/digest', '/digest 2026-W47'],
  access: 'lead',
  options: [{ name: 'week', description: 'ISO week like 2026-W47 (default: this week)', required: false }],
  parseText: (text) => ({ ok: true, value: { week: text.trim() === '' ? undefined : text.trim() } }),
  args: digestArgs,
  async run({ week: asked }, { ledger, now, settings }) {
    const week = asked
      ? parseWeek(asked, settings.timezone)
      : { ok: true as const, value: weekContaining(now, settings.timezone) };
    if (!week.ok) return errorReply(week.error);
    const rule = settings.frequentRule;
    const summary = await ledger.summarizePeriod(week.value.start, week.value.end, rule);
    return renderDigest(week.value, summary, rule, settings.timezone);
  },
};

export function renderDigest(week: Week, summary: PeriodSummary, rule: FrequentRule, timezone: string) {
  const lastDay = new Date(week.end.getTime() - 1);
  const title = `Digest for ${week.label} (${formatDay(week.start, timezone)} to ${formatDay(lastDay, timezone)}): ${summary.total} ${summary.total === 1 ? 'incident' : 'incidents'}.`;
  if (summary.total === 0 && summary.frequentOffenders.length === 0) return infoReply(title);
  const frequent = summary.frequentOffenders.filter((row) =>
    isFrequent({ incidents: row.incidentsInWindow, targets: row.targetsInWindow }, rule),
  );
  const sections: Section[] = [
    { heading: 'By category', lines: counts(summary.byCategory, (key) => CATEGORY_INFO[key].label) },
    { heading: 'By platform', lines: counts(summary.byPlatform, platformLabel) },
    { heading: 'By severity', lines: counts(summary.bySeverity, (key) => key) },
    {
      heading: 'Rally',
      lines: [
        `${summary.rally.incidentsSupported} of ${summary.total} incidents had supportive replies; ` +
          `${summary.rally.supporters} replies with support and ${summary.rally.reportsFiled} reports filed.`,
        summary.rally.medianMinutesToFirstSupport === null
          ? 'No supportive replies yet, so no time to first support.'
          : `Median time to the first supportive reply: ${summary.rally.medianMinutesToFirstSupport} minutes.`,
      ],
    },
    {
      heading: `Frequent offenders (${rule.minIncidents}+ incidents against ${rule.minTargets}+ members in ${rule.windowDays} days)`,
      lines:
        frequent.length === 0
          ? ['None.']
          : frequent.map(
              (row) =>
                `${row.account.display} on ${platformLabel(row.account.platform)}: ${row.incidentsInWindow} incidents ` +
                `against ${row.targetsInWindow} members, ${row.incidentsInPeriod} this week`,
            ),
    },
  ];
  return infoReply(title, sections);
}

function counts<K extends string>(rows: CountBy<K>[], label: (key: K) => string): string[] {
  return rows.length === 0 ? ['None.'] : rows.map((row) => `${label(row.key)}: ${row.count}`);
}
