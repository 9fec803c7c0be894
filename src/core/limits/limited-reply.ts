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
): Reply {
  const why: Record<LimitReason, string> = {
    flags:
      'You have sent a lot of flags in a short time, so I am pausing new ones from you for a little while.',
    questions: `${colleagueName ?? 'This colleague'} has already been asked about several flags lately. To spare them, I won't ask them again just yet.`,
  };
  return {
    tone: 'warning',
    title: `${why[reason]} This flag was not recorded.`,
    sections: [
      {
        lines: [
          `You can flag it again after ${formatInstant(retryAt, timezone)}.`,
          `If anyone is in danger now, call ${safety.emergency} first, and contact your leads directly.`,
        ],
      },
    ],
  };
}
