import { describe, expect, it } from 'vitest';
import { buildResolveModal } from '../../adapters/slack/resolve-modal.ts';
import { notAMemberReply } from '../../src/core/access.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import type { Reply } from '../../src/core/reply.ts';
import {
  formGoneReply,
  noFileDeliveryReply,
  stoppingReply,
  unknownButtonReply,
  unknownFormReply,
} from '../../src/core/serve/serve-replies.ts';
import { ENGLISH_WORDS, FRENCH_WORDS, strayWords } from './stop-words.ts';

const text = (reply: Reply) =>
  [reply.title, ...reply.sections.flatMap((section) => [section.heading ?? '', ...section.lines])].join('\n');

/** What the serve layer answers by itself, in one language. */
function serveReplies(language: 'en' | 'fr'): Reply[] {
  const t = translator(language);
  const pack = {
    tone: 'success' as const,
    title: '',
    sections: [],
    file: { filename: 'SW-12.zip', data: new Uint8Array(), description: 'pack' },
  };
  return [
    notAMemberReply(t),
    stoppingReply(t),
    unknownButtonReply(t),
    unknownFormReply(t),
    formGoneReply('flag', t),
    noFileDeliveryReply(pack, t),
    noFileDeliveryReply({ ...pack, file: { filename: '', data: new Uint8Array(), description: 'pack' } }, t),
  ];
}

describe('the serve layer’s and the adapters’ own words', () => {
  it('are French for a French reader, with no English left', () => {
    const replies = serveReplies('fr');
    expect(replies[0]?.title).toMatch(/^Désolé, Shieldwall est réservé aux membres/);
    expect(replies[1]?.title).toBe(
      'Shieldwall redémarre en ce moment : rien n’a été enregistré ni modifié. Réessayez dans une minute.',
    );
    expect(replies[4]?.title).toContain('recommencez avec /flag.');
    for (const reply of replies) expect(strayWords(text(reply), ENGLISH_WORDS)).toEqual([]);
  });

  it('stay as they were in English', () => {
    const replies = serveReplies('en');
    expect(replies[1]?.title).toBe(
      'Shieldwall is restarting right now, so nothing was recorded or changed. Please try again in a minute.',
    );
    expect(text(replies[5] as Reply)).toContain("I can't send files here, so SW-12.zip was not sent.");
    expect(text(replies[6] as Reply)).toContain("I can't send files here, so the file was not sent.");
    for (const reply of replies) expect(strayWords(text(reply), FRENCH_WORDS)).toEqual([]);
  });

  it('ask how an incident ended in French in Slack’s modal', () => {
    const view = JSON.stringify(buildResolveModal(12, '{}', translator('fr')));
    expect(view).toContain('Clore SW-12');
    expect(view).toContain('Comment cela s’est-il terminé ?');
    const shown = [...view.matchAll(/"text":"([^"]*)"/g)].map((match) => match[1]).join('\n');
    expect(strayWords(shown, ENGLISH_WORDS)).toEqual([]);
  });
});
