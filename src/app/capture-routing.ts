import type pg from 'pg';
import type { CaptureFollowUp } from '../core/capture/capture-follow-up.ts';
import type { Bot, Fleet } from '../core/chat-adapter.ts';
import { collectivesOfIncidents } from '../ledger/collectives.ts';

/**
 * Capture jobs are the deployment's, not a collective's (one browser for all); what a capture finds is told
 * through the bot of the incident's own collective, so its card and its members are that collective's. An
 * incident of a collective no bot here serves is left alone.
 */
export function captureFollowUpAcross(pool: pg.Pool, fleet: Fleet): CaptureFollowUp {
  const only = fleet.bots.length === 1 ? fleet.bots[0] : undefined;
  const botOf = async (incidentId: number): Promise<Bot | undefined> => {
    if (only) return only;
    const collective = (await collectivesOfIncidents(pool, [incidentId])).get(incidentId);
    return collective === undefined ? undefined : fleet.bot(collective);
  };
  return {
    async request(incident) {
      await (await botOf(incident.id))?.captures.request(incident);
    },
    async requestMissed(incidentIds) {
      if (only) return only.captures.requestMissed(incidentIds);
      const collectives = await collectivesOfIncidents(pool, incidentIds);
      for (const bot of fleet.bots) {
        const own = incidentIds.filter((id) => collectives.get(id) === bot.collectiveId);
        if (own.length > 0) await bot.captures.requestMissed(own);
      }
    },
    async finished(incidentId, page, result) {
      await (await botOf(incidentId))?.captures.finished(incidentId, page, result);
    },
    async stillUp(incidentId) {
      await (await botOf(incidentId))?.captures.stillUp(incidentId);
    },
    async gone(incidentId) {
      await (await botOf(incidentId))?.captures.gone(incidentId);
    },
  };
}
