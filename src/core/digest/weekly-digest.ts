import type { Category, Severity } from '../categories.ts';
import type { AttackChannel } from '../incident/attack-channel.ts';
import type { Outcome } from '../incident/outcomes.ts';
import type { RallyMetrics } from '../ledger-port.ts';
import type { AccountRef, Platform } from '../post-url/types.ts';
import type { Week } from '../time.ts';

/** A count this week beside the week before. */
export interface Compared<K extends string> {
  key: K;
  count: number;
  before: number;
}

export interface DigestOffender {
  account: AccountRef;
  /** In the frequent-offender window ending with the week. */
  incidents: number;
  /** Of those, the incidents whose account a member named because the link did not (or there was none). */
  namedByMember: number;
  /** Distinct members targeted in that window: a number only, targets are never named. */
  targets: number;
  thisWeek: number;
  lastWeek: number;
  /** new: frequent now but not a week ago; escalating: more incidents this week than the week before. */
  trend: 'new' | 'escalating' | 'steady';
  /** Known to other collectives that share signals: how many, and their incidents (counts only). */
  elsewhere: { collectives: number; incidents: number } | null;
}

export interface OpenCritical {
  id: number;
  category: Category;
  platform: Platform;
  /** Where an attack with no public link happened; null for a link. */
  channel: AttackChannel | null;
  firstReportedAt: Date;
}

/** A post reported to its platform and still up a week later: worth escalating with an evidence pack. */
export interface StillUp {
  id: number;
  category: Category;
  platform: Platform;
  firstReportedAt: Date;
  /** The latest check that found it up. */
  stillUpAt: Date;
  /** Members who said "I reported it". */
  reportsFiled: number;
}

/** Everything the weekly digest says, as data: rendered as text for chat, or as JSON by the CLI. */
export interface WeeklyDigest {
  week: Week;
  previous: Week;
  total: { count: number; before: number };
  byCategory: Compared<Category>[];
  byPlatform: Compared<Platform>[];
  bySeverity: Compared<Severity>[];
  frequentOffenders: DigestOffender[];
  /** Critical incidents still open at the end of the week, oldest first. */
  openCritical: OpenCritical[];
  /** Open incidents whose post was still up a week or more after it was flagged, oldest first. */
  stillUp: StillUp[];
  rally: RallyMetrics & {
    /** Incidents of the week that had 3 or more supporters within an hour of being flagged. */
    incidentsWithThreeInAnHour: number;
  };
  /** How incidents resolved during the week ended. */
  outcomes: { key: Outcome; count: number }[];
  /** Incidents per week for the 12 weeks ending with this one, oldest first, for the chart. */
  history: { label: string; counts: Partial<Record<Category, number>> }[];
}
