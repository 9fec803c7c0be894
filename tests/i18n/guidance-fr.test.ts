import { describe, expect, it } from 'vitest';
import { captureAdvice, captureLines } from '../../src/core/capture/capture-text.ts';
import type { PageCaptureView } from '../../src/core/capture/page-captures.ts';
import {
  CATEGORIES,
  CATEGORY_SEVERITY,
  type Category,
  categoryFromWord,
  categoryListWithLabels,
  closestCategory,
} from '../../src/core/categories.ts';
import { buildGuidance } from '../../src/core/guidance/build-guidance.ts';
import { safetyContacts } from '../../src/core/guidance/safety-contacts.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { ATTACK_CHANNELS } from '../../src/core/incident/attack-channel.ts';
import type { IncidentView } from '../../src/core/ledger-port.ts';
import type { Section } from '../../src/core/reply.ts';
import type { SafetyContacts } from '../../src/core/settings.ts';
import { sampleIncident } from '../support/sample-incident.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const fr = translator('fr');
const en = translator('en');

// A Québec collective's contacts, written in French as such a collective would configure them.
const safety: SafetyContacts = {
  emergency: '911',
  police: '514 280-2222',
  legal: 'le service juridique de l’association',
  wellbeing: 'votre programme d’aide aux médecins',
};

const incident = sampleIncident;

const text = (sections: Section[]) => sections.map((s) => [s.heading, ...s.lines].join('\n')).join('\n');
const guide = (t = fr, overrides: Partial<IncidentView> = {}, captures?: PageCaptureView[] | 'starting') =>
  text(
    buildGuidance(t, {
      incident: incident(overrides),
      noteRecorded: false,
      safety,
      timezone: 'America/Toronto',
      ...(captures ? { captures } : {}),
    }),
  );

const asFlagged = (category: Category): Partial<IncidentView> => ({
  category,
  severity: CATEGORY_SEVERITY[category],
});

describe('the guidance in French, written for physicians in Canada', () => {
  it.each(CATEGORIES)('has no English sentence for a %s, and sends to the PAMQ', (category) => {
    const shown = guide(fr, asFlagged(category));
    expect(strayWords(shown, ENGLISH_WORDS)).toEqual([]);
    expect(shown).toContain('Programme d’aide aux médecins du Québec (PAMQ)');
    expect(shown).toContain('Ne répondez pas à l’agresseur');
    expect(shown).toContain('Faites une capture d’écran de la publication et de la page d’accueil du compte');
    expect(shown).toContain('https://help.x.com/fr/rules-and-policies/abusive-behavior');
  });

  it('puts safety first for threats and doxxing: 911, the police non-emergency number, the ACPM', () => {
    for (const category of ['threat', 'doxxing'] as const) {
      const sections = buildGuidance(fr, {
        incident: incident(asFlagged(category)),
        noteRecorded: true,
        safety,
        timezone: 'UTC',
      });
      expect(sections[0]?.heading).toBe('Votre sécurité d’abord');
      const first = sections[0]?.lines.join('\n') ?? '';
      expect(first).toContain('appelez le 911 sans attendre');
      expect(first).toContain('à la police (514 280-2222)');
      expect(first).toContain('SW-12');
      expect(first).toContain('Association canadienne de protection médicale (ACPM)');
    }
    expect(guide(fr, asFlagged('doxxing'))).toContain('retirer vos renseignements personnels');
    expect(guide(fr, asFlagged('harassment'))).not.toContain('Votre sécurité d’abord');
  });

  it.each(ATTACK_CHANNELS)('fits an attack by %s, in French', (channel) => {
    const shown = guide(fr, {
      kind: 'offline',
      channel,
      platform: channel === 'dm' ? 'instagram' : 'offline',
      canonicalUrl: 'offline:x',
      offender: null,
      ...asFlagged('threat'),
    });
    expect(strayWords(shown, ENGLISH_WORDS)).toEqual([]);
    expect(shown).toContain('911');
    expect(shown).toContain('vous écrivent en privé');
    expect(shown).not.toContain('offline:x');
  });

  it('sends a complaint to the ACPM before any answer, and names the place of a message', () => {
    const complaint = guide(fr, {
      kind: 'offline',
      channel: 'complaint',
      platform: 'offline',
      offender: null,
    });
    expect(complaint).toContain('N’y répondez pas sans soutien');
    expect(complaint).toContain('l’Association canadienne de protection médicale (ACPM)');
    expect(complaint).toContain('Plainte à l’employeur ou à l’ordre professionnel');
    const dm = guide(fr, { kind: 'offline', channel: 'dm', platform: 'instagram', offender: null });
    expect(dm).toContain('Bloquez et signalez l’expéditeur sur Instagram');
    expect(dm).toContain('Message privé sur Instagram');
  });

  it('links French help pages where the platform has them, and says when a page may be in English', () => {
    const youtube = guide(fr, { platform: 'youtube', canonicalUrl: 'https://youtube.com/watch?v=1' });
    expect(youtube).toContain('https://support.google.com/youtube/answer/2802268?hl=fr');
    expect(youtube).toContain('Règles et signalement : ');
    const linkedin = guide(fr, { platform: 'linkedin', canonicalUrl: 'https://linkedin.com/posts/1' });
    expect(linkedin).toContain('?lang=fr');
    const instagram = guide(fr, { platform: 'instagram', canonicalUrl: 'https://instagram.com/p/1' });
    expect(instagram).toContain('(page parfois offerte en anglais seulement) : https://help.instagram.com/');
    expect(instagram).toContain('Signalez l’attaque à Instagram');
    // English readers keep the English pages, with no note.
    expect(guide(en, { platform: 'youtube' })).toContain(
      'Policy and reporting: https://support.google.com/youtube/answer/2802268\n',
    );
    expect(guide(en, { platform: 'instagram' })).toContain(
      'Policy and reporting: https://help.instagram.com/527320407282978',
    );
  });

  it('reports a comment, an email, a Mastodon post and an unknown site in French', () => {
    const shown = [
      guide(fr, {
        kind: 'comment',
        platform: 'facebook',
        canonicalUrl: 'https://facebook.com/a/posts/1?c=9',
      }),
      guide(fr, {
        kind: 'email',
        platform: 'email',
        canonicalUrl: 'mailto:troll@example.com#1',
        offender: null,
      }),
      guide(fr, { platform: 'mastodon', canonicalUrl: 'https://mastodon.social/@troll/1' }),
      guide(fr, { platform: 'web', canonicalUrl: 'https://example.org/a', offender: null }),
    ];
    for (const one of shown) expect(strayWords(one, ENGLISH_WORDS)).toEqual([]);
    expect(shown[0]).toContain('signalez le commentaire lui-même');
    expect(shown[1]).toContain('transférez-le à abuse@example.com');
    expect(shown[1]).toContain('Signalez l’attaque au fournisseur de courriel');
    expect(shown[2]).toContain('l’équipe de modération de mastodon.social');
    expect(shown[3]).toContain('Signalez l’attaque au site');
  });
});

describe('page captures in French', () => {
  const capture = (overrides: Partial<PageCaptureView>): PageCaptureView => ({
    page: 'post',
    state: 'captured',
    failure: null,
    capturedAt: new Date('2026-11-18T15:05:00Z'),
    goneAt: null,
    goneReason: null,
    stillUpAt: null,
    ...overrides,
  });

  it('says what was captured, what failed and why, and whether the post is gone, without English', () => {
    const lines = [
      ...captureLines(
        fr,
        [capture({ goneAt: new Date('2026-11-19T10:00:00Z'), goneReason: 'login-wall' })],
        'UTC',
        true,
      ),
      ...captureLines(
        fr,
        [capture({ page: 'account', state: 'failed', failure: 'timed-out' })],
        'UTC',
        false,
      ),
      ...captureLines(
        fr,
        [capture({ state: 'pending', capturedAt: null, stillUpAt: new Date() })],
        'UTC',
        true,
      ),
      ...captureLines(fr, [capture({ capturedAt: null })], 'UTC', true),
      captureAdvice(fr, 'starting', 'comment', 'UTC'),
      captureAdvice(fr, [capture({})], 'post', 'UTC'),
      captureAdvice(fr, [capture({ state: 'failed', failure: 'refused-address' })], 'post', 'UTC'),
    ];
    for (const line of lines) expect(strayWords(line, ENGLISH_WORDS), line).toEqual([]);
    expect(lines[0]).toBe(
      'La publication a été capturée le 2026-11-18 15:05 UTC : une capture d’écran et la page elle-même, avec leur empreinte SHA-256, conservées avec le dossier.',
    );
    expect(lines[1]).toContain('derrière une page de connexion');
    expect(lines[2]).toContain(
      'La page du compte n’a pas pu être capturée (la page a mis trop de temps à se charger)',
    );
    expect(lines.at(-1)).toContain('adresse de réseau privé');
  });

  it('speaks of capturing in the French guidance, and of screenshots where there is nothing to capture', () => {
    expect(guide(fr, {}, 'starting')).toContain('Shieldwall capture en ce moment la publication');
    expect(
      guide(
        fr,
        { kind: 'email', platform: 'email', canonicalUrl: 'mailto:a@example.com#1', offender: null },
        'starting',
      ),
    ).toContain('Faites une capture d’écran de la publication');
  });
});

describe('categories in French', () => {
  it.each([
    ['menace', 'threat'],
    ['Menaces', 'threat'],
    ['violence', 'threat'],
    ['mort', 'threat'],
    ['viol', 'sexual'],
    ['sexuel', 'sexual'],
    ['harcèlementsexuel', 'sexual'],
    ['harcèlement-sexuel', 'sexual'],
    ['divulgation', 'doxxing'],
    ['doxxing', 'doxxing'],
    ['doxé', 'doxxing'],
    ['haine', 'hate'],
    ['raciste', 'hate'],
    ['racisme', 'hate'],
    ['plainte', 'complaint'],
    ['plaintes', 'complaint'],
    ['avis', 'complaint'],
    ['usurpation', 'impersonation'],
    ['imposteur', 'impersonation'],
    ['fauxcompte', 'impersonation'],
    ['faux-compte', 'impersonation'],
    ['meute', 'pileon'],
    ['trolls', 'pileon'],
    ['harcèlement', 'harassment'],
    ['harcelement', 'harassment'],
    ['HARCÈLEMENT', 'harassment'],
    ['abus', 'harassment'],
    ['autre', 'harassment'],
  ] as const)('accepts %s as %s', (word, category) => {
    expect(categoryFromWord(word)).toBe(category);
  });

  it('keeps the English keywords and aliases, and names nothing else', () => {
    expect(categoryFromWord('pile-on')).toBe('pileon');
    expect(categoryFromWord('doxxed')).toBe('doxxing');
    expect(categoryFromWord('constructor')).toBeUndefined();
    expect(categoryFromWord('bonjour')).toBeUndefined();
  });

  it.each([
    ['menance', 'threat'],
    ['harcelemnt', 'harassment'],
    ['harcèlemnt', 'harassment'],
    ['divulgaton', 'doxxing'],
    ['usurpaton', 'impersonation'],
    ['imposter', 'impersonation'],
    ['thraet', 'threat'],
  ] as const)('suggests %s → %s', (typo, category) => {
    expect(closestCategory(typo)).toBe(category);
  });

  it('does not take ordinary words for typos of short French words', () => {
    for (const word of ['more', 'most', 'plain', 'axis', 'auto', 'vile', 'bonjour', 'docteur']) {
      expect(closestCategory(word), word).toBeUndefined();
    }
  });

  it('lists the keywords with their labels in the reader’s language', () => {
    expect(categoryListWithLabels(fr)).toContain('threat (Menace violente), sexual (Harcèlement sexuel)');
    expect(categoryListWithLabels(en)).toContain('harassment (Harassment)');
  });
});

describe('safety contacts the collective left unset', () => {
  it('are named in the reader’s language, and the collective’s own always win', () => {
    expect(safetyContacts(translator('fr'), {})).toEqual({
      emergency: '911',
      police: 'le numéro non urgent de votre service de police local',
      legal: 'le service juridique de votre association',
      wellbeing: 'votre programme d’aide aux médecins ou d’aide aux employés',
    });
    expect(safetyContacts(translator('en'), {}).emergency).toBe(
      'your local emergency number (911 in North America, 999 in the UK, 112 in the EU)',
    );
    expect(safetyContacts(translator('fr'), { police: '514 280-2222' }).police).toBe('514 280-2222');
  });
});
