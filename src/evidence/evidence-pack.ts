import type { Category, Severity } from '../core/categories.ts';
import type { EvidencePageCapture } from '../core/evidence-source.ts';
import type { Language } from '../core/i18n/language.ts';
import type { AttackChannel } from '../core/incident/attack-channel.ts';
import type { Outcome } from '../core/incident/outcomes.ts';
import type { NamedBy } from '../core/ledger-port.ts';
import type { AccountRef, NormalizedPost, Platform } from '../core/post-url/types.ts';

/**
 * What an evidence pack holds, before it is drawn as PDF, JSON or CSV. Packs go to third parties (platforms'
 * escalation teams, the police, counsel), so the type has no place for the person attacked: no target id, no
 * target name, not even their own post. Reporters appear only under the label the pack gives them.
 */
export interface EvidencePack {
  subject: EvidenceSubject;
  generatedAt: Date;
  /** The collective's IANA zone: every time is shown in UTC and in this zone. */
  timezone: string;
  collectiveName: string;
  /** The language its words are in, as the lead asked (`--lang`); data, times and file names never change. */
  language: Language;
  reporters: ReporterDisclosure;
  /** How many different members these incidents attacked: a count, never who. */
  membersAttacked: number;
  /** Oldest first. */
  incidents: EvidenceIncident[];
}

/** An account, with every incident behind it, or a single incident. */
export type EvidenceSubject = { kind: 'offender'; account: AccountRef } | { kind: 'incident'; id: number };

/**
 * anonymised: every reporter is "Reporter 1", "Reporter 2"… named: the lead asked for names, but members who
 * asked to stay anonymous, and the person attacked when they flagged it themselves, keep a number.
 */
export type ReporterDisclosure = 'anonymised' | 'named';

export interface EvidenceIncident {
  id: number;
  /**
   * The canonical link: every variant of one post gives this one. For an email or an attack with no public
   * link (kind `offline`) it is the ledger's key, not a link: packs show `channel` instead.
   */
  postUrl: string;
  kind: NormalizedPost['kind'];
  /** For a direct message, the platform it came on; `offline` for an attack on no platform at all. */
  platform: Platform;
  /** Where an attack with no public link happened; null for a link. */
  channel: AttackChannel | null;
  /** Null when nobody knows who did it (a comment link never says, and no member named them). */
  account: AccountRef | null;
  /** Whether the link named the account or a member did; null when there is no account. */
  accountNamedBy: NamedBy | null;
  category: Category;
  severity: Severity;
  /** When it happened, when a member said (a day alone when no time was given, see isDayOnly). */
  occurredAt: Date | null;
  firstReportedAt: Date;
  status: 'open' | 'resolved';
  /** Who resolved it is left out: it may be the person attacked. */
  resolution: { outcome: Outcome; at: Date } | null;
  /** "I replied with support" and "I reported it", each counted once per member. */
  supportiveReplies: number;
  reportsFiled: number;
  /** Oldest first. */
  reports: EvidenceReport[];
  screenshots: EvidenceScreenshot[];
  /** What the bot's browser captured of the post and the attacker's account page; oldest first, post first. */
  pageCaptures: EvidencePageCapture[];
}

export interface EvidenceReport {
  /** "Reporter 2", or the member's name when the lead asked for names. */
  reporter: string;
  /** The person attacked flagged it themselves: first-hand, and never named. */
  byMemberAttacked: boolean;
  reportedAt: Date;
  /** The link exactly as this reporter pasted it. */
  sourceUrl: string;
  /** The wording they gave; null when they gave none. */
  wording: string | null;
}

export interface EvidenceScreenshot {
  name: string;
  /** Where the file is held (`slack`, `discord`) and its id there, to fetch it again. */
  platform: string;
  fileId: string;
  mimetype: string | null;
  sizeBytes: number | null;
  /** The file's SHA-256 once Shieldwall downloads and hashes screenshots; null until then. */
  sha256: string | null;
  /** Who attached it, labelled like the reports. */
  reporter: string;
}

export type { EvidencePageCapture } from '../core/evidence-source.ts';
