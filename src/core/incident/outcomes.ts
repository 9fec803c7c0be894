/** How an incident ended, as the target or a lead records it when resolving. */
export const RESOLVE_CHOICES = ['removed', 'suspended', 'no-action', 'duplicate', 'settled'] as const;
export type ResolveChoice = (typeof RESOLVE_CHOICES)[number];

/** Every outcome in the ledger: a person's choice, or `lapsed`, written only by retention (migration 0015). */
export const OUTCOMES = [...RESOLVE_CHOICES, 'lapsed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  removed: 'Post removed',
  suspended: 'Account suspended',
  'no-action': 'The platform took no action',
  duplicate: 'Duplicate of another incident',
  settled: 'Settled, nothing more needed',
  lapsed: 'Closed by the retention policy after a long time with no activity',
};

/** The two things colleagues can say they did, once each per incident. */
export const CARD_ACTIONS = ['supported', 'reported'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];
