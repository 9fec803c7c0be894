import type { Translator } from '../i18n/translator.ts';
import { categoryLabel, outcomeLabel } from '../i18n/vocabulary.ts';
import type { IncidentDetails } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { CollectiveSettings } from '../settings.ts';
import type { IncidentCard } from './incident-card.ts';

/**
 * The card of an incident whose personal data was purged: it says so, and keeps only what the ledger keeps
 * (the category and the outcome). No names, no links, no buttons: there is nothing left to show or to do.
 */
export function buildPurgedCard(
  incident: IncidentDetails,
  settings: CollectiveSettings,
  t: Translator,
): IncidentCard {
  const reference = incidentReference(incident.id);
  const outcome = incident.resolution ? outcomeLabel(t, incident.resolution.outcome) : undefined;
  return {
    incidentId: incident.id,
    tone: 'info',
    title: t('card.purged.title', { reference, category: categoryLabel(t, incident.category) }),
    summary: t('card.purged.summary', { reference }),
    sections: [
      {
        heading: t('card.purged.heading'),
        lines: [
          t('card.purged.removed', { reference, collective: settings.collectiveName }),
          ...(outcome ? [t('card.purged.outcome', { outcome })] : []),
          t('card.purged.still_counts'),
        ],
      },
    ],
    buttons: [],
  };
}
