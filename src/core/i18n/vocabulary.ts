import type { Category, Severity } from '../categories.ts';
import type { Outcome } from '../incident/outcomes.ts';
import type { TargetWants } from '../incident/target-wants.ts';
import type { Translator } from './translator.ts';

/** The ledger's fixed words in the reader's language; the stored keywords themselves never change. */
export const categoryLabel = (t: Translator, category: Category) => t(`category.${category}.label`);
export const categoryHint = (t: Translator, category: Category) => t(`category.${category}.hint`);
export const severityLabel = (t: Translator, severity: Severity) => t(`severity.${severity}`);
export const wantsLabel = (t: Translator, wants: TargetWants) => t(`wants.${wants}`);
export const outcomeLabel = (t: Translator, outcome: Outcome) => t(`outcome.${outcome}`);
