import { describe, expect, it } from 'vitest';
import { profileOffender } from '../../src/core/frequent-offender.ts';
import type { OffenderIncident } from '../../src/core/ledger-port.ts';

const rule = { minIncidents: 3, minTargets: 2, windowDays: 90 };
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
});
const profile = (incidents: OffenderIncident[]) =>
  profileOffender({ account: { platform: 'x', handle: 't', display: '@t' }, incidents }, now, rule);

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
});
