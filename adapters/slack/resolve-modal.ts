import type { types } from '@slack/bolt';

type View = types.View;

import type { Translator } from '../../src/core/i18n/translator.ts';
import { outcomeLabel } from '../../src/core/i18n/vocabulary.ts';
import { RESOLVE_CHOICES, type ResolveChoice } from '../../src/core/incident/outcomes.ts';
import { incidentReference } from '../../src/core/reference.ts';
import { plainText } from './mrkdwn.ts';
import { RESOLVE_VIEW } from './slack-ids.ts';

export const OUTCOME_BLOCK = 'outcome';

/** "How did it end?", asked when the target or a lead presses Resolve on a card. */
export function buildResolveModal(incidentId: number, privateMetadata: string, t: Translator): View {
  return {
    type: 'modal',
    callback_id: RESOLVE_VIEW,
    private_metadata: privateMetadata,
    title: plainText(t('slack.resolve_title', { reference: incidentReference(incidentId) }), 24),
    submit: plainText(t('slack.resolve_submit'), 24),
    close: plainText(t('slack.cancel'), 24),
    blocks: [
      {
        type: 'input',
        block_id: OUTCOME_BLOCK,
        label: plainText(t('slack.resolve_question'), 2000),
        element: {
          type: 'radio_buttons',
          action_id: OUTCOME_BLOCK,
          options: RESOLVE_CHOICES.map((outcome) => ({
            text: plainText(outcomeLabel(t, outcome), 75),
            value: outcome,
          })),
        },
      },
    ],
  };
}

export function readOutcome(
  values: Record<string, Record<string, { selected_option?: { value?: string } | null }>>,
): ResolveChoice | undefined {
  const value = values[OUTCOME_BLOCK]?.[OUTCOME_BLOCK]?.selected_option?.value;
  return (RESOLVE_CHOICES as readonly string[]).includes(value ?? '') ? (value as ResolveChoice) : undefined;
}
