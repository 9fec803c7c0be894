import type { Translator } from '../i18n/translator.ts';
import type { SafetyContacts } from '../settings.ts';

/**
 * Who to call, as the collective set it (a number, a named service) or, where it set nothing, the generic
 * service in the reader's language: a French sentence never carries an English default.
 */
export function safetyContacts(t: Translator, set: SafetyContacts): Required<SafetyContacts> {
  return {
    emergency: set.emergency ?? t('safety.emergency'),
    police: set.police ?? t('safety.police'),
    legal: set.legal ?? t('safety.legal'),
    wellbeing: set.wellbeing ?? t('safety.wellbeing'),
  };
}
