import { errorReply, type Reply } from './reply.ts';

/** The one answer for anyone outside the collective: polite, and it reveals nothing about any incident. */
export function notAMemberReply(): Reply {
  return errorReply({
    code: 'access.not_member',
    message:
      "Sorry, Shieldwall is only for members of the collective's private incident channel. If you should be " +
      'one, ask one of the association leads to add you.',
  });
}
