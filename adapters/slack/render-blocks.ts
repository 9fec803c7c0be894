import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;

import { type Translator, translator } from '../../src/core/i18n/translator.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply, Section } from '../../src/core/reply.ts';
import { splitSection } from '../split-text.ts';
import { CODE_BLOCK_FENCES, escapeMrkdwn, mrkdwnCodeBlock, mrkdwnCodeLine, mrkdwnText } from './mrkdwn.ts';
import { cardActionId } from './slack-ids.ts';

// Slack refuses a message with more than 50 blocks or a section over 3,000 characters.
const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;

const TONE_EMOJI: Record<Reply['tone'], string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  error: ':raised_hand:',
};

export interface SlackMessage {
  /** The notification and screen-reader text. */
  text: string;
  blocks: KnownBlock[];
}

/**
 * A core reply as Block Kit: the title in bold, one section block per section, then its buttons. `t` is the
 * reader's language, for what the adapter adds itself (what a long reply left out).
 */
export function renderReply(reply: Reply, t: Translator = translator('en')): SlackMessage {
  const blocks = [titleBlock(TONE_EMOJI[reply.tone], reply.title), ...reply.sections.flatMap(sectionBlocks)];
  const actions = reply.actions ?? [];
  return {
    text: escapeMrkdwn(reply.title),
    blocks: [
      ...fitBlocks(blocks, t, actions.length > 0 ? 1 : 0, reply.whenTooLong),
      ...(actions.length > 0
        ? [
            {
              type: 'actions' as const,
              elements: actions.slice(0, 25).map((action, index) => ({
                type: 'button' as const,
                // Action ids must differ within a message; the value says what the button does.
                action_id: `${REPLY_ACTION_PREFIX}${index}`,
                text: { type: 'plain_text' as const, text: action.label, emoji: true },
                value: action.id,
                ...(action.style ? { style: action.style } : {}),
              })),
            },
          ]
        : []),
    ],
  };
}

export const REPLY_ACTION_PREFIX = 'sw_act_';
export const REPLY_ACTION_PATTERN = /^sw_act_\d+$/;

/** An incident card: its sections, then its buttons, each carrying the incident id. */
export function renderCard(card: IncidentCard, t: Translator = translator('en')): SlackMessage {
  const emoji = card.tone === 'error' ? ':rotating_light:' : TONE_EMOJI[card.tone];
  const blocks: KnownBlock[] = [titleBlock(emoji, card.title), ...card.sections.flatMap(sectionBlocks)];
  if (card.buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: `incident:${card.incidentId}`,
      elements: card.buttons.map((button) => ({
        type: 'button' as const,
        action_id: cardActionId(button.action),
        text: { type: 'plain_text' as const, text: button.label, emoji: true },
        value: String(card.incidentId),
        ...(button.style ? { style: button.style } : {}),
      })),
    });
  }
  return { text: escapeMrkdwn(card.summary), blocks: fitBlocks(blocks, t) };
}

function titleBlock(emoji: string, title: string): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(`${emoji} *${escapeMrkdwn(title)}*`), verbatim: true },
  };
}

/** A section as one section block, or several when its text is longer than Slack allows in one. */
function sectionBlocks(section: Section): KnownBlock[] {
  const heading = section.heading ? `*${escapeMrkdwn(section.heading)}*` : undefined;
  const continued = section.heading ? `*${escapeMrkdwn(section.heading)} (continued)*` : undefined;
  const pieces = section.verbatim
    ? codeBlockPieces(section.lines, heading, continued)
    : splitSection(section.lines, mrkdwnText, MAX_SECTION, { first: heading, continued });
  return pieces.map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text || ' '), verbatim: true },
  }));
}

/** Someone's quoted wording in code blocks, where Slack neither formats nor links it, under its heading. */
function codeBlockPieces(lines: string[], heading?: string, continued?: string): string[] {
  const room = MAX_SECTION - CODE_BLOCK_FENCES - (continued ? continued.length + 1 : 0);
  return splitSection(lines, mrkdwnCodeLine, room, {}).map((piece, index) => {
    const title = index === 0 ? heading : continued;
    return title ? `${title}\n${mrkdwnCodeBlock(piece)}` : mrkdwnCodeBlock(piece);
  });
}

function clip(text: string): string {
  return text.length > MAX_SECTION ? `${text.slice(0, MAX_SECTION - 1)}…` : text;
}

/** At most 50 blocks: what does not fit is named plainly, with where to read it all. */
function fitBlocks(blocks: KnownBlock[], t: Translator, reserved = 0, whenTooLong?: string): KnownBlock[] {
  if (blocks.length <= MAX_BLOCKS - reserved) return blocks;
  const kept = blocks.slice(0, MAX_BLOCKS - reserved - 1);
  const said = t('toolong.slack', { count: blocks.length - kept.length });
  return [
    ...kept,
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(whenTooLong ? `${said} ${whenTooLong}` : said) }],
    },
  ];
}
