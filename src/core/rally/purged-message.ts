import { collectiveLanguage } from '../i18n/member-language.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import type { Reply } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';

/**
 * What a private message of the rally (an alert, a question, a lead's alert) becomes once its incident's
 * personal data is purged: it says so, and nothing else. It is not told which incident: nothing left in the
 * ledger links the message to it. Nor whose it was, so it is said in the collective's language.
 */
export function purgedMessage(
  settings: CollectiveSettings,
  t: Translator = translator(collectiveLanguage(settings)),
): Reply {
  return {
    tone: 'info',
    title: t('rally.purged', { collective: settings.collectiveName }),
    sections: [],
  };
}
