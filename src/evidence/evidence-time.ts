import { DateTime } from 'luxon';
import type { Translator } from '../core/i18n/translator.ts';
import { isDayOnly } from '../core/when-it-happened.ts';

/** An instant as ISO 8601 text: UTC for the record, and the collective's local clock with its offset. */
export interface InstantText {
  utc: string;
  local: string;
}

// Seconds are kept: evidence is read by people who may line reports up against a platform's own logs.
export function instantText(at: Date, timezone: string): InstantText {
  return {
    utc: DateTime.fromJSDate(at, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? at.toISOString(),
    local: DateTime.fromJSDate(at, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '',
  };
}

/** `2026-11-21 14:05:09 UTC (2026-11-21 08:05:09 America/Chicago)`, like formatInstant but to the second. */
export function formatEvidenceInstant(at: Date, timezone: string): string {
  const utc = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm:ss 'UTC'");
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return utc;
  // The zone's name, not an abbreviation: abbreviations depend on the runtime's locale data.
  return `${utc} (${DateTime.fromJSDate(at, { zone: timezone }).toFormat('yyyy-LL-dd HH:mm:ss')} ${timezone})`;
}

/** The day in the collective's zone, for file names. */
export function localDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat('yyyy-LL-dd');
}

/**
 * When an attack happened, as a member gave it: the day in the collective's zone, and the instant only when
 * they gave a time. A day alone is stored as its midnight, which must never be printed as if it were the time.
 */
export interface OccurredText {
  day: string;
  utc: string | null;
  local: string | null;
}

export function occurredText(at: Date, timezone: string): OccurredText {
  const day = localDay(at, timezone);
  if (isDayOnly(at, timezone)) return { day, utc: null, local: null };
  return { day, ...instantText(at, timezone) };
}

/** `2026-11-16 (America/Chicago; no time of day was given)`, or the instant as formatEvidenceInstant gives it. */
export function formatOccurred(at: Date, timezone: string, t: Translator): string {
  return isDayOnly(at, timezone)
    ? t('pack.pdf.occurred_day', { day: localDay(at, timezone), timezone })
    : formatEvidenceInstant(at, timezone);
}
