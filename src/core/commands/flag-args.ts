import { z } from 'zod';
import { CATEGORIES, categoryFromWord, categoryList } from '../categories.ts';
import { normalizePostUrl } from '../post-url/index.ts';
import { hasUnsafeCharacters } from '../safe-text.ts';

export const MAX_NOTE_LENGTH = 2000;
export const MAX_URL_LENGTH = 2048;

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
    z.enum(CATEGORIES, { error: `Choose one of these categories: ${categoryList()}.` }).optional(),
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
});

export type FlagArgs = z.infer<typeof flagArgs>;
