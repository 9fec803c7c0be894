import type { Category } from './categories.ts';
import type { CountBy, OffenderHistory, OffenderIncident } from './ledger-port.ts';
import type { FrequentRule } from './settings.ts';

const DAY_MS = 86_400_000;

/** The frequent-offender rule itself: enough incidents, against enough different members, recently enough. */
export function isFrequent(counts: { incidents: number; targets: number }, rule: FrequentRule): boolean {
  return counts.incidents >= rule.minIncidents && counts.targets >= rule.minTargets;
}

export interface OffenderProfile {
  total: number;
  distinctTargets: number;
  categories: CountBy<Category>[];
  firstSeen: Date;
  lastSeen: Date;
  frequent: boolean;
  /** Met the rule, but its latest incident is older than the lapse period. */
  lapsed: boolean;
  /** Met the rule, but a lead cleared it after its latest incident. */
  cleared: boolean;
  /** The incidents in the window up to the latest incident: what a frequent status rests on. */
  window: { since: Date; incidents: OffenderIncident[]; targets: number };
}

/**
 * The rule is judged over the window that ends with the account's latest incident, so the status holds while
 * it keeps attacking and lapses `lapseDays` after it stops. A lead's "clear" holds until the next incident.
 */
export function profileOffender(
  history: Pick<OffenderHistory, 'incidents' | 'review'>,
  now: Date,
  rule: FrequentRule,
): OffenderProfile | undefined {
  const { incidents } = history;
  const first = incidents[0];
  const last = incidents[incidents.length - 1];
  if (!first || !last) return undefined;
  const since = new Date(last.firstReportedAt.getTime() - rule.windowDays * DAY_MS);
  const recent = incidents.filter((incident) => incident.firstReportedAt > since);
  const recentTargets = countDistinct(recent.map((incident) => incident.targetId));
  const categories = new Map<Category, number>();
  for (const incident of incidents)
    categories.set(incident.category, (categories.get(incident.category) ?? 0) + 1);
  const meetsRule = isFrequent({ incidents: recent.length, targets: recentTargets }, rule);
  const lapsed = meetsRule && now.getTime() - last.firstReportedAt.getTime() > rule.lapseDays * DAY_MS;
  const cleared =
    meetsRule && history.review?.status === 'cleared' && history.review.at >= last.firstReportedAt;
  return {
    total: incidents.length,
    distinctTargets: countDistinct(incidents.map((incident) => incident.targetId)),
    categories: [...categories].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count),
    firstSeen: first.firstReportedAt,
    lastSeen: last.firstReportedAt,
    frequent: meetsRule && !lapsed && !cleared,
    lapsed,
    cleared,
    window: { since, incidents: recent, targets: recentTargets },
  };
}

function countDistinct(values: string[]): number {
  return new Set(values).size;
}
