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

interface CategoryInfo {
  label: string;
  hint: string;
  severity: Severity;
}

/** Threats and doxxing put someone's physical safety at stake: they are critical and lead with the safety path. */
export const CATEGORY_INFO: Record<Category, CategoryInfo> = {
  threat: { label: 'Violent threat', hint: 'threats of violence or death', severity: 'critical' },
  sexual: { label: 'Sexual harassment', hint: 'sexual harassment, rape threats', severity: 'high' },
  doxxing: {
    label: 'Doxxing',
    hint: 'home address or other private information exposed',
    severity: 'critical',
  },
  hate: { label: 'Hate / racist abuse', hint: 'racist or identity-based abuse', severity: 'high' },
  complaint: {
    label: 'Vexatious complaint',
    hint: 'complaints to employer or regulator, fake reviews',
    severity: 'medium',
  },
  impersonation: { label: 'Impersonation', hint: 'an account pretending to be someone', severity: 'medium' },
  pileon: { label: 'Pile-on', hint: 'coordinated trolling by many accounts', severity: 'medium' },
  harassment: { label: 'Harassment', hint: 'any other abuse (the default)', severity: 'medium' },
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

const key = (word: string) => word.toLowerCase().replace(/[-_\s]/g, '');

/** The category a word names, if it names one (keyword or a common alias, any case, `pile-on` too). */
export function categoryFromWord(word: string): Category | undefined {
  const k = key(word);
  return (CATEGORIES as readonly string[]).includes(k) ? (k as Category) : CATEGORY_ALIASES[k];
}

/** A category keyword the word is probably a typo of (edit distance at most 2), to suggest it kindly. */
export function closestCategory(word: string): Category | undefined {
  const k = key(word);
  if (k.length < 4) return undefined;
  let best: { category: Category; distance: number } | undefined;
  for (const category of CATEGORIES) {
    const distance = editDistance(k, category);
    if (distance <= 2 && (!best || distance < best.distance)) best = { category, distance };
  }
  return best?.category;
}

export function categoryList(): string {
  return CATEGORIES.join(', ');
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
