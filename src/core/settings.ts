import type { Language } from './i18n/language.ts';
import type { RallyPolicy } from './rally/rally-policy.ts';

/** When an account counts as a frequent offender: a signal for leads, never a verdict. */
export interface FrequentRule {
  minIncidents: number;
  minTargets: number;
  windowDays: number;
  /** The status lapses this many days after the account's latest incident. */
  lapseDays: number;
}

/** Who to call when it is serious; each collective sets its own, the defaults are generic. */
export interface SafetyContacts {
  emergency?: string;
  police?: string;
  legal?: string;
  wellbeing?: string;
}

/** The collective-wide settings the core needs; platform-free. */
export interface CollectiveSettings {
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
