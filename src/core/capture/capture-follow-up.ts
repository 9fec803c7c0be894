import type { IncidentView, Ledger } from '../ledger-port.ts';
import type { RallyStore } from '../rally/rally-store.ts';
import type { CaptureResult } from './page-capturer.ts';
import { type CapturedPageKind, type CaptureStore, pagesToCapture } from './page-captures.ts';

/** What happens around a capture, as the bot sees it: asking for one, and telling people how it went. */
export interface CaptureFollowUp {
  /** After a flag: the incident's pages still to capture (a later flag may name the account). */
  request(incident: IncidentView): Promise<void>;
  /** The same for incidents whose request was lost (see CaptureStore.uncaptured). */
  requestMissed(incidentIds: readonly number[]): Promise<void>;
  /** A capture ended: its card is redrawn, and when the post could not be captured those who flagged it are asked to screenshot it. */
  finished(incidentId: number, page: CapturedPageKind, result: CaptureResult): Promise<void>;
  /** A check found the post still up: the card says when. */
  stillUp(incidentId: number): Promise<void>;
  /** A check found the post gone: the card says so, and those who flagged it and the person attacked are told. */
  gone(incidentId: number): Promise<void>;
}

export interface CaptureFollowUpDependencies {
  ledger: Ledger;
  captures: CaptureStore | undefined;
  rallyStore: RallyStore;
  now: () => Date;
  /** Redraws the incident's cards where they are; never throws. */
  redraw: (incidentId: number) => Promise<void>;
}

export function createCaptureFollowUp(deps: CaptureFollowUpDependencies): CaptureFollowUp {
  /** Messages go through the rally's queue: once per person, retried, and redrawn when the incident is purged. */
  const tell = async (incidentId: number, kind: 'capture-failed' | 'post-gone', withTarget: boolean) => {
    const incident = await deps.ledger.getIncident(incidentId);
    if (incident?.status !== 'open' || incident.purged) return;
    const recipients = new Set(incident.reportedBy.map((reporter) => reporter.id));
    if (withTarget) recipients.add(incident.target.id);
    await deps.rallyStore.queueMessages(incidentId, [...recipients], kind, deps.now());
  };
  const request = async (incident: IncidentView) => {
    if (!deps.captures || incident.status !== 'open') return;
    await deps.captures.request(incident.id, pagesToCapture(incident), deps.now());
  };
  return {
    request,
    async requestMissed(incidentIds) {
      for (const incidentId of incidentIds) {
        const incident = await deps.ledger.getIncident(incidentId);
        if (incident) await request(incident);
      }
    },
    async finished(incidentId, page, result) {
      await deps.redraw(incidentId);
      if (page === 'post' && result.outcome === 'failed') await tell(incidentId, 'capture-failed', false);
    },
    stillUp: (incidentId) => deps.redraw(incidentId),
    async gone(incidentId) {
      await deps.redraw(incidentId);
      await tell(incidentId, 'post-gone', true);
    },
  };
}
