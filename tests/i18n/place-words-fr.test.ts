import { describe, expect, it } from 'vitest';
import { captureFailedMessage } from '../../src/core/capture/capture-messages.ts';
import { attackerOn, placeName, platformName, whereText } from '../../src/core/i18n/place-words.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { whereAndWho } from '../../src/core/incident/describe-incident.ts';
import type { IncidentDetails } from '../../src/core/ledger-port.ts';
import { sampleIncident } from '../support/sample-incident.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const fr = translator('fr');
const en = translator('en');

describe('where an attack happened and who did it, one set of words', () => {
  it('names the generic platforms in French, and keeps brand names', () => {
    expect(platformName(fr, 'email')).toBe('Courriel');
    expect(platformName(fr, 'web')).toBe('le site Web');
    expect(platformName(fr, 'offline')).toBe('Hors plateforme');
    expect(platformName(fr, 'x')).toBe('X (Twitter)');
    expect(platformName(en, 'web')).toBe('the website');
    expect(placeName(fr, 'dm', 'instagram')).toBe('Message privé sur Instagram');
    expect(placeName(fr, 'dm', 'email')).toBe('Message privé');
    expect(placeName(en, 'phone', 'offline')).toBe('Phone call or text');
    expect(whereText(fr, { platform: 'email', channel: null })).toBe('Courriel');
  });

  it('says an attacker in French: on which platform, named by a member, or unknown', () => {
    const account = { platform: 'web', display: 'troll.example', handle: 'troll.example' } as const;
    expect(attackerOn(fr, null, null)).toBe('inconnu');
    expect(attackerOn(fr, account, 'member')).toBe('troll.example sur le site Web (nommé par un membre)');
    expect(attackerOn(en, account, 'member')).toBe('troll.example on the website (named by a member)');
    expect(attackerOn(en, account, 'link', 'web')).toBe('troll.example');
  });

  it('gives the card line of an email, and an attacker found elsewhere, in French', () => {
    const email = sampleIncident({
      platform: 'email',
      kind: 'email',
      offender: { platform: 'web', handle: 'troll.example', display: 'troll.example' },
      offenderNamedBy: 'member',
    });
    const line = whereAndWho(email, fr);
    expect(line).toBe('Plateforme : Courriel · Compte : troll.example sur le site Web (nommé par un membre)');
    expect(strayWords(line, ENGLISH_WORDS)).toEqual([]);
    expect(whereAndWho(email, en)).toBe(
      'Platform: Email · Account: troll.example on the website (named by a member)',
    );
  });

  it('says why a capture failed in French, in the message to whoever flagged it', () => {
    const details = {
      id: 12,
      status: 'open',
      pageCaptures: [{ page: 'post', state: 'failed', failure: 'login-wall' }],
    } as unknown as IncidentDetails;
    const reply = captureFailedMessage(details, fr);
    const text = reply?.sections.flatMap((section) => section.lines).join('\n') ?? '';
    expect(text).toContain('page de connexion');
    expect(strayWords(text, ENGLISH_WORDS)).toEqual([]);
  });
});
