import type { Translator } from './i18n/translator.ts';
import { errorReply, type Reply } from './reply.ts';

/** The one answer for anyone outside the collective: polite, and it reveals nothing about any incident. */
export function notAMemberReply(t: Translator): Reply {
  return errorReply({ code: 'access.not_member', message: t('serve.not_member') });
}
