import { safetyContacts } from '../guidance/safety-contacts.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Reply } from '../reply.ts';
import type { SafetyContacts } from '../settings.ts';
import { formatInstant } from '../time.ts';
import type { LimitReason } from './member-limits.ts';

/**
 * What a member reads when a limit stopped their flag: what happened, that nothing was recorded, when they can
 * try again, and that danger now goes to emergency services and the leads, not to a queue.
 */
export function limitedFlagReply(
  reason: LimitReason,
  colleagueName: string | undefined,
  retryAt: Date,
  safety: SafetyContacts,
  timezone: string,
  t: Translator,
): Reply {
  const title =
    reason === 'flags'
      ? t('limits.flags')
      : colleagueName === undefined
        ? t('limits.questions_unnamed')
        : t('limits.questions', { colleague: colleagueName });
  return {
    tone: 'warning',
    title,
    sections: [
      {
        lines: [
          t('limits.retry_after', { when: formatInstant(retryAt, timezone) }),
          t('limits.danger_now', { emergency: safetyContacts(t, safety).emergency }),
        ],
      },
    ],
  };
}
