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
  /**
   * The incidents in the window up to the latest incident: what a frequent status rests on. `targets` and
   * `shared` (other collectives' incidents in the window) count shared signals only when the rule does.
   */
  window: { since: Date; incidents: OffenderIncident[]; targets: number; shared: number };
}

/**
 * The rule is judged over the window that ends with the account's latest incident, so the status holds while
 * it keeps attacking and lapses `lapseDays` after it stops. A lead's "clear" holds until the next incident.
 *
 * When the rule counts shared signals (`countShared`), the other collectives' incidents count towards the
 * window too, each target as a member of its own; the totals, categories and listing stay this collective's.
 * An account this collective has no incident of has no profile: nothing is listed here only because another
 * list says so.
 */
export function profileOffender(
  history: Pick<OffenderHistory, 'incidents' | 'review'> & Partial<Pick<OffenderHistory, 'shared'>>,
  now: Date,
  rule: FrequentRule,
): OffenderProfile | undefined {
  const { incidents } = history;
  const first = incidents[0];
  if (!first) return undefined;
  const counted = countedTimes(history, rule);
  const last = counted[counted.length - 1] ?? { at: first.firstReportedAt, target: '' };
  const since = new Date(last.at.getTime() - rule.windowDays * DAY_MS);
  const recent = incidents.filter((incident) => incident.firstReportedAt > since);
  const recentCounted = counted.filter((entry) => entry.at > since);
  const recentTargets = countDistinct(recentCounted.map((entry) => entry.target));
  const categories = new Map<Category, number>();
  for (const incident of incidents)
    categories.set(incident.category, (categories.get(incident.category) ?? 0) + 1);
  // Shared signals count only beside an incident of our own in the window, as the digest counts them.
  const meetsRule =
    recent.length > 0 && isFrequent({ incidents: recentCounted.length, targets: recentTargets }, rule);
  const lapsed = meetsRule && now.getTime() - last.at.getTime() > rule.lapseDays * DAY_MS;
  const cleared = meetsRule && history.review?.status === 'cleared' && history.review.at >= last.at;
  const ownLast = incidents[incidents.length - 1] ?? first;
  return {
    total: incidents.length,
    distinctTargets: countDistinct(incidents.map((incident) => incident.targetId)),
    categories: [...categories].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count),
    firstSeen: first.firstReportedAt,
    lastSeen: ownLast.firstReportedAt,
    frequent: meetsRule && !lapsed && !cleared,
    lapsed,
    cleared,
    window: {
      since,
      incidents: recent,
      targets: recentTargets,
      shared: recentCounted.length - recent.length,
    },
  };
}

/** Every incident the rule counts, oldest first: the collective's own, and the shared ones when it counts them. */
function countedTimes(
  history: Pick<OffenderHistory, 'incidents'> & Partial<Pick<OffenderHistory, 'shared'>>,
  rule: FrequentRule,
): { at: Date; target: string }[] {
  const own = history.incidents.map((incident) => ({
    at: incident.firstReportedAt,
    target: incident.targetId,
  }));
  if (!rule.countShared || !history.shared) return own;
  // Members of different collectives are different people: a shared target never matches one of ours.
  const shared = history.shared.times.map((entry) => ({ at: entry.at, target: `shared:${entry.target}` }));
  return [...own, ...shared].sort((a, b) => a.at.getTime() - b.at.getTime());
}

function countDistinct(values: string[]): number {
  return new Set(values).size;
}
