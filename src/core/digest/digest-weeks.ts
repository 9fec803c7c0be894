import { type Week, weekBefore } from '../time.ts';

const CHART_WEEKS = 12;

/** The week a digest is about, the one before it, and the twelve weeks its chart shows (oldest first). */
export function digestWeeks(week: Week, timezone: string): { week: Week; previous: Week; history: Week[] } {
  const history = [week];
  while (history.length < CHART_WEEKS) history.unshift(weekBefore(history[0] as Week, timezone));
  return { week, previous: weekBefore(week, timezone), history };
}
