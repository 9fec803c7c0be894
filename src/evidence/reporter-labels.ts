import type { Translator } from '../core/i18n/translator.ts';
import type { ReporterDisclosure } from './evidence-pack.ts';

/** What the ledger knows about one reporter of one incident, enough to choose how to label them. */
export interface ReporterFacts {
  id: string;
  name: string | null;
  /** They asked the channel not to see their name. */
  anonymous: boolean;
  /** They are the person attacked in this incident. */
  isTarget: boolean;
}

/**
 * Labels reporters for a pack. A member keeps one number across the whole pack, in order of first appearance,
 * so a reader can see that one person reported several incidents without learning who. Named packs still number
 * members who asked to stay anonymous, and the person attacked: naming them would name the target.
 */
export function createReporterLabels(
  disclosure: ReporterDisclosure,
  t: Translator,
): (facts: ReporterFacts) => string {
  const numbers = new Map<string, number>();
  const numbered = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(id, n);
    }
    return t('pack.reporter', { number: n });
  };
  return (facts) => {
    if (disclosure === 'anonymised' || facts.anonymous || facts.isTarget || !facts.name)
      return numbered(facts.id);
    return facts.name;
  };
}
