import type { APIEmbed } from 'discord.js';
import { type Translator, translator } from '../../src/core/i18n/translator.ts';
import type { Section } from '../../src/core/reply.ts';
import { clip, discordText } from './discord-text.ts';
import { renderSection } from './render-section.ts';

// Discord refuses an embed description over 4,096 characters, a message whose embeds hold more than 6,000
// characters in all, or more than 10 embeds. Five messages answer one request at most; the last keeps room
// to say what was left out.
const DESCRIPTION = 4096;
const MESSAGE_CHARACTERS = 6000;
const EMBEDS_PER_MESSAGE = 10;
const MAX_MESSAGES = 5;
const NOTICE_ROOM = 1000;

interface Piece {
  text: string;
  section: number;
}

/**
 * A reply's title and sections as messages of embeds within Discord's limits: long sections continue in
 * further embeds and messages rather than being cut, and what can't be shown at all is named plainly.
 */
export function packEmbeds(
  colour: number,
  title: string,
  sections: Section[],
  whenTooLong: string | undefined,
  /** The reader's language, for the notice of what was left out. */
  t: Translator = translator('en'),
): APIEmbed[][] {
  const pieces: Piece[] = sections.flatMap((section, index) => {
    return renderSection(section, DESCRIPTION)
      .filter((text) => text !== '')
      .map((text) => ({ text, section: index }));
  });
  const messages: APIEmbed[][] = [[{ color: colour, title: clip(title, 256) }]];
  let total = clip(title, 256).length;
  const leftOut: Piece[] = [];
  for (const piece of pieces) {
    if (leftOut.length > 0) {
      leftOut.push(piece);
      continue;
    }
    const last = messages.length === MAX_MESSAGES;
    const budget = MESSAGE_CHARACTERS - (last ? NOTICE_ROOM : 0);
    const message = messages[messages.length - 1] as APIEmbed[];
    const embed = message[message.length - 1] as APIEmbed;
    const joined = embed.description === undefined ? piece.text : `${embed.description}\n\n${piece.text}`;
    const added = joined.length - (embed.description?.length ?? 0);
    if (joined.length <= DESCRIPTION && total + added <= budget) {
      embed.description = joined;
      total += added;
    } else if (message.length < EMBEDS_PER_MESSAGE - (last ? 1 : 0) && total + piece.text.length <= budget) {
      message.push({ color: colour, description: piece.text });
      total += piece.text.length;
    } else if (!last) {
      messages.push([{ color: colour, description: piece.text }]);
      total = piece.text.length;
    } else {
      leftOut.push(piece);
    }
  }
  if (leftOut.length > 0) {
    const notice = leftOutNotice(sections, pieces, leftOut, t, whenTooLong);
    (messages[messages.length - 1] as APIEmbed[]).push({ color: colour, description: notice });
  }
  return messages;
}

/** Says plainly which sections (or which parts of one) were not shown, and where to read them in full. */
function leftOutNotice(
  sections: Section[],
  all: Piece[],
  leftOut: Piece[],
  t: Translator,
  whenTooLong?: string,
): string {
  const indexes = [...new Set(leftOut.map((piece) => piece.section))];
  const names = indexes.map((index) => {
    const section = sections[index];
    const name = section?.heading
      ? t('toolong.heading', { heading: clip(section.heading, 80) })
      : t('toolong.part', { index: index + 1, total: sections.length });
    const partly = all.some((piece) => piece.section === index && !leftOut.includes(piece));
    return partly ? t('toolong.end_of', { name }) : name;
  });
  const first = names.slice(0, 5).join(', ');
  const listed = names.length > 5 ? t('toolong.and_more', { listed: first, count: names.length - 5 }) : first;
  const said = t('toolong.discord', { listed, count: names.length });
  return clip(discordText(whenTooLong ? `${said} ${whenTooLong}` : said), NOTICE_ROOM);
}
