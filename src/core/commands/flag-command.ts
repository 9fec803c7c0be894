import { CATEGORIES, CATEGORY_INFO, DEFAULT_CATEGORY, maxSeverity } from '../categories.ts';
import type { CommandDefinition } from '../command.ts';
import { buildGuidance } from '../guidance/build-guidance.ts';
import { TARGET_WANTS, TARGET_WANTS_LABEL } from '../incident/target-wants.ts';
import type { NormalizedPost } from '../post-url/index.ts';
import { formatDay } from '../time.ts';
import { type FlagArgs, flagArgs } from './flag-args.ts';
import { parseFlagText } from './parse-flag-text.ts';
import { renderFlagOutcome } from './render-flag-outcome.ts';

export const flagCommand: CommandDefinition<FlagArgs> = {
  name: 'flag',
  summary: 'Flag an attack: the post is recorded in the ledger and you get what to do next.',
  usage: '/flag <post-url> [category] [!high|!critical] [note…]',
  examples: [
    "/flag https://x.com/SomeTroll/status/123 threat he said he'd find me after my shift",
    '/flag https://www.instagram.com/p/Cx1yZ/ hate',
  ],
  access: 'member',
  options: [
    {
      name: 'url',
      label: 'Link to the abusive post',
      description: "Link to the abusive post (or the sender's email address)",
      required: true,
    },
    {
      name: 'category',
      label: 'What kind of attack',
      description: 'What kind of attack (harassment if you skip)',
      required: false,
      choices: CATEGORIES,
      choiceLabels: Object.fromEntries(CATEGORIES.map((c) => [c, CATEGORY_INFO[c].label])),
    },
    {
      name: 'wants',
      label: 'What the person attacked wants',
      description: 'What the person attacked wants from colleagues (replies and reports if you skip)',
      required: false,
      choices: TARGET_WANTS,
      choiceLabels: TARGET_WANTS_LABEL,
    },
    {
      name: 'target',
      label: 'Whose post was attacked',
      description: 'Whose post was attacked (you, if you skip)',
      required: false,
      kind: 'member',
    },
    {
      name: 'target_post',
      label: 'Their own post, to reply to with support',
      description: "Link to the attacked person's own post, where colleagues can reply with support",
      required: false,
    },
    {
      name: 'note',
      label: 'The wording',
      description: 'The exact wording, and anything we should know',
      required: false,
      multiline: true,
    },
    {
      name: 'anonymous',
      label: 'Hide my name from the channel',
      description: 'Hide your name from the channel? Leads can still see it (no if you skip)',
      required: false,
      kind: 'yes-no',
    },
    {
      name: 'screenshots',
      label: 'Screenshots',
      description: 'Screenshots of the post and of the account page',
      required: false,
      kind: 'files',
    },
  ],
  form: { title: 'Flag an attack' },
  parseText: parseFlagText,
  args: flagArgs,
  notDone: {
    said: 'Your flag was NOT saved',
    tryAgain:
      'Please flag the post again in a minute; flagging the same post twice never counts it twice. ' +
      'If you are in danger now, call emergency services first.',
  },
  async run(args, { actor, delivery, now, ledger, settings, afterFlag }) {
    const category = args.category ?? DEFAULT_CATEGORY;
    const severity = maxSeverity(CATEGORY_INFO[category].severity, args.severity ?? 'medium');
    const recorded = await ledger.recordFlag({
      delivery,
      post: withIncidentKey(args.url.post, now, settings.timezone),
      sourceUrl: args.url.raw,
      category,
      severity,
      note: args.note,
      reporter: { id: actor.id, name: actor.name },
      anonymous: args.anonymous ?? false,
      target: args.target ?? { id: actor.id, name: actor.name },
      wants: args.wants,
      targetPostUrl: args.target_post,
      screenshots: args.screenshots ?? [],
      at: now,
    });
    await afterFlag?.(recorded);
    const guidance = buildGuidance({
      incident: recorded.incident,
      noteRecorded: args.note !== undefined,
      safety: settings.safety,
      timezone: settings.timezone,
    });
    return { ...renderFlagOutcome(recorded, args, guidance, actor), incidentId: recorded.incident.id };
  },
};

/**
 * A post is its own incident. An email has no public address, so abuse from one sender is grouped per day in
 * the collective's zone: colleagues flagging the same email that day join one incident.
 */
function withIncidentKey(post: NormalizedPost, now: Date, timezone: string): NormalizedPost {
  return post.kind === 'email'
    ? { ...post, canonicalUrl: `${post.canonicalUrl}#${formatDay(now, timezone)}` }
    : post;
}
