import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { type Translator, translator } from '../../src/core/i18n/translator.ts';
import type { IncidentCard } from '../../src/core/incident/incident-card.ts';
import type { Reply, Section } from '../../src/core/reply.ts';
import { cardButtonId, replyActionId } from './discord-ids.ts';
import { clip } from './discord-text.ts';
import { packEmbeds } from './pack-embeds.ts';
import { renderSection } from './render-section.ts';

const TONE_COLOUR: Record<Reply['tone'], number> = {
  info: 0x457b9d,
  success: 0x2a9d8f,
  warning: 0xe9c46a,
  error: 0xe63946,
};

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/**
 * A core reply as embeds (the title, then each section as a bold heading and its lines) and its buttons, in as
 * many messages as Discord's limits need (usually one); the buttons go on the last.
 */
export function renderReply(
  reply: Reply,
  t: Translator = translator('en'),
  /** A private message's: the server it is sent from, which its buttons name. */
  guildId?: string,
): DiscordMessage[] {
  const buttons: APIButtonComponent[] = (reply.actions ?? []).map((action) => ({
    type: ComponentType.Button,
    custom_id: replyActionId(action.id, guildId),
    label: action.label.slice(0, 80),
    style: action.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
  }));
  // Discord allows five buttons in a row and five rows.
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < Math.min(buttons.length, 25); i += 5) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  }
  const messages = packEmbeds(TONE_COLOUR[reply.tone], reply.title, reply.sections, reply.whenTooLong, t);
  return messages.map((embeds, index) => ({
    embeds,
    components: index === messages.length - 1 ? rows : [],
  }));
}

/**
 * An incident card as an embed with its buttons; each button carries the action and the incident id. A card is
 * built by the core, short and without anyone's wording, so one embed always holds it.
 */
export function renderCard(card: IncidentCard): DiscordMessage {
  const buttons: APIButtonComponent[] = card.buttons.map((button) => ({
    type: ComponentType.Button,
    custom_id: cardButtonId(button.action, card.incidentId),
    label: button.label,
    style: button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
  }));
  return {
    embeds: [embed(card.tone, card.title, card.sections)],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}

function embed(tone: Reply['tone'], title: string, sections: Section[]): APIEmbed {
  const body = sections.map((section) => renderSection(section, 4096).join('\n')).join('\n\n');
  return {
    color: TONE_COLOUR[tone],
    // Titles are never parsed as markdown by Discord, so they need no escaping, only a length limit.
    title: clip(title, 256),
    ...(body ? { description: clip(body, 4096) } : {}),
  };
}
