import type { Translator } from './i18n/translator.ts';
import { categoryLabel } from './i18n/vocabulary.ts';
import { plainWord } from './text-words.ts';

export const SEVERITIES = ['medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'threat',
  'sexual',
  'doxxing',
  'hate',
  'complaint',
  'impersonation',
  'pileon',
  'harassment',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How serious each kind of attack is by default. Threats and doxxing put someone's physical safety at stake: they
 * are critical and lead with the safety path. Labels and hints are in the catalogues (`category.<name>.label`).
 */
export const CATEGORY_SEVERITY: Record<Category, Severity> = {
  threat: 'critical',
  sexual: 'high',
  doxxing: 'critical',
  hate: 'high',
  complaint: 'medium',
  impersonation: 'medium',
  pileon: 'medium',
  harassment: 'medium',
};

export const DEFAULT_CATEGORY: Category = 'harassment';

/** Words people naturally type for a category; accepted silently. */
const CATEGORY_ALIASES: Record<string, Category> = {
  threats: 'threat',
  violence: 'threat',
  violent: 'threat',
  death: 'threat',
  rape: 'sexual',
  sexualharassment: 'sexual',
  dox: 'doxxing',
  doxx: 'doxxing',
  doxing: 'doxxing',
  doxed: 'doxxing',
  doxxed: 'doxxing',
  racism: 'hate',
  racist: 'hate',
  hateful: 'hate',
  complaints: 'complaint',
  review: 'complaint',
  reviews: 'complaint',
  impostor: 'impersonation',
  imposter: 'impersonation',
  fake: 'impersonation',
  pile: 'pileon',
  trolls: 'pileon',
  trolling: 'pileon',
  brigade: 'pileon',
  brigading: 'pileon',
  abuse: 'harassment',
  other: 'harassment',
};

/** French words for a category, accents optional (keys are written without them); accepted silently too. */
const FRENCH_ALIASES: Record<string, Category> = {
  menace: 'threat',
  menaces: 'threat',
  mort: 'threat',
  viol: 'sexual',
  sexuel: 'sexual',
  harcelementsexuel: 'sexual',
  divulgation: 'doxxing',
  doxe: 'doxxing',
  doxxe: 'doxxing',
  haine: 'hate',
  raciste: 'hate',
  racisme: 'hate',
  plainte: 'complaint',
  plaintes: 'complaint',
  avis: 'complaint',
  usurpation: 'impersonation',
  imposteur: 'impersonation',
  fauxcompte: 'impersonation',
  meute: 'pileon',
  harcelement: 'harassment',
  abus: 'harassment',
  autre: 'harassment',
};

/** A word as typed, reduced to how keywords and aliases are written: `Harcèlement sexuel` → `harcelementsexuel`. */
const key = (word: string) => plainWord(word).replace(/[-_\s]/g, '');

/**
 * The words a typo is measured against, with how far off it may be: every keyword within 2 edits, and the
 * longer French aliases too (within 1 edit up to 7 letters, 2 beyond). Short French words (`mort`, `avis`) are
 * left out: too many ordinary words sit one or two letters from them.
 */
const NEAR_MISS_TARGETS: readonly { word: string; category: Category; within: number }[] = [
  ...CATEGORIES.map((category) => ({ word: category as string, category, within: 2 })),
  ...Object.entries(FRENCH_ALIASES)
    .filter(([word]) => word.length >= 5)
    .map(([word, category]) => ({ word, category, within: word.length > 7 ? 2 : 1 })),
];

/** The category a word names, if it names one (keyword or a common alias, any case, `pile-on` too). */
export function categoryFromWord(word: string): Category | undefined {
  const k = key(word);
  if ((CATEGORIES as readonly string[]).includes(k)) return k as Category;
  return Object.hasOwn(CATEGORY_ALIASES, k)
    ? CATEGORY_ALIASES[k]
    : Object.hasOwn(FRENCH_ALIASES, k)
      ? FRENCH_ALIASES[k]
      : undefined;
}

/**
 * A category the word is probably a typo of, to suggest it kindly: a keyword within 2 edits, or a French alias
 * (`menance` → threat, `harcelemnt` → harassment). The nearest wins; a keyword wins a tie.
 */
export function closestCategory(word: string): Category | undefined {
  const k = key(word);
  if (k.length < 4) return undefined;
  let best: { category: Category; distance: number } | undefined;
  for (const target of NEAR_MISS_TARGETS) {
    const distance = editDistance(k, target.word);
    if (distance <= target.within && (!best || distance < best.distance))
      best = { category: target.category, distance };
  }
  return best?.category;
}

/** The keywords members type, as a list: `threat, sexual, …`. */
export function categoryList(): string {
  return CATEGORIES.join(', ');
}

/**
 * The keywords with their labels in the reader's language, to show a member: `threat (Menace violente), …`. The
 * keywords stay English (the ledger stores them, and they work in any language); French words are accepted too.
 */
export function categoryListWithLabels(t: Translator): string {
  return CATEGORIES.map((category) => `${category} (${categoryLabel(t, category)})`).join(', ');
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
