import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { keywordOf } from '../i18n/keywords.ts';
import { accountOn } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ReviewAction } from '../ledger-port.ts';
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
  account: z.string({ error: 'review.need_account' }).trim().min(1, 'review.need_account'),
  action: z.enum(ACTIONS, { error: 'review.need_action' }),
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
  async run(args, { actor, ledger, now, t }) {
    if (args.action === 'link' && !args.other) {
      return errorReply({ code: 'review.other', message: t('review.need_other', { usage: USAGE }) });
    }
    const account = await oneAccount(ledger, args.account, t);
    if (!account.ok) return errorReply(account.error);
    const other = args.other ? await oneAccount(ledger, args.other, t) : undefined;
    if (other && !other.ok) return errorReply(other.error);
    if (other?.ok && sameAccount(other.value, account.value)) {
      return errorReply({ code: 'review.same', message: t('review.same') });
    }
    await ledger.reviewOffender({
      offender: account.value,
      action: args.action,
      ...(other?.ok ? { other: other.value } : {}),
      actorId: actor.id,
      reason: args.reason,
      at: now,
    });
    return done(t, args.action, account.value, other?.ok ? other.value : undefined);
  },
};

function parseReviewText(text: string, t: Translator): Result<Record<string, unknown>> {
  const { word: account, rest } = firstArgument(text);
  const { word: action, rest: afterAction } = firstWord(rest);
  if (!account || !action) return fail('review.usage', t('review.usage', { usage: USAGE }));
  const lowered = keywordOf('review', action);
  if (lowered === 'link') {
    const { word: other, rest: reason } = firstArgument(afterAction);
    return ok({ account, action: lowered, other, reason });
  }
  return ok({ account, action: lowered, reason: afterAction });
}

function done(
  t: Translator,
  action: ReviewAction,
  account: AccountRef,
  other: AccountRef | undefined,
): Reply {
  const name = accountOn(t, account);
  const title =
    action === 'link'
      ? t('review.done.link', {
          account: name,
          other: other ? accountOn(t, other) : t('review.the_other_account'),
        })
      : t(`review.done.${action}`, { account: name });
  return { tone: 'success', title, sections: [{ lines: [t('audit.recorded')] }] };
}
