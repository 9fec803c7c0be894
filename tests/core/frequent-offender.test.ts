import { describe, expect, it } from 'vitest';
import { profileOffender } from '../../src/core/frequent-offender.ts';
import type { OffenderIncident } from '../../src/core/ledger-port.ts';

const rule = { minIncidents: 3, minTargets: 2, windowDays: 90, lapseDays: 180 };
const now = new Date('2026-11-20T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
let nextId = 1;
const incident = (target: string, ageDays: number): OffenderIncident => ({
  id: nextId++,
  category: 'harassment',
  severity: 'medium',
  status: 'open',
  firstReportedAt: daysAgo(ageDays),
  targetId: target,
  namedBy: 'link',
});
const profile = (incidents: OffenderIncident[], review: { status: 'cleared'; at: Date } | null = null) =>
  profileOffender({ incidents, review }, now, rule);

describe('the frequent-offender rule', () => {
  it('is met by 3 incidents against 2 members within 90 days', () => {
    expect(profile([incident('a', 80), incident('a', 10), incident('b', 1)])?.frequent).toBe(true);
  });

  it('is not met by many incidents against one member', () => {
    expect(profile([incident('a', 3), incident('a', 2), incident('a', 1), incident('a', 0)])?.frequent).toBe(
      false,
    );
  });

  it('counts only the window: old incidents show in the record but do not make it frequent', () => {
    const result = profile([incident('a', 200), incident('b', 150), incident('a', 10), incident('b', 5)]);
    expect(result?.frequent).toBe(false);
    expect(result?.total).toBe(4);
    expect(result?.distinctTargets).toBe(2);
    expect(result?.window.incidents).toHaveLength(2);
  });

  it('reports first and last seen from the incidents', () => {
    const result = profile([incident('a', 30), incident('b', 3)]);
    expect(result?.firstSeen).toEqual(daysAgo(30));
    expect(result?.lastSeen).toEqual(daysAgo(3));
  });

  it('holds after the window while the account is recent, and lapses 180 days after its latest incident', () => {
    const older = [incident('a', 130), incident('b', 120), incident('a', 100)];
    expect(profile(older)?.frequent).toBe(true);
    const stale = [incident('a', 230), incident('b', 220), incident('a', 200)];
    expect(profile(stale)?.frequent).toBe(false);
    expect(profile(stale)?.lapsed).toBe(true);
  });

  it('is taken off the list when a lead clears it, until the next incident', () => {
    const incidents = [incident('a', 30), incident('b', 20), incident('a', 10)];
    expect(profile(incidents, { status: 'cleared', at: daysAgo(5) })?.frequent).toBe(false);
    expect(profile(incidents, { status: 'cleared', at: daysAgo(5) })?.cleared).toBe(true);
    expect(profile([...incidents, incident('b', 1)], { status: 'cleared', at: daysAgo(5) })?.frequent).toBe(
      true,
    );
  });
});
