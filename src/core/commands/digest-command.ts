import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { digestWeeks } from '../digest/digest-weeks.ts';
import { renderWeeklyDigest } from '../digest/render-weekly-digest.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { translator } from '../i18n/translator.ts';
import { errorReply } from '../reply.ts';
import { sayError } from '../spoken-error.ts';
import { parseWeek, weekContaining } from '../time.ts';

const digestArgs = z.object({
  week: z.string().trim().max(16, 'digestcmd.week_too_long').optional(),
});

export const digestCommand: CommandDefinition<z.infer<typeof digestArgs>> = {
  name: 'digest',
  summary: 'cmd.digest.summary',
  usage: 'cmd.digest.usage',
  examples: ['cmd.digest.example.this_week', 'cmd.digest.example.week'],
  access: 'lead',
  options: [{ name: 'week', description: 'cmd.digest.week.description', required: false }],
  parseText: (text) => ({ ok: true, value: { week: text.trim() === '' ? undefined : text.trim() } }),
  args: digestArgs,
  async run({ week: asked }, { ledger, now, settings, t }) {
    const week = asked
      ? parseWeek(asked, settings.timezone)
      : { ok: true as const, value: weekContaining(now, settings.timezone) };
    if (!week.ok) return errorReply({ code: week.error.code, message: sayError(week.error, t) });
    const digest = await ledger.weeklyDigest(
      digestWeeks(week.value, settings.timezone),
      settings.frequentRule,
    );
    // The leads' digest: the collective's language, like the one the schedule posts.
    const collective = translator(collectiveLanguage(settings));
    return renderWeeklyDigest(digest, settings.frequentRule, settings.timezone, now, collective);
  },
};
