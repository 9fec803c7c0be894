import type { IncidentView } from '../../src/core/ledger-port.ts';

/** An open post on X by @SomeTroll, flagged once by ana, as the ledger would show it; overrides change a part. */
export const sampleIncident = (overrides: Partial<IncidentView> = {}): IncidentView => ({
  id: 12,
  canonicalUrl: 'https://x.com/i/status/123',
  platform: 'x',
  kind: 'post',
  category: 'harassment',
  severity: 'medium',
  status: 'open',
  firstReportedAt: new Date('2026-11-18T15:04:00Z'),
  occurredAt: null,
  channel: null,
  reporters: 1,
  offender: {
    platform: 'x',
    handle: 'sometroll',
    display: '@SomeTroll',
    profileUrl: 'https://x.com/sometroll',
  },
  offenderNamedBy: 'link',
  wants: 'both',
  target: { id: 'test:local:ana', name: 'ana' },
  targetPostUrl: null,
  ...overrides,
});
