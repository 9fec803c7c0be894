import { z } from 'zod';
import { CATEGORY_INFO } from '../categories.ts';
import type { CommandDefinition } from '../command.ts';
import { profileOffender } from '../frequent-offender.ts';
import type { OffenderHistory } from '../ledger-port.ts';
import { accountOnPlatform } from '../post-url/account-on-platform.ts';
import { parseAccountQuery, platformLabel } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, infoReply, type Section } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';
import { formatDay } from '../time.ts';
import { auditLine } from './audit-lines.ts';

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
  summary: 'cmd.offender.summary',
  usage: 'cmd.offender.usage',
  examples: ['cmd.offender.example.handle', 'cmd.offender.example.link', 'cmd.offender.example.platform'],
  access: 'member',
  options: [
    {
      name: 'query',
      description: 'cmd.offender.query.description',
      required: true,
    },
  ],
  parseText: (text) => ({ ok: true, value: { query: text } }),
  args: offenderArgs,
  async run({ query }, { actor, ledger, now, settings }) {
    const parsed = parseAccountQuery(query);
    if (!parsed.ok) return errorReply(parsed.error);
    const histories = await ledger.findOffenders(parsed.value);
    if (histories.length === 0) {
      return infoReply('No incidents are recorded for that account. If it attacked someone, /flag the post.');
    }
    const sections = histories.flatMap((history) =>
      describe(history, now, settings.frequentRule, settings.timezone, actor.isLead),
    );
    const title =
      histories.length === 1
        ? 'What the ledger holds on this account:'
        : `${histories.length} accounts match:`;
    return infoReply(title, sections);
  },
};

function describe(
  history: OffenderHistory,
  now: Date,
  rule: FrequentRule,
  timezone: string,
  forLead: boolean,
): Section[] {
  const profile = profileOffender(history, now, rule);
  const heading = accountOnPlatform(history.account);
  if (!profile) {
    const known = { heading, lines: ['Known to the ledger, with no incidents left on record.'] };
    // Leads still see why: an incident corrected away from it, a review.
    return forLead ? [known, leadSection(history, timezone)] : [known];
  }
  const categories = profile.categories
    .map(({ key, count }) => `${CATEGORY_INFO[key].label} ×${count}`)
    .join(', ');
  const lines = [
    `${plural(profile.total, 'incident')} against ${plural(profile.distinctTargets, 'member')}: ${categories}.`,
    `First seen ${formatDay(profile.firstSeen, timezone)}, last seen ${formatDay(profile.lastSeen, timezone)}.`,
    ...(history.account.profileUrl ? [`Account page: ${history.account.profileUrl}`] : []),
    ...reviewLines(history, timezone),
    profile.frequent
      ? `Frequent offender: ${plural(profile.window.incidents.length, 'incident')} against ` +
        `${plural(profile.window.targets, 'member')} within ${rule.windowDays} days. The incidents behind it:`
      : profile.cleared
        ? 'Not listed as a frequent offender: a lead cleared it after its latest incident. Recorded incidents:'
        : profile.lapsed
          ? `No longer a frequent offender: its latest incident was over ${rule.lapseDays} days ago. Recorded incidents:`
          : `Not a frequent offender (that takes ${rule.minIncidents} incidents against ${rule.minTargets} different ` +
            `members within ${rule.windowDays} days). Recorded incidents:`,
  ];
  const listed = profile.frequent ? profile.window.incidents : history.incidents;
  const shown = listed.slice(-MAX_LISTED).reverse();
  for (const incident of shown) {
    lines.push(
      `• ${incidentReference(incident.id)} · ${formatDay(incident.firstReportedAt, timezone)} · ` +
        `${CATEGORY_INFO[incident.category].label} · ${incident.status}` +
        (incident.namedBy === 'member' ? ' · named by a member' : ''),
    );
  }
  if (listed.length > shown.length) lines.push(`…and ${listed.length - shown.length} earlier.`);
  const sections: Section[] = [{ heading, lines }];
  if (forLead) sections.push(leadSection(history, timezone));
  return sections;
}

function reviewLines(history: OffenderHistory, timezone: string): string[] {
  const lines: string[] = [];
  if (history.review?.status === 'confirmed')
    lines.push(`Confirmed by a lead on ${formatDay(history.review.at, timezone)}.`);
  if (history.review?.status === 'disputed') {
    lines.push(
      `Disputed by a lead on ${formatDay(history.review.at, timezone)}: treat this record with care.`,
    );
  }
  if (history.links.length > 0) {
    lines.push(
      `A lead linked it to the same person's ${history.links.map((a) => `${a.display} on ${platformLabel(a.platform)}`).join(', ')}.`,
    );
  }
  return lines;
}

/** Leads see the review trail and how to change it; every change asks for a reason. */
function leadSection(history: OffenderHistory, timezone: string): Section {
  const plain = `${history.account.platform}:${history.account.handle}`;
  // A name has spaces: quoted, it stays one argument.
  const key = /\s/.test(plain) ? `"${plain}"` : plain;
  return {
    heading: 'For leads',
    lines: [
      `Review: /review ${key} confirm|dispute|clear <reason>, or /review ${key} link <other account> <reason>.`,
      `Correct an incident's attacker: /correct SW-<number> by:<account> <reason>.`,
      ...history.audit.map((entry) => auditLine(entry, timezone)),
    ],
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
