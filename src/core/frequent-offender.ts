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
  /** The incidents inside the rule's window: what a frequent status rests on. */
  window: { since: Date; incidents: OffenderIncident[]; targets: number };
}

export function profileOffender(
  history: OffenderHistory,
  now: Date,
  rule: FrequentRule,
): OffenderProfile | undefined {
  const { incidents } = history;
  const first = incidents[0];
  const last = incidents[incidents.length - 1];
  if (!first || !last) return undefined;
  const since = new Date(now.getTime() - rule.windowDays * DAY_MS);
  const recent = incidents.filter((incident) => incident.firstReportedAt >= since);
  const recentTargets = countDistinct(recent.map((incident) => incident.targetId));
  const categories = new Map<Category, number>();
  for (const incident of incidents)
    categories.set(incident.category, (categories.get(incident.category) ?? 0) + 1);
  return {
    total: incidents.length,
    distinctTargets: countDistinct(incidents.map((incident) => incident.targetId)),
    categories: [...categories].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count),
    firstSeen: first.firstReportedAt,
    lastSeen: last.firstReportedAt,
    frequent: isFrequent({ incidents: recent.length, targets: recentTargets }, rule),
    window: { since, incidents: recent, targets: recentTargets },
  };
}

function countDistinct(values: string[]): number {
  return new Set(values).size;
}
