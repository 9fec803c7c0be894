/** How an incident ended, as the target or a lead records it when resolving. */
export const RESOLVE_CHOICES = ['removed', 'suspended', 'no-action', 'duplicate', 'settled'] as const;
export type ResolveChoice = (typeof RESOLVE_CHOICES)[number];

/** Every outcome in the ledger: a person's choice, or `lapsed`, written only by retention (migration 0015). */
export const OUTCOMES = [...RESOLVE_CHOICES, 'lapsed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The two things colleagues can say they did, once each per incident. */
export const CARD_ACTIONS = ['supported', 'reported'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];
