import type { PageCaptureView } from './capture/page-captures.ts';
import type { Category, Severity } from './categories.ts';
import type { WeeklyDigest } from './digest/weekly-digest.ts';
import type { Language } from './i18n/language.ts';
import type { AttackChannel } from './incident/attack-channel.ts';
import type { CardAction, Outcome } from './incident/outcomes.ts';
import type { TargetWants } from './incident/target-wants.ts';
import type {
  CorrectionOutcome,
  CorrectionRequest,
  OffenderHistory,
  ReviewRequest,
} from './offender-record.ts';
import type { AccountQuery } from './post-url/parse-account-query.ts';
import type { AccountRef, NormalizedPost, Platform } from './post-url/types.ts';
import type { RallyState } from './rally/rally-store.ts';
import type { FrequentRule } from './settings.ts';
import type { Week } from './time.ts';

/** A platform delivery (Slack event id, Discord interaction id, a terminal line): recorded once. */
export interface Delivery {
  platform: string;
  id: string;
}

/** A member as the ledger keeps them: the platform-qualified id and their chat name at the time. */
export interface MemberRef {
  id: string;
  name: string;
}

export interface ScreenshotRef {
  id: string;
  name: string;
  mimetype?: string;
  size?: number;
  /** The downloaded file; absent when it could not be fetched (the reference is kept). */
  content?: Uint8Array;
}

/** Who named an incident's account: the link itself, or a member who knew it. */
export type NamedBy = 'link' | 'member';

export interface FlagRecord {
  delivery: Delivery;
  /** The incident's key and the attacker's account (`post.account`), whether or not there is a link. */
  post: NormalizedPost;
  /** Null when `post.account` is null. */
  accountNamedBy: NamedBy | null;
  /** Where an attack with no public link happened; null for a link. */
  channel: AttackChannel | null;
  /** When it happened, when the member said so. */
  occurredAt: Date | null;
  /** The link as the reporter pasted it, kept as evidence. */
  sourceUrl: string;
  category: Category;
  severity: Severity;
  note: string | undefined;
  reporter: MemberRef;
  /** Hide the reporter's name from the channel (leads still see it). */
  anonymous: boolean;
  target: MemberRef;
  /** Absent when the reporter did not say: the incident keeps what it had, or the default. */
  wants: TargetWants | undefined;
  targetPostUrl: string | undefined;
  screenshots: ScreenshotRef[];
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
  /** When it happened, when a member said; otherwise it is taken to be when it was first flagged. */
  occurredAt: Date | null;
  /** Where an attack with no public link happened; null for a link. */
  channel: AttackChannel | null;
  reporters: number;
  offender: AccountRef | null;
  /** Null when no account is named. */
  offenderNamedBy: NamedBy | null;
  wants: TargetWants;
  target: MemberRef;
  targetPostUrl: string | null;
}

/**
 * created: a new incident; co-reported: this member joined an existing one; already-reported: this member had
 * flagged it before; repeated-delivery: the same platform delivery arrived again (a retry or a double click).
 */
export type FlagOutcome = 'created' | 'co-reported' | 'already-reported' | 'repeated-delivery';

export interface RecordedFlag {
  outcome: FlagOutcome;
  incident: IncidentView;
  /** Read in the same statement, so the rally starts without reading the incident again. */
  rally: RallyState;
}

export type {
  AuditAction,
  AuditEntry,
  CorrectionOutcome,
  CorrectionRequest,
  OffenderHistory,
  OffenderIncident,
  ReviewAction,
  ReviewRequest,
  ReviewStatus,
  SharedSignal,
} from './offender-record.ts';

/** Quiet hours in the responder's zone, as minutes after midnight; `end` before `start` spans midnight. */
export interface QuietHours {
  start: number;
  end: number;
}

export interface ResponderSettings {
  memberId: string;
  active: boolean;
  /** Empty: every platform. */
  platforms: Platform[];
  /** IANA zone for quiet hours; the collective's zone when unset. */
  timezone: string | null;
  quietHours: QuietHours | null;
  /** At most this many alerts in any 24 hours. */
  dailyCap: number;
  /** "I need a break": no alerts at all until they come back. */
  paused: boolean;
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

/** How the rally did over a period, for the digest: recorded as people act, never asked of them. */
export interface RallyMetrics {
  /** Median minutes from the flag to the first "I replied with support"; null when nobody replied yet. */
  medianMinutesToFirstSupport: number | null;
  supporters: number;
  reportsFiled: number;
  incidentsSupported: number;
}

export interface PeriodSummary {
  total: number;
  rally: RallyMetrics;
  byCategory: CountBy<Category>[];
  byPlatform: CountBy<Platform>[];
  bySeverity: CountBy<Severity>[];
  frequentOffenders: FrequentOffenderRow[];
}

export interface IncidentReporter extends MemberRef {
  anonymous: boolean;
  reportedAt: Date;
}

/** Everything an incident card and its buttons need. */
export interface IncidentDetails extends IncidentView {
  /** Oldest first. */
  reportedBy: IncidentReporter[];
  supported: number;
  reported: number;
  hasWording: boolean;
  screenshots: number;
  resolution: { outcome: Outcome; by: string; at: Date } | null;
  /** Whether the person attacked has said what they want (see the rally engine). */
  consent: ConsentState;
  consentDeadline: Date | null;
  /** Responders alerted so far, and how many said "I'm on it". */
  alerted: number;
  onIt: number;
  /** Its personal data was removed under the retention policy: the card no longer shows the details. */
  purged: boolean;
  /** The post's and the account page's captures in a browser, post first (none when capture is off). */
  pageCaptures: PageCaptureView[];
}

export type ConsentState = 'pending' | 'asked' | 'given' | 'defaulted';

/** One reporter's note (the wording), shown only on request and privately. */
export interface ReportNote extends IncidentReporter {
  note: string;
}

export interface MemberIncident {
  id: number;
  category: Category;
  severity: Severity;
  status: 'open' | 'resolved';
  outcome: Outcome | null;
  firstReportedAt: Date;
  role: 'target' | 'reporter';
}

export type ActionOutcome = 'recorded' | 'already' | 'resolved' | 'missing';
export type ResolveOutcome = 'resolved' | 'already' | 'missing';

/** A card's place in a channel: claimed before posting, so that only one card is ever posted per channel. */
export type CardClaim = { claimed: true } | { claimed: false; messageId: string | null };

/** What the core needs from the shared ledger. Implemented on PostgreSQL in src/ledger. */
export interface Ledger {
  recordFlag(flag: FlagRecord): Promise<RecordedFlag>;
  /** Whether this delivery changed the ledger already (a retry of a flag another process recorded). */
  deliveryRecorded(delivery: Delivery): Promise<boolean>;
  getIncident(id: number): Promise<IncidentDetails | undefined>;
  /** The incident's page captures, post first. */
  pageCaptures(incidentId: number): Promise<PageCaptureView[]>;
  listNotes(incidentId: number): Promise<ReportNote[]>;
  recordAction(incidentId: number, memberId: string, action: CardAction, at: Date): Promise<ActionOutcome>;
  resolveIncident(incidentId: number, outcome: Outcome, by: string, at: Date): Promise<ResolveOutcome>;
  claimCard(incidentId: number, destination: string): Promise<CardClaim>;
  saveCard(incidentId: number, destination: string, messageId: string): Promise<void>;
  /** The message id of the card in that channel, if one was posted. */
  findCard(incidentId: number, destination: string): Promise<string | undefined>;
  /** Gives up a claim whose card could not be posted, so a later attempt can post it. */
  releaseCard(incidentId: number, destination: string): Promise<void>;
  /** Forgets where a card is, once it has been redrawn without the details of a purged incident. */
  forgetCard(incidentId: number, destination: string): Promise<void>;
  /** Purged incidents with a card still drawn somewhere: they are redrawn without the details. */
  purgedIncidentsWithCards(): Promise<number[]>;
  /** Private messages of purged incidents on these platforms still to redraw (see redrawPrivateMessage). */
  purgedMessages(
    platforms: string[],
    limit: number,
  ): Promise<{ id: number; platform: string; ref: string }[]>;
  /** One was redrawn (and is forgotten), or could not be (tried again later, three times at most). */
  purgedMessageTried(id: number, redrawn: boolean): Promise<void>;
  memberIncidents(memberId: string, limit: number): Promise<MemberIncident[]>;
  findOffenders(query: AccountQuery): Promise<OffenderHistory[]>;
  /** A lead's review of an account, with the audit entry, in one transaction. */
  reviewOffender(request: ReviewRequest): Promise<void>;
  /** Corrects an incident's attacker, who was attacked, or links its attacker, with the audit entries. */
  correctIncident(request: CorrectionRequest): Promise<CorrectionOutcome>;
  getResponder(memberId: string): Promise<ResponderSettings | null>;
  /** The language a member chose with /language; null when they never chose one. */
  memberLanguage(memberId: string): Promise<Language | null>;
  setMemberLanguage(memberId: string, language: Language): Promise<void>;
  /** Forgets the choices of members who left the collective: nothing about them is kept that needn't be. */
  forgetMemberLanguages(memberIds: readonly string[]): Promise<void>;
  setResponder(settings: ResponderSettings): Promise<ResponderSettings>;
  /** Every responder opted in (paused or not), by member id. */
  activeResponders(): Promise<string[]>;
  /** Opts these members out (they left the collective); returns those who were opted in. */
  deactivateResponders(memberIds: readonly string[]): Promise<string[]>;
  /** The weekly digest's figures for `week` against `previous`, with the chart's history. */
  weeklyDigest(
    weeks: { week: Week; previous: Week; history: Week[] },
    rule: FrequentRule,
  ): Promise<WeeklyDigest>;
  /** Incidents first reported in [from, to); frequent offenders judged over the rule's window ending at `to`. */
  summarizePeriod(from: Date, to: Date, rule: FrequentRule): Promise<PeriodSummary>;
  /**
   * Claims the right to send one week's digest (`2026-W47`) to one channel: false when it was sent already, or
   * another process is sending it. A claim whose process died while sending can be taken over later.
   */
  claimDigest(week: string, destination: string, at: Date): Promise<boolean>;
  markDigestSent(week: string, destination: string, at: Date): Promise<void>;
  /** Gives up a claim whose digest could not be sent, so the next attempt sends it. */
  releaseDigest(week: string, destination: string): Promise<void>;
  /** Keeps a form's values (JSON) under `key` until `expiresAt`, replacing any; expired entries are cleared. */
  stashForm(key: string, value: unknown, expiresAt: Date, now: Date): Promise<void>;
  /** Takes a form's values once (they are removed); undefined when absent or expired at `now`. */
  takeForm(key: string, now: Date): Promise<unknown>;
}
