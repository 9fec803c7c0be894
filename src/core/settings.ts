import type { Language } from './i18n/language.ts';
import type { RallyPolicy } from './rally/rally-policy.ts';

/** When an account counts as a frequent offender: a signal for leads, never a verdict. */
export interface FrequentRule {
  minIncidents: number;
  minTargets: number;
  windowDays: number;
  /** The status lapses this many days after the account's latest incident. */
  lapseDays: number;
  /**
   * Whether incidents other collectives shared count towards the rule (off by default: nothing is listed only
   * because another list says so). Shared incidents are counts only; they never say who was attacked.
   */
  countShared?: boolean;
}

/** Who to call when it is serious; each collective sets its own, the defaults are generic. */
export interface SafetyContacts {
  emergency?: string;
  police?: string;
  legal?: string;
  wellbeing?: string;
}

/** The collective a deployment serves when only environment variables configure it. */
export const DEFAULT_COLLECTIVE_ID = 'default';

/** The collective-wide settings the core needs; platform-free. */
export interface CollectiveSettings {
  /**
   * The collective's id in the ledger (`default` for a single collective configured by the environment): every
   * incident, responder and review belongs to one. Unset means the default collective.
   */
  collectiveId?: string;
  /**
   * Whether this collective shares its offender signals (counts of incidents per account, never who was
   * attacked) with the other collectives of the deployment, and sees theirs. On unless the collective opts out.
   */
  sharesSignals?: boolean;
  collectiveName: string;
  timezone: string;
  /** The collective's language: the channel card, the leads' digest, and members who chose none (`en`). */
  language?: Language;
  frequentRule: FrequentRule;
  safety: SafetyContacts;
  rally: RallyPolicy;
  /** Public pages of flagged posts are captured in a browser (off, or no browser: members are asked to screenshot). */
  pageCapture?: boolean;
}
