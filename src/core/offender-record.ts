import type { Category, Severity } from './categories.ts';
import type { Delivery, MemberRef, NamedBy } from './ledger-port.ts';
import type { AccountRef } from './post-url/types.ts';
import type { RallyState } from './rally/rally-store.ts';

/**
 * What the ledger holds on an account, and the changes leads (and first flaggers) make to its judgement: reviews,
 * links, corrections of an incident's record, each audited.
 */

export interface OffenderIncident {
  id: number;
  category: Category;
  severity: Severity;
  status: 'open' | 'resolved';
  firstReportedAt: Date;
  /** Used only to count distinct targets; never shown. */
  targetId: string;
  /** Whether the link named this account, or a member did. */
  namedBy: NamedBy;
}

export type ReviewStatus = 'confirmed' | 'disputed' | 'cleared';
export type ReviewAction = 'confirm' | 'dispute' | 'clear' | 'link';
/** A review, or a correction of an incident: its attacker set or changed (attribute), who was attacked (retarget). */
export type AuditAction = ReviewAction | 'attribute' | 'retarget';

/** One entry of the audit log: who changed the ledger's judgement of an account, when, how, and why. */
export interface AuditEntry {
  at: Date;
  actorId: string;
  action: AuditAction;
  /** link: the account linked with; attribute: where the incident came from or went to (null: unknown). */
  other: AccountRef | null;
  /** attribute: the incident left this account for `other`, rather than came to it. */
  movedAway: boolean;
  /** The incident a correction was about; null for a review, or once the incident is gone. */
  incidentId: number | null;
  reason: string;
}

/**
 * What the other collectives that share signals recorded of an account: counts, never who was attacked, what
 * was said, the posts, or any member. A signal for leads and members to weigh, not proof.
 */
export interface SharedSignal {
  /** Other collectives with incidents by this account. */
  collectives: number;
  incidents: number;
  lastAt: Date;
  /**
   * When each of those incidents was recorded, and an ordinal standing for its target, numbered afresh for this
   * answer (1, 2, 3…): enough for the frequent-offender rule to count distinct members, and nothing more.
   */
  times: { at: Date; target: number }[];
}

export interface OffenderHistory {
  account: AccountRef;
  /** Oldest first: this collective's own incidents. */
  incidents: OffenderIncident[];
  /** From the other collectives that share, when this collective shares too; null when none. */
  shared: SharedSignal | null;
  review: { status: ReviewStatus; at: Date } | null;
  /** Accounts a lead linked to this one as the same person. */
  links: AccountRef[];
  /** Newest first, at most a few; shown to leads only. */
  audit: AuditEntry[];
}

export interface ReviewRequest {
  offender: AccountRef;
  action: ReviewAction;
  other?: AccountRef;
  actorId: string;
  reason: string;
  at: Date;
}

/** A correction of an incident's record (/correct); each part is left as it is when absent. */
export interface CorrectionRequest {
  incidentId: number;
  delivery: Delivery;
  /** The attacker's account, named by a member; null: unknown. */
  attacker?: AccountRef | null;
  /** Who was attacked. */
  target?: MemberRef;
  /** Who the incident named as attacked when the change was allowed: if it names someone else now, nothing is done. */
  targetWas?: string;
  /** Another account of the same person as the incident's attacker (after `attacker`), to link with it. */
  sameAs?: AccountRef;
  actorId: string;
  reason: string;
  at: Date;
}

/**
 * missing: no such incident; repeated-delivery: this delivery was recorded already (a retry, a double click);
 * unchanged: the incident already says all that; target-changed: who was attacked changed since it was read.
 */
export type CorrectionOutcome =
  | { outcome: 'missing' }
  | { outcome: 'repeated-delivery' }
  | { outcome: 'unchanged' }
  | { outcome: 'target-changed' }
  | {
      outcome: 'corrected';
      /** The attacker before and after, as the locked row had it. */
      previous: AccountRef | null;
      attacker: AccountRef | null;
      attributed: boolean;
      retargeted: boolean;
      linked: boolean;
      /** What the member named before as attacked had chosen and was undone: their resolution, what they wanted. */
      undone: { resolution: boolean; wants: boolean };
      /** The incident as the rally sees it now: the person attacked may have to be asked again. */
      rally: RallyState;
    };
