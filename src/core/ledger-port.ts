import type { Category, Severity } from './categories.ts';
import type { AccountQuery } from './post-url/parse-account-query.ts';
import type { AccountRef, NormalizedPost, Platform } from './post-url/types.ts';
import type { FrequentRule } from './settings.ts';

/** A platform delivery (Slack event id, Discord interaction id, a terminal line): recorded once. */
export interface Delivery {
  platform: string;
  id: string;
}

export interface FlagRecord {
  delivery: Delivery;
  post: NormalizedPost;
  /** The link as the reporter pasted it, kept as evidence. */
  sourceUrl: string;
  category: Category;
  severity: Severity;
  note: string | undefined;
  reporterId: string;
  targetId: string;
  at: Date;
}

export interface IncidentView {
  id: number;
  canonicalUrl: string;
  platform: Platform;
  kind: NormalizedPost['kind'];
  category: Category;
  severity: Severity;
  status: 'open' | 'resolved';
  firstReportedAt: Date;
  reporters: number;
  offender: AccountRef | null;
}

/**
 * created: a new incident; co-reported: this member joined an existing one; already-reported: this member had
 * flagged it before; repeated-delivery: the same platform delivery arrived again (a retry or a double click).
 */
export type FlagOutcome = 'created' | 'co-reported' | 'already-reported' | 'repeated-delivery';

export interface RecordedFlag {
  outcome: FlagOutcome;
  incident: IncidentView;
}

export interface OffenderIncident {
  id: number;
  category: Category;
  severity: Severity;
  status: 'open' | 'resolved';
  firstReportedAt: Date;
  /** Used only to count distinct targets; never shown. */
  targetId: string;
}

export interface OffenderHistory {
  account: AccountRef;
  /** Oldest first. */
  incidents: OffenderIncident[];
}

export interface ResponderSettings {
  memberId: string;
  active: boolean;
  platforms: Platform[];
}

export interface CountBy<K extends string> {
  key: K;
  count: number;
}

export interface FrequentOffenderRow {
  account: AccountRef;
  incidentsInWindow: number;
  targetsInWindow: number;
  incidentsInPeriod: number;
}

export interface PeriodSummary {
  total: number;
  byCategory: CountBy<Category>[];
  byPlatform: CountBy<Platform>[];
  bySeverity: CountBy<Severity>[];
  frequentOffenders: FrequentOffenderRow[];
}

/** What the core needs from the shared ledger. Implemented on PostgreSQL in src/ledger. */
export interface Ledger {
  recordFlag(flag: FlagRecord): Promise<RecordedFlag>;
  findOffenders(query: AccountQuery): Promise<OffenderHistory[]>;
  getResponder(memberId: string): Promise<ResponderSettings | null>;
  setResponder(settings: ResponderSettings): Promise<ResponderSettings>;
  /** Incidents first reported in [from, to); frequent offenders judged over the rule's window ending at `to`. */
  summarizePeriod(from: Date, to: Date, rule: FrequentRule): Promise<PeriodSummary>;
}
