/** What the person attacked asks of colleagues. The target decides; nobody is rallied against their wish. */
export const TARGET_WANTS = ['both', 'replies', 'reports', 'document', 'private'] as const;
export type TargetWants = (typeof TARGET_WANTS)[number];

export const DEFAULT_TARGET_WANTS: TargetWants = 'both';

export function wantsReplies(wants: TargetWants): boolean {
  return wants === 'both' || wants === 'replies';
}

export function wantsReports(wants: TargetWants): boolean {
  return wants === 'both' || wants === 'reports';
}

/** Whether responders are alerted at all (privately, for 'private'); the ledger's `wants_rally()` agrees. */
export function wantsRally(wants: TargetWants): boolean {
  return wants !== 'document';
}

/** Whether colleagues are asked to do anything in public at all. */
export function wantsPublicAction(wants: TargetWants): boolean {
  return wantsReplies(wants) || wantsReports(wants);
}
