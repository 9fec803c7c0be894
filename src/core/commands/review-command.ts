import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import type { ReviewAction } from '../ledger-port.ts';
import { accountOnPlatform } from '../post-url/account-on-platform.ts';
import { sameAccount } from '../post-url/same-account.ts';
import type { AccountRef } from '../post-url/types.ts';
import { errorReply, type Reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstArgument, firstWord } from '../text-words.ts';
import { auditReason } from './audit-reason.ts';
import { oneAccount } from './one-account.ts';

const ACTIONS = ['confirm', 'dispute', 'clear', 'link'] as const;
const USAGE =
  '/review <account> confirm|dispute|clear <reason> · /review <account> link <other account> <reason>';

const reviewArgs = z.object({
  account: z
    .string({ error: 'Name the account, like x:sometroll.' })
    .trim()
    .min(1, 'Name the account, like x:sometroll.'),
  action: z.enum(ACTIONS, { error: 'Say confirm, dispute, clear or link.' }),
  other: z.string().trim().min(1).optional(),
  reason: auditReason,
});
type ReviewArgs = z.infer<typeof reviewArgs>;

/** Leads confirm, dispute or clear an offender entry, or link two accounts of one person; always with a reason. */
export const reviewCommand: CommandDefinition<ReviewArgs> = {
  name: 'review',
  summary: 'cmd.review.summary',
  usage: 'cmd.review.usage',
  examples: ['cmd.review.example.confirm', 'cmd.review.example.link'],
  access: 'lead',
  options: [
    { name: 'account', description: 'cmd.review.account.description', required: true },
    { name: 'action', description: 'cmd.review.action.description', required: true, choices: ACTIONS },
    { name: 'reason', description: 'cmd.review.reason.description', required: true, multiline: true },
    { name: 'other', description: 'cmd.review.other.description', required: false },
  ],
  parseText: parseReviewText,
  args: reviewArgs,
  async run(args, { actor, ledger, now }) {
    if (args.action === 'link' && !args.other) {
      return errorReply({ code: 'review.other', message: `Name the other account to link. Usage: ${USAGE}` });
    }
    const account = await oneAccount(ledger, args.account);
    if (!account.ok) return errorReply(account.error);
    const other = args.other ? await oneAccount(ledger, args.other) : undefined;
    if (other && !other.ok) return errorReply(other.error);
    if (other?.ok && sameAccount(other.value, account.value)) {
      return errorReply({
        code: 'review.same',
        message: 'Those are the same account; name two different ones.',
      });
    }
    await ledger.reviewOffender({
      offender: account.value,
      action: args.action,
      ...(other?.ok ? { other: other.value } : {}),
      actorId: actor.id,
      reason: args.reason,
      at: now,
    });
    return done(args.action, account.value, other?.ok ? other.value : undefined);
  },
};

function parseReviewText(text: string): Result<Record<string, unknown>> {
  const { word: account, rest } = firstArgument(text);
  const { word: action, rest: afterAction } = firstWord(rest);
  if (!account || !action) return fail('review.usage', `Usage: ${USAGE}`);
  const lowered = action.toLowerCase();
  if (lowered === 'link') {
    const { word: other, rest: reason } = firstArgument(afterAction);
    return ok({ account, action: lowered, other, reason });
  }
  return ok({ account, action: lowered, reason: afterAction });
}

function done(action: ReviewAction, account: AccountRef, other: AccountRef | undefined): Reply {
  const name = accountOnPlatform(account);
  const what = {
    confirm: `Confirmed ${name} as a frequent-offender entry.`,
    dispute: `Marked ${name} as disputed: members will see to treat it with care.`,
    clear: `Cleared ${name}: it is off the frequent-offender list until it attacks again.`,
    link: `Linked ${name} with ${other ? accountOnPlatform(other) : 'the other account'} as one person.`,
  }[action];
  return {
    tone: 'success',
    title: what,
    sections: [{ lines: ['Recorded in the audit log with your reason.'] }],
  };
}
