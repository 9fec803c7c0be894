import { z } from 'zod';
import { CATEGORY_INFO } from '../categories.ts';
import type { CommandDefinition } from '../command.ts';
import { profileOffender } from '../frequent-offender.ts';
import type { OffenderHistory } from '../ledger-port.ts';
import { parseAccountQuery, platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, infoReply, type Section } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';
import { formatDay } from '../time.ts';

const MAX_LISTED = 10;

const offenderArgs = z.object({
  query: z
    .string({
      error: 'Tell me which account: /offender SomeTroll, or paste a link to the account or a post.',
    })
    .trim()
    .min(1, 'Tell me which account: /offender SomeTroll, or paste a link to the account or a post.')
    .max(2048, 'That is too long to be an account name or link.'),
});

export const offenderCommand: CommandDefinition<z.infer<typeof offenderArgs>> = {
  name: 'offender',
  summary:
    "The ledger's record of an account: incidents, how many members it targeted, and whether it is a frequent offender.",
  usage: '/offender <handle or link>',
  examples: ['/offender SomeTroll', '/offender https://x.com/sometroll', '/offender x:sometroll'],
  access: 'member',
  options: [
    {
      name: 'query',
      description: 'A handle (SomeTroll, x:SomeTroll) or a link to the account or a post',
      required: true,
    },
  ],
  parseText: (text) => ({ ok: true, value: { query: text } }),
  args: offenderArgs,
  async run({ query }, { ledger, now, settings }) {
    const parsed = parseAccountQuery(query);
    if (!parsed.ok) return errorReply(parsed.error);
    const histories = await ledger.findOffenders(parsed.value);
    if (histories.length === 0) {
      return infoReply('No incidents are recorded for that account. If it attacked someone, /flag the post.');
    }
    const sections = histories.flatMap((history) =>
      describe(history, now, settings.frequentRule, settings.timezone),
    );
    const title =
      histories.length === 1
        ? 'What the ledger holds on this account:'
        : `${histories.length} accounts match:`;
    return infoReply(title, sections);
  },
};

function describe(history: OffenderHistory, now: Date, rule: FrequentRule, timezone: string): Section[] {
  const profile = profileOffender(history, now, rule);
  const heading = `${history.account.display} on ${platformLabel(history.account.platform)}`;
  if (!profile) return [{ heading, lines: ['Known to the ledger, with no incidents left on record.'] }];
  const categories = profile.categories
    .map(({ key, count }) => `${CATEGORY_INFO[key].label} ×${count}`)
    .join(', ');
  const lines = [
    `${plural(profile.total, 'incident')} against ${plural(profile.distinctTargets, 'member')}: ${categories}.`,
    `First seen ${formatDay(profile.firstSeen, timezone)}, last seen ${formatDay(profile.lastSeen, timezone)}.`,
    ...(history.account.profileUrl ? [`Account page: ${history.account.profileUrl}`] : []),
    profile.frequent
      ? `Frequent offender: ${plural(profile.window.incidents.length, 'incident')} against ` +
        `${plural(profile.window.targets, 'member')} in the last ${rule.windowDays} days. The incidents behind it:`
      : `Not a frequent offender (that takes ${rule.minIncidents} incidents against ${rule.minTargets} different ` +
        `members within ${rule.windowDays} days). Recorded incidents:`,
  ];
  const listed = profile.frequent ? profile.window.incidents : history.incidents;
  const shown = listed.slice(-MAX_LISTED).reverse();
  for (const incident of shown) {
    lines.push(
      `• ${incidentReference(incident.id)} · ${formatDay(incident.firstReportedAt, timezone)} · ` +
        `${CATEGORY_INFO[incident.category].label} · ${incident.status}`,
    );
  }
  if (listed.length > shown.length) lines.push(`…and ${listed.length - shown.length} earlier.`);
  return [{ heading, lines }];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
