import type { Section } from '../../src/core/reply.ts';
import { splitSection } from '../split-text.ts';
import { CODE_BLOCK_FENCES, discordCodeBlock, discordCodeLine, discordText } from './discord-text.ts';

/**
 * A section as pieces of embed text of at most `max` characters: its heading in bold, then its lines escaped, or,
 * for someone's quoted wording, in code blocks, where Discord formats and links nothing.
 */
export function renderSection(section: Section, max: number): string[] {
  const heading = section.heading ? `**${discordText(section.heading)}**` : undefined;
  const continued = section.heading ? `**${discordText(section.heading)} (continued)**` : undefined;
  if (!section.verbatim) return splitSection(section.lines, discordText, max, { first: heading, continued });
  const room = max - CODE_BLOCK_FENCES - (continued ? continued.length + 1 : 0);
  return splitSection(section.lines, discordCodeLine, room, {}).map((piece, index) => {
    const title = index === 0 ? heading : continued;
    return title ? `${title}\n${discordCodeBlock(piece)}` : discordCodeBlock(piece);
  });
}
