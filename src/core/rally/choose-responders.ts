import { DateTime } from 'luxon';
import type { QuietHours } from '../ledger-port.ts';

/** A responder who could be alerted for an incident, with what decides whether they are alerted now. */
export interface RallyCandidate {
  memberId: string;
  timezone: string | null;
  quietHours: QuietHours | null;
  dailyCap: number;
  /** Alerts sent or queued to them in the last 24 hours. */
  recentAlerts: number;
}

/**
 * Picks the next wave: nobody in their quiet hours, nobody at their daily cap, and those alerted least
 * recently first, so the same few colleagues don't carry every rally. Ties go by id, so the choice is stable.
 */
export function chooseResponders(
  candidates: readonly RallyCandidate[],
  now: Date,
  collectiveZone: string,
  waveSize: number,
): string[] {
  return candidates
    .filter((c) => c.recentAlerts < c.dailyCap && !inQuietHours(c, now, collectiveZone))
    .sort((a, b) => a.recentAlerts - b.recentAlerts || a.memberId.localeCompare(b.memberId))
    .slice(0, waveSize)
    .map((c) => c.memberId);
}

export function inQuietHours(candidate: RallyCandidate, now: Date, collectiveZone: string): boolean {
  const quiet = candidate.quietHours;
  if (!quiet) return false;
  const local = DateTime.fromJSDate(now, { zone: candidate.timezone ?? collectiveZone });
  const minute = local.hour * 60 + local.minute;
  // 22:00-07:00 spans midnight: quiet after the start or before the end.
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}
