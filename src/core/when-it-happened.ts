import { DateTime } from 'luxon';
import { ok, type Result } from './result.ts';
import { failSaying } from './spoken-error.ts';
import { plainWord } from './text-words.ts';

/** When a member says an attack happened, as typed: a day (or today, yesterday) and maybe a time. */
export interface WhenSpec {
  day: string;
  time: string | null;
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[t ](\d{1,2}:\d{2}))?$/;
const RELATIVE = /^(today|yesterday|aujourdhui|hier)(?:[t ](\d{1,2}:\d{2}))?$/;
/** The French words for the relative days, as the French messages invite (« aujourd’hui », « hier »). */
const FRENCH_DAYS: Record<string, string> = { aujourdhui: 'today', hier: 'yesterday' };
const EARLIEST = '2000-01-01';

const unreadable = (): Result<never> => failSaying('when.invalid', 'when.invalid');
const inFuture = (): Result<never> => failSaying('when.future', 'when.future');

/**
 * Reads `2026-11-30`, `2026-11-30 14:05`, `2026-11-30T14:05`, `today`, `yesterday 21:30`, and in French
 * `aujourd’hui` (with either apostrophe, or none) and `hier 21:30`, in any case, accents optional.
 */
export function parseWhen(input: string): Result<WhenSpec> {
  const text = plainWord(
    input
      .trim()
      .replace(/^["«](.*)["»]$/, '$1')
      .trim(),
  ).replace(/^aujourd['’]hui/, 'aujourdhui');
  const match = ISO.exec(text) ?? RELATIVE.exec(text);
  if (!match) return unreadable();
  const [, typed = '', time] = match;
  const day = FRENCH_DAYS[typed] ?? typed;
  if (time !== undefined && !DateTime.fromFormat(time, 'H:mm').isValid) return unreadable();
  if (day !== 'today' && day !== 'yesterday') {
    if (!DateTime.fromISO(day, { zone: 'utc' }).isValid) return unreadable();
    if (day < EARLIEST) return failSaying('when.too_old', 'when.too_old');
    // Whatever the collective's zone, no place on Earth has reached this day yet.
    if (day > DateTime.utc().plus({ hours: 14 }).toISODate()) return inFuture();
  }
  return ok({ day, time: time ?? null });
}

/**
 * The instant it happened in the collective's zone: the time given, or the start of the day when only the
 * day is known (shown as a day alone, see formatWhen). Refused when later than `now`.
 */
export function resolveWhen(spec: WhenSpec, now: Date, timezone: string): Result<Date> {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const day =
    spec.day === 'today'
      ? today
      : spec.day === 'yesterday'
        ? today.minus({ days: 1 })
        : DateTime.fromISO(spec.day, { zone: timezone });
  const [hour = 0, minute = 0] = spec.time === null ? [] : spec.time.split(':').map(Number);
  const at = day.set({ hour, minute, second: 0, millisecond: 0 });
  if (!at.isValid) return unreadable();
  return at.toMillis() > now.getTime() ? inFuture() : ok(at.toJSDate());
}

/** `2026-11-30 (America/Toronto)` for a day alone, the full instant otherwise. */
export function isDayOnly(at: Date, timezone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  return local.equals(local.startOf('day'));
}
