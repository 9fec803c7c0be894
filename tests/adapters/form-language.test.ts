import { describe, expect, it } from 'vitest';
import { buildCommandModal } from '../../adapters/slack/command-modal.ts';
import { TerminalForm } from '../../adapters/terminal/terminal-form.ts';
import { correctCommand } from '../../src/core/commands/correct-command.ts';
import { flagCommand } from '../../src/core/commands/flag-command.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { ok } from '../../src/core/result.ts';
import { ENGLISH_WORDS, strayWords } from '../i18n/stop-words.ts';

const slackModal = (language: 'en' | 'fr') =>
  buildCommandModal(flagCommand, {
    callbackId: 'form:flag',
    privateMetadata: '{}',
    userId: 'U1',
    t: translator(language),
  });

/** Every text a modal shows, whatever its block. */
function shownText(view: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (node.type === 'plain_text' && typeof node.text === 'string') texts.push(node.text);
      else Object.values(node).forEach(walk);
    }
  };
  walk(view);
  return texts;
}

describe("forms in the member's language", () => {
  it('keeps the Slack /flag modal in English for an English reader', () => {
    const texts = shownText(slackModal('en'));
    expect(texts).toContain('Flag an attack');
    expect(texts).toContain('Link to the abusive post (or where it happened)');
    expect(texts).toContain('Violent threat');
    expect(texts).toContain('Direct message on Instagram');
    expect(texts).toContain('Cancel');
  });

  it('draws the Slack /flag modal in French for a French reader, choices included', () => {
    const texts = shownText(slackModal('fr'));
    expect(texts).toContain('Signaler une attaque');
    expect(texts).toContain('Type d’attaque');
    expect(texts).toContain('Menace violente');
    expect(texts).toContain('Message privé sur Instagram');
    expect(texts).toContain('Annuler');
    expect(strayWords(texts.join('\n'), ENGLISH_WORDS)).toEqual([]);
  });

  it('asks the terminal form questions in French', () => {
    const form = new TerminalForm(
      correctCommand,
      (name) => ok({ id: `terminal:local:${name}`, name }),
      translator('fr'),
    );
    const first = form.begin();
    expect(first).toEqual({
      kind: 'ask',
      text:
        'Corriger un incident. Répondez à chaque question, ou tapez /cancel pour arrêter.\n' +
        '? L’incident à corriger, comme SW-12',
    });
    const second = form.answer('SW-12');
    expect(second).toEqual({
      kind: 'ask',
      text: '? Le bon agresseur : @nom, instagram:nom, un lien de profil, un nom, ou unknown (touche Entrée pour passer)',
    });
  });
});
