import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { profileOffender } from '../frequent-offender.ts';
import { accountOn } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import { categoryLabel } from '../i18n/vocabulary.ts';
import type { OffenderHistory } from '../ledger-port.ts';
import { parseAccountQuery } from '../post-url/index.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, infoReply, type Section } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';
import { sayError } from '../spoken-error.ts';
import { formatDay } from '../time.ts';
import { auditLine } from './audit-lines.ts';

const MAX_LISTED = 10;

const offenderArgs = z.object({
  query: z
    .string({ error: 'offender.need_account' })
    .trim()
    .min(1, 'offender.need_account')
    .max(2048, 'offender.too_long'),
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
  async run({ query }, { actor, ledger, now, settings, t }) {
    const parsed = parseAccountQuery(query);
    if (!parsed.ok) return errorReply({ code: parsed.error.code, message: sayError(parsed.error, t) });
    const histories = await ledger.findOffenders(parsed.value);
    if (histories.length === 0) return infoReply(t('offender.none'));
    const sections = histories.flatMap((history) =>
      describe(t, history, now, settings.frequentRule, settings.timezone, actor.isLead),
    );
    const title =
      histories.length === 1
        ? t('offender.title_one')
        : t('offender.title_many', { count: histories.length });
    return infoReply(title, sections);
  },
};

function describe(
  t: Translator,
  history: OffenderHistory,
  now: Date,
  rule: FrequentRule,
  timezone: string,
  forLead: boolean,
): Section[] {
  const profile = profileOffender(history, now, rule);
  const heading = accountOn(t, history.account);
  const shared = sharedLines(t, history, timezone);
  if (!profile) {
    const known = {
      heading,
      lines: shared.length > 0 ? [t('offender.only_shared'), ...shared] : [t('offender.nothing_left')],
    };
    // Leads still see why: an incident corrected away from it, a review.
    return forLead ? [known, leadSection(t, history, timezone)] : [known];
  }
  const categories = profile.categories
    .map(({ key, count }) => t('offender.category_count', { category: categoryLabel(t, key), count }))
    .join(', ');
  const rules = { days: rule.windowDays };
  const lines = [
    t('offender.totals', { incidents: profile.total, members: profile.distinctTargets, categories }),
    t('offender.seen', {
      first: formatDay(profile.firstSeen, timezone),
      last: formatDay(profile.lastSeen, timezone),
    }),
    ...(history.account.profileUrl ? [t('offender.account_page', { url: history.account.profileUrl })] : []),
    ...shared,
    ...reviewLines(t, history, timezone),
    ...(profile.frequent && profile.window.shared > 0
      ? [t('offender.frequent_shared', { shared: profile.window.shared })]
      : []),
    profile.frequent
      ? t('offender.frequent', {
          incidents: profile.window.incidents.length + profile.window.shared,
          members: profile.window.targets,
          ...rules,
        })
      : profile.cleared
        ? t('offender.cleared')
        : profile.lapsed
          ? t('offender.lapsed', { days: rule.lapseDays })
          : t('offender.not_frequent', { incidents: rule.minIncidents, members: rule.minTargets, ...rules }),
  ];
  const listed = profile.frequent ? profile.window.incidents : history.incidents;
  const shown = listed.slice(-MAX_LISTED).reverse();
  for (const incident of shown) {
    const values = {
      reference: incidentReference(incident.id),
      day: formatDay(incident.firstReportedAt, timezone),
      category: categoryLabel(t, incident.category),
      status: t(`offender.status.${incident.status}`),
    };
    lines.push(t(incident.namedBy === 'member' ? 'offender.incident_named' : 'offender.incident', values));
  }
  if (listed.length > shown.length)
    lines.push(t('offender.earlier', { count: listed.length - shown.length }));
  const sections: Section[] = [{ heading, lines }];
  if (forLead) sections.push(leadSection(t, history, timezone));
  return sections;
}

/** What the other collectives that share know of it: counts and a date, never more. */
function sharedLines(t: Translator, history: OffenderHistory, timezone: string): string[] {
  if (!history.shared) return [];
  const { collectives, incidents, lastAt } = history.shared;
  return [t('offender.shared', { collectives, incidents, day: formatDay(lastAt, timezone) })];
}

function reviewLines(t: Translator, history: OffenderHistory, timezone: string): string[] {
  const lines: string[] = [];
  if (history.review?.status === 'confirmed')
    lines.push(t('offender.confirmed', { day: formatDay(history.review.at, timezone) }));
  if (history.review?.status === 'disputed') {
    lines.push(t('offender.disputed', { day: formatDay(history.review.at, timezone) }));
  }
  if (history.links.length > 0) {
    lines.push(t('offender.linked', { accounts: history.links.map((a) => accountOn(t, a)).join(', ') }));
  }
  return lines;
}

/** Leads see the review trail and how to change it; every change asks for a reason. */
function leadSection(t: Translator, history: OffenderHistory, timezone: string): Section {
  const plain = `${history.account.platform}:${history.account.handle}`;
  // A name has spaces: quoted, it stays one argument.
  const key = /\s/.test(plain) ? `"${plain}"` : plain;
  return {
    heading: t('offender.for_leads'),
    lines: [
      t('offender.review_how', { key }),
      t('offender.correct_how'),
      ...history.audit.map((entry) => auditLine(t, entry, timezone)),
    ],
  };
}
