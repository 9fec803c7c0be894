import { platformName } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AttackChannel } from '../incident/attack-channel.ts';
import type { Platform } from '../post-url/types.ts';
import type { Section } from '../reply.ts';
import type { SafetyContacts } from '../settings.ts';
import { safetyContacts } from './safety-contacts.ts';

/**
 * What to do about an attack with no public link, by where it happened. Each follows the same guidance as a
 * post (disengage, keep the record, report it where it can be reported, don't face it alone) in the form that
 * channel takes: a message is screenshotted with the sender showing, a call written down at once, a letter kept
 * with its envelope, a complaint answered only with help.
 */
export function channelGuidance(
  t: Translator,
  channel: AttackChannel,
  platform: Platform,
  safety: SafetyContacts,
): Section {
  const contacts = safetyContacts(t, safety);
  switch (channel) {
    case 'dm': {
      // Where the message came: the app (no platform said), a website, or a platform by name.
      const where = {
        where:
          platform === 'offline' ? 'app' : platform === 'web' || platform === 'email' ? platform : 'other',
        platform: platformName(t, platform),
      };
      return {
        heading: t('guidance.dm.heading', where),
        lines: [t('guidance.dm.no_reply'), t('guidance.dm.screenshot'), t('guidance.dm.report', where)],
      };
    }
    case 'email':
      return {
        heading: t('guidance.email.heading'),
        lines: [t('guidance.email.keep'), t('guidance.email.block')],
      };
    case 'phone':
      return {
        heading: t('guidance.phone.heading'),
        lines: [t('guidance.phone.hang_up'), t('guidance.phone.block', { police: contacts.police })],
      };
    case 'complaint':
      return {
        heading: t('guidance.complaint.heading'),
        lines: [
          t('guidance.complaint.before_reply', { legal: contacts.legal }),
          t('guidance.complaint.keep'),
        ],
      };
    case 'letter':
      return {
        heading: t('guidance.letter.heading'),
        lines: [t('guidance.letter.photograph'), t('guidance.letter.police', { police: contacts.police })],
      };
    case 'in_person':
      return {
        heading: t('guidance.in_person.heading'),
        lines: [
          t('guidance.in_person.danger', { emergency: contacts.emergency }),
          t('guidance.in_person.write'),
        ],
      };
    case 'other':
      return { heading: t('guidance.other.heading'), lines: [t('guidance.other.keep')] };
  }
}
