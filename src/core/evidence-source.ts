import type { CaptureFailure } from './capture/page-capturer.ts';
import type { Category, Severity } from './categories.ts';
import type { AttackChannel } from './incident/attack-channel.ts';
import type { Outcome } from './incident/outcomes.ts';
import type { NamedBy, OffenderHistory } from './ledger-port.ts';
import type { AccountQuery } from './post-url/parse-account-query.ts';
import type { AccountRef, NormalizedPost, Platform } from './post-url/types.ts';

/** An incident as an evidence pack shows it. Who resolved it is left out: it may be the person attacked. */
export interface EvidenceIncidentRecord {
  id: number;
  canonicalUrl: string;
  platform: Platform;
  kind: NormalizedPost['kind'];
  /** Null when nobody knows who did it: the link did not say, and no member named them. */
  account: AccountRef | null;
  /** Whether the link named the account or a member did; null when there is no account. */
  accountNamedBy: NamedBy | null;
  /** Where an attack with no public link happened; null for a link. */
  channel: AttackChannel | null;
  /** When it happened, when a member said; null when that is taken to be when it was first flagged. */
  occurredAt: Date | null;
  category: Category;
  severity: Severity;
  status: 'open' | 'resolved';
  firstReportedAt: Date;
  resolution: { outcome: Outcome; at: Date } | null;
  /** Members who said "I replied with support" and "I reported it". */
  supported: number;
  reported: number;
}

/** What a pack needs to label whoever reported an incident or attached a screenshot. */
export interface EvidenceReporter {
  id: string;
  name: string | null;
  /** They asked the channel not to see their name. */
  anonymous: boolean;
  /** They are the person attacked in this incident: compared by the ledger, never named by it. */
  isTarget: boolean;
}

export interface EvidenceReportRecord {
  incidentId: number;
  reporter: EvidenceReporter;
  reportedAt: Date;
  /** The link exactly as this reporter pasted it. */
  sourceUrl: string;
  note: string | null;
}

export interface EvidenceFileRecord {
  incidentId: number;
  reporter: EvidenceReporter;
  /** Where the file is held (`slack`, `discord`) and its id there. */
  platform: string;
  fileId: string;
  name: string;
  mimetype: string | null;
  sizeBytes: number | null;
  sha256: string | null;
}

/** A page the bot loaded in a logged-out browser when the incident was flagged, and what became of it since. */
export interface EvidencePageCapture {
  /** The post itself, or the attacker's account page (which shows the account was public). */
  page: 'post' | 'account';
  /** The address the browser was asked for. */
  url: string;
  state: 'pending' | 'captured' | 'failed';
  /** Why nothing was stored; null unless failed. */
  failure: CaptureFailure | null;
  /** When the page loaded (or failed to), UTC. */
  capturedAt: Date | null;
  /** After redirects. */
  finalUrl: string | null;
  httpStatus: number | null;
  /**
   * The full-page PNG's hash and size. `content` is there only when the pack is drawn as a PDF, which shows the
   * image: JSON and CSV list the hash, and a pack of hundreds of incidents must not hold every PNG for that.
   */
  screenshot: { sha256: string; bytes: number; content?: Uint8Array } | null;
  /** The HTML as the server sent it: listed by hash, never put in a pack (it holds the abuse verbatim). */
  html: { sha256: string; bytes: number } | null;
  /** The Internet Archive's copy, when the collective asks for one. */
  archiveUrl: string | null;
  /** When a later check found the post gone, and why (removed, or now behind a login wall). */
  goneAt: Date | null;
  goneReason: 'removed' | 'login-wall' | null;
  /** The last check that found it still up. */
  stillUpAt: Date | null;
}

/** One page capture, with the incident it belongs to. */
export interface EvidencePageCaptureRecord extends EvidencePageCapture {
  incidentId: number;
}

/**
 * What evidence packs read from the ledger. Packs go to third parties, so nothing here carries the person
 * attacked: only whether a reporter is them, and how many different members a set of incidents attacked.
 * Implemented on PostgreSQL in src/ledger.
 */
export interface EvidenceSource {
  /** The same lookup as /offender, so a lead can export exactly the account the bot showed them. */
  findOffenders(query: AccountQuery): Promise<OffenderHistory[]>;
  incidentExists(id: number): Promise<boolean>;
  /** Oldest first. */
  incidents(ids: readonly number[]): Promise<EvidenceIncidentRecord[]>;
  /** Oldest first. */
  reports(incidentIds: readonly number[]): Promise<EvidenceReportRecord[]>;
  /** By incident, then by name. */
  files(incidentIds: readonly number[]): Promise<EvidenceFileRecord[]>;
  /** How many different members these incidents attacked: a count, never who. */
  membersAttacked(incidentIds: readonly number[]): Promise<number>;
  /**
   * Every capture of these incidents in one read, by incident (oldest first), the post before the account page.
   * The PNGs' bytes are read only with `images` (for a PDF), and then only up to `imageBudgetBytes` in all.
   */
  pageCaptures(
    incidentIds: readonly number[],
    options: { images: boolean; imageBudgetBytes: number },
  ): Promise<EvidencePageCaptureRecord[]>;
}
