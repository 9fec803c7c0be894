import { CATEGORY_INFO } from '../categories.ts';
import type { IncidentDetails } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { CollectiveSettings } from '../settings.ts';
import type { IncidentCard } from './incident-card.ts';
import { OUTCOME_LABEL } from './outcomes.ts';

/**
 * The card of an incident whose personal data was purged: it says so, and keeps only what the ledger keeps
 * (the category and the outcome). No names, no links, no buttons: there is nothing left to show or to do.
 */
export function buildPurgedCard(incident: IncidentDetails, settings: CollectiveSettings): IncidentCard {
  const reference = incidentReference(incident.id);
  const label = CATEGORY_INFO[incident.category].label;
  const outcome = incident.resolution ? OUTCOME_LABEL[incident.resolution.outcome] : undefined;
  return {
    incidentId: incident.id,
    tone: 'info',
    title: `Resolved: ${reference} · ${label}`,
    summary: `${reference}: resolved; its details were removed under the retention policy.`,
    sections: [
      {
        heading: 'Details removed',
        lines: [
          `The details of ${reference} were removed under ${settings.collectiveName}'s retention policy: ` +
            'who was attacked, who flagged it, the links and the wording.',
          ...(outcome ? [`Outcome: ${outcome}.`] : []),
          "It still counts in the offender's record.",
        ],
      },
    ],
    buttons: [],
  };
}
