import { describe, expect, it } from 'vitest';
import { formatInstant, parseWeek, weekContaining } from '../../src/core/time.ts';

describe('weeks and times in the collective’s zone', () => {
  it('parses 2026-W47 as Monday 00:00 to the next Monday in the zone', () => {
    const week = parseWeek('2026-W47', 'America/Chicago');
    expect(week).toMatchObject({ ok: true, value: { label: '2026-W47' } });
    if (!week.ok) return;
    expect(week.value.start.toISOString()).toBe('2026-11-16T06:00:00.000Z');
    expect(week.value.end.toISOString()).toBe('2026-11-23T06:00:00.000Z');
  });

  it('refuses weeks that do not exist and text that is not a week', () => {
    expect(parseWeek('2026-W54', 'UTC').ok).toBe(false);
    expect(parseWeek('2026-W00', 'UTC').ok).toBe(false);
    expect(parseWeek('last week', 'UTC').ok).toBe(false);
    expect(parseWeek('2026-W53', 'UTC').ok).toBe(true); // 2026 has 53 ISO weeks
  });

  it('finds the week of a Sunday evening by the local clock, not by UTC', () => {
    // Sunday 22 Nov 2026, 23:30 in Chicago is already Monday in UTC.
    expect(weekContaining(new Date('2026-11-23T05:30:00Z'), 'America/Chicago').label).toBe('2026-W47');
    expect(weekContaining(new Date('2026-11-23T05:30:00Z'), 'UTC').label).toBe('2026-W48');
  });

  it('shows UTC and local time together', () => {
    expect(formatInstant(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(
      '2026-07-01 12:00 UTC (2026-07-01 13:00 Europe/London)',
    );
    expect(formatInstant(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe('2026-07-01 12:00 UTC');
  });
});
