import { describe, expect, it } from 'vitest';
import { alertIncidentId, firstAlertLatencies } from '../../bench/first-alerts.ts';

describe("B7's pairing of flags with their first alerts", () => {
  it('reads the incident from the alert\'s "I\'m on it" button, and nothing from other messages', () => {
    const alert = {
      channel: 'UR001',
      blocks: [{ type: 'actions', elements: [{ type: 'button', value: 'rally:on-it:42' }] }],
    };
    expect(alertIncidentId(alert)).toBe(42);
    expect(
      alertIncidentId({ channel: 'C0INCIDENTS', blocks: [{ block_id: 'incident:42' }] }),
    ).toBeUndefined();
    expect(alertIncidentId({ channel: 'UR001', text: 'no buttons' })).toBeUndefined();
  });

  it("takes each incident's earliest alert and pairs incidents in order of id with flags in order sent", () => {
    const alerts = [
      { incidentId: 8, at: 1_260 },
      { incidentId: 7, at: 1_045 },
      { incidentId: 7, at: 1_030 },
      { incidentId: 8, at: 1_250 },
    ];
    expect(firstAlertLatencies([1_000, 1_200], alerts)).toEqual([30, 50]);
  });

  it('refuses to guess when a flag has no alerts', () => {
    expect(() => firstAlertLatencies([1_000, 1_200], [{ incidentId: 7, at: 1_030 }])).toThrow(
      '2 flags sent, but alerts came for 1 incidents',
    );
  });
});
