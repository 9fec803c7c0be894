import { DateTime } from 'luxon';

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
