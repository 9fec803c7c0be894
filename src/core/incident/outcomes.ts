/** How an incident ended, as the target or a lead records it when resolving. */
export const OUTCOMES = ['removed', 'suspended', 'no-action', 'duplicate', 'settled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  removed: 'Post removed',
  suspended: 'Account suspended',
  'no-action': 'The platform took no action',
  duplicate: 'Duplicate of another incident',
  settled: 'Settled, nothing more needed',
};

/** The two things colleagues can say they did, once each per incident. */
export const CARD_ACTIONS = ['supported', 'reported'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];
