import { describe, expect, it } from 'vitest';
import { discordText } from '../../adapters/discord/discord-text.ts';
import { packEmbeds } from '../../adapters/discord/pack-embeds.ts';
import { splitSection } from '../../adapters/split-text.ts';

describe('long replies in pieces a platform accepts', () => {
  it('cuts a section between lines, then between words, then between characters, and loses nothing', () => {
    const lines = ['short line', `${'word '.repeat(300)}end`, 'x'.repeat(250), 'last'];
    const pieces = splitSection(lines, (text) => text, 100, { first: '*H*', continued: '*H (continued)*' });
    expect(pieces.every((piece) => piece.length <= 100)).toBe(true);
    expect(pieces[0]?.startsWith('*H*')).toBe(true);
    expect(pieces.slice(1).every((piece) => piece.startsWith('*H (continued)*'))).toBe(true);
    const rejoined = pieces.map((piece) => piece.replace(/^\*H( \(continued\))?\*\n?/, '')).join('\n');
    expect(rejoined.replace(/\s+/g, '')).toBe(lines.join('').replace(/\s+/g, ''));
  });

  it('keeps every Discord message within its limits, and names plainly what could not be shown', () => {
    const sections = Array.from({ length: 30 }, (_, i) => ({
      heading: `Reported by colleague ${i + 1}`,
      lines: [`${'abuse '.repeat(330)}end of report ${i + 1}`],
    }));
    const messages = packEmbeds(
      0,
      'Content warning',
      sections,
      'A lead can export all of it (/export SW-1).',
    );
    expect(messages.length).toBe(5);
    for (const embeds of messages) {
      expect(embeds.length).toBeLessThanOrEqual(10);
      expect(embeds.every((embed) => (embed.description?.length ?? 0) <= 4096)).toBe(true);
      const total = embeds.reduce((sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
      expect(total).toBeLessThanOrEqual(6000);
    }
    const shown = messages.flat().map((embed) => embed.description ?? '');
    const notice = shown.at(-1) ?? '';
    expect(notice).toContain('Too long to show here');
    expect(notice).toContain(discordText('A lead can export all of it (/export SW-1).'));
    // Every report is either shown in full or accounted for in the notice: named, or counted in "and N more".
    const notShown = sections.filter(
      (_, i) => !shown.some((text) => text.includes(`end of report ${i + 1}`)),
    );
    const named = notShown.filter((section) => notice.includes(`“${section.heading}”`)).length;
    const more = Number(/and (\d+) more/.exec(notice)?.[1] ?? 0);
    expect(notShown.length).toBeGreaterThan(0);
    expect(named + more).toBe(notShown.length);
  });
});
