import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { digestWeeks } from '../digest/digest-weeks.ts';
import { renderWeeklyDigest } from '../digest/render-weekly-digest.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { translator } from '../i18n/translator.ts';
import { errorReply } from '../reply.ts';
import { parseWeek, weekContaining } from '../time.ts';

const digestArgs = z.object({
  week: z.string().trim().max(16, 'Give the week like 2026-W47.').optional(),
});

export const digestCommand: CommandDefinition<z.infer<typeof digestArgs>> = {
  name: 'digest',
  summary:
    "The week's incidents by category, platform and severity, and the frequent offenders (leads only).",
  usage: '/digest [week, like 2026-W47]',
  examples: ['/digest', '/digest 2026-W47'],
  access: 'lead',
  options: [{ name: 'week', description: 'ISO week like 2026-W47 (default: this week)', required: false }],
  parseText: (text) => ({ ok: true, value: { week: text.trim() === '' ? undefined : text.trim() } }),
  args: digestArgs,
  async run({ week: asked }, { ledger, now, settings }) {
    const week = asked
      ? parseWeek(asked, settings.timezone)
      : { ok: true as const, value: weekContaining(now, settings.timezone) };
    if (!week.ok) return errorReply(week.error);
    const digest = await ledger.weeklyDigest(
      digestWeeks(week.value, settings.timezone),
      settings.frequentRule,
    );
    // The leads' digest: the collective's language, like the one the schedule posts.
    const t = translator(collectiveLanguage(settings));
    return renderWeeklyDigest(digest, settings.frequentRule, settings.timezone, now, t);
  },
};
