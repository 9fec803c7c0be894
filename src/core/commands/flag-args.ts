import { z } from 'zod';
import { CATEGORIES, categoryFromWord, categoryList, closestCategory } from '../categories.ts';
import { TARGET_WANTS, type TargetWants } from '../incident/target-wants.ts';
import { normalizePostUrl } from '../post-url/index.ts';
import { hasUnsafeCharacters, replaceUnsafeCharacters } from '../safe-text.ts';

export const MAX_NOTE_LENGTH = 2000;
export const MAX_URL_LENGTH = 2048;
export const MAX_SCREENSHOTS = 10;

/** Words a person may type for what the target wants (the terminal form, Discord's free text). */
const WANTS_ALIASES: Record<string, TargetWants> = {
  support: 'replies',
  reply: 'replies',
  report: 'reports',
  documented: 'document',
  'document-only': 'document',
  none: 'document',
  dm: 'private',
};

const emptyAsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A member chosen by the adapter (a user select, a mention, a name), as a platform-qualified id and a name. */
const memberRef = z.object({
  id: z.string().min(1).max(200),
  // Chat names come from the platform, not from a form, so odd characters are replaced rather than refused.
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((name) => replaceUnsafeCharacters(name, '')),
});

/** A screenshot as the platform holds it; downloading and hashing it is the evidence step's job. */
export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;

const screenshotRef = z.object({
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(300),
  mimetype: z.string().max(100).optional(),
  size: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_SCREENSHOT_BYTES, {
      error: (issue) =>
        `A screenshot is ${(Number(issue.input) / 1024 / 1024).toFixed(1)} MB; the limit is ` +
        `${MAX_SCREENSHOT_BYTES / 1024 / 1024} MB. Crop it, or save it as a JPEG, and attach it again.`,
    })
    .optional(),
  /** The file itself, downloaded by the adapter; hashed and kept by the ledger. */
  content: z.instanceof(Uint8Array).optional(),
});

/** The validated shape of a flag, whichever adapter it came through. */
export const flagArgs = z.object({
  url: z
    .string({ error: 'Paste the link to the post after /flag.' })
    .trim()
    .min(1, 'Paste the link to the post after /flag.')
    .max(MAX_URL_LENGTH, 'That link is too long to be a post address; copy it again from the address bar.')
    // Normalised here, not in the handler, so a form can point at the one field that is wrong.
    .transform((raw, context) => {
      const post = normalizePostUrl(raw);
      if (post.ok) return { raw, post: post.value };
      context.addIssue({ code: 'custom', message: post.error.message });
      return z.NEVER;
    }),
  /** Absent when the reporter named none: the flag is filed as the default, harassment. */
  category: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value.trim() === ''
          ? undefined
          : (categoryFromWord(value) ?? value)
        : value,
    z
      .enum(CATEGORIES, {
        error: (issue) => {
          const guess = typeof issue.input === 'string' ? closestCategory(issue.input) : undefined;
          return guess
            ? `That category isn't one I know. Did you mean ${guess}? Categories: ${categoryList()}.`
            : `Choose one of these categories: ${categoryList()}.`;
        },
      })
      .optional(),
  ),
  severity: z.enum(['high', 'critical'], { error: 'Severity can be raised to high or critical.' }).optional(),
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, {
      error: (issue) =>
        `Your note is ${String((issue.input as string).length)} characters; please keep it under ` +
        `${MAX_NOTE_LENGTH}. The exact wording of the post and a line of context are plenty.`,
    })
    .refine((note) => !hasUnsafeCharacters(note), {
      error: 'Your note contains invisible control characters; type it again or paste it as plain text.',
    })
    .transform((note) => (note === '' ? undefined : note))
    .optional(),
  /** Absent: supportive replies and reports, what most people flagging in the channel ask for. */
  wants: z.preprocess(
    (value) => {
      const word = emptyAsAbsent(value);
      return typeof word === 'string'
        ? (WANTS_ALIASES[word.trim().toLowerCase()] ?? word.trim().toLowerCase())
        : word;
    },
    z
      .enum(TARGET_WANTS, {
        error: `Say what the person attacked wants: ${TARGET_WANTS.join(', ')}.`,
      })
      .optional(),
  ),
  /** Absent: the reporter's own post was attacked. */
  target: memberRef.optional(),
  /** The target's own post, where colleagues reply with support (never under the attack). */
  target_post: z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .trim()
      .max(MAX_URL_LENGTH, 'That link is too long to be a post address; copy it again from the address bar.')
      .transform((raw, context) => {
        const post = normalizePostUrl(raw);
        if (post.ok && post.value.kind !== 'email') return post.value.canonicalUrl;
        context.addIssue({
          code: 'custom',
          message: post.ok
            ? 'For the post to reply to, paste a web link (https://…), not an email address.'
            : post.error.message,
        });
        return z.NEVER;
      })
      .optional(),
  ),
  /** Hide the reporter's name from the channel; leads still see it. */
  anonymous: z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const word = value.trim().toLowerCase();
    if (word === '') return undefined;
    return ['yes', 'y', 'true', 'hide'].includes(word)
      ? true
      : ['no', 'n', 'false'].includes(word)
        ? false
        : value;
  }, z.boolean({ error: 'Answer yes to hide your name from the channel, or no.' }).optional()),
  screenshots: z
    .array(screenshotRef)
    .max(MAX_SCREENSHOTS, `Attach at most ${MAX_SCREENSHOTS} screenshots; the clearest few are enough.`)
    .optional(),
});

export type FlagArgs = z.infer<typeof flagArgs>;
