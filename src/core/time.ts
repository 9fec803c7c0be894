import { DateTime } from 'luxon';
import { ok, type Result } from './result.ts';
import { failSaying } from './spoken-error.ts';

/** `2026-11-21 14:05 UTC (2026-11-21 08:05 America/Chicago)`: UTC for the record, the local clock for people. */
export function formatInstant(at: Date, timezone: string): string {
  const utc = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return utc;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  // The zone's name, not an abbreviation: abbreviations depend on the runtime's locale data (BST vs GMT+1).
  return `${utc} (${local.toFormat('yyyy-LL-dd HH:mm')} ${timezone})`;
}

export function formatDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat('yyyy-LL-dd');
}

export interface Week {
  /** ISO week label, `2026-W47`. */
  label: string;
  /** Monday 00:00 in the collective's zone, as an instant. */
  start: Date;
  /** The next Monday 00:00. */
  end: Date;
}

/** The ISO week (Monday to Sunday in the collective's zone) that contains `at`. */
export function weekContaining(at: Date, timezone: string): Week {
  return toWeek(DateTime.fromJSDate(at, { zone: timezone }).startOf('week'));
}

/** The week before `week`, in the same zone. */
export function weekBefore(week: Week, timezone: string): Week {
  return weekContaining(new Date(week.start.getTime() - 1), timezone);
}

/** Parses `2026-W47` (also `2026w47`, `2026-W7`). */
export function parseWeek(text: string, timezone: string): Result<Week> {
  const invalid = failSaying('week.invalid', 'week.invalid');
  const match = /^(\d{4})-?[Ww](\d{1,2})$/.exec(text.trim());
  if (!match) return invalid;
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: timezone });
  // Luxon rolls week 54 over into the next year; a week that does not exist is an error, not a guess.
  if (!monday.isValid || monday.weekNumber !== weekNumber || monday.weekYear !== weekYear) return invalid;
  return ok(toWeek(monday.startOf('day')));
}

function toWeek(monday: DateTime): Week {
  return {
    label: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`,
    start: monday.toJSDate(),
    end: monday.plus({ weeks: 1 }).toJSDate(),
  };
}
