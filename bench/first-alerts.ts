/** An alert direct message as the fake Slack took it: the incident it is about, and when it arrived. */
export interface AlertArrival {
  incidentId: number;
  at: number;
}

/**
 * The incident a direct message alerts for, read from its "I'm on it" button (value `rally:on-it:<id>`);
 * undefined for any other message (a card, a reply).
 */
export function alertIncidentId(body: Record<string, unknown>): number | undefined {
  const found = /"rally:on-it:(\d+)"/.exec(JSON.stringify(body.blocks ?? []));
  return found ? Number(found[1]) : undefined;
}

/**
 * Each flag's time to its first alert: the earliest alert for its incident, less when its request was sent.
 * The flags went one at a time and each was a new post, so their incidents, in order of id, are the flags in
 * the order they were sent. Any other count of incidents means the pairing would be a guess, so it throws.
 */
export function firstAlertLatencies(sentAt: readonly number[], alerts: readonly AlertArrival[]): number[] {
  const first = new Map<number, number>();
  for (const { incidentId, at } of alerts) first.set(incidentId, Math.min(at, first.get(incidentId) ?? at));
  const incidents = [...first.keys()].sort((a, b) => a - b);
  if (incidents.length !== sentAt.length)
    throw new Error(`${sentAt.length} flags sent, but alerts came for ${incidents.length} incidents`);
  return incidents.map((incidentId, i) => (first.get(incidentId) as number) - (sentAt[i] as number));
}
