import { z } from 'zod';
import { CATEGORIES, type Category, categoryFromWord, categoryList, closestCategory } from '../categories.ts';
import type { MessageKey, MessageValues } from '../i18n/translator.ts';
import { ATTACK_PLACE_CHOICES, type AttackPlace, attackPlaceFromWord } from '../incident/attack-channel.ts';
import { TARGET_WANTS, type TargetWants } from '../incident/target-wants.ts';
import { type NormalizedPost, normalizePostUrl } from '../post-url/index.ts';
import { parseAttacker } from '../post-url/parse-attacker.ts';
import { pastedLinkWithoutTracking } from '../post-url/pasted-link.ts';
import { ok, type Result } from '../result.ts';
import { hasUnsafeCharacters } from '../safe-text.ts';
import { failSaying, issueSaying } from '../spoken-error.ts';
import { parseWhen } from '../when-it-happened.ts';
import { placeOfFlag } from './flag-place.ts';
import { memberOption } from './member-option.ts';

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

/**
 * What the link field held: a post's link, or, for an attack with no link, where it happened. `raw` is kept as
 * evidence ("as pasted"), less the parameters that identify who shared the link.
 */
export type FlagLink = { raw: string; post: NormalizedPost } | { raw: string; place: AttackPlace };

const UNKNOWN_CHANNEL = 'flag.unknown_place';

/** Every value a form may offer for `channel`. */
export const CHANNEL_CHOICES = ATTACK_PLACE_CHOICES;

const emptyAsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const YES = new Set(['yes', 'y', 'true', 'hide', 'oui', 'o']);
const NO = new Set(['no', 'n', 'false', 'non']);

/**
 * A yes-or-no field as typed (the terminal form, Slack's checkbox value) in English or French: `yes`/`oui`,
 * `no`/`non`, any case; empty is no answer. Anything else is left for the field's own refusal.
 */
export function yesOrNo(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (word === '') return undefined;
  return YES.has(word) ? true : NO.has(word) ? false : value;
}

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
    .superRefine((size, context) => {
      if (size <= MAX_SCREENSHOT_BYTES) return;
      context.addIssue(
        saying('flag.screenshot_too_big', {
          size: size / 1024 / 1024,
          max: MAX_SCREENSHOT_BYTES / 1024 / 1024,
        }),
      );
    })
    .optional(),
  /** The file itself, downloaded by the adapter; hashed and kept by the ledger. */
  content: z.instanceof(Uint8Array).optional(),
});

/**
 * A refusal the command runner says in the member's language (sayIssue), with the numbers it carries: zod's own
 * issues (too_big, invalid_value) have no room for them, so these checks add custom ones.
 */
function saying(
  key: MessageKey,
  values: MessageValues,
): { code: 'custom'; message: string; params: MessageValues } {
  return { code: 'custom', message: key, params: values };
}

/** An optional text field read by one of the core's parsers, whose kind refusal becomes the field's error. */
function optionalRead<T>(
  messages: { notText: string; max: number; tooLong: string },
  read: (text: string) => Result<T>,
) {
  return z.preprocess(
    emptyAsAbsent,
    z
      .string({ error: messages.notText })
      .max(messages.max, messages.tooLong)
      .transform((text, context) => {
        const value = read(text);
        if (value.ok) return value.value;
        context.addIssue(issueSaying(value.error));
        return z.NEVER;
      })
      .optional(),
  );
}

/** The validated shape of a flag, whichever adapter it came through. */
export const flagArgs = z
  .object({
    /**
     * The abusive post; absent for an attack with no public link, which says `channel` instead (or says it
     * here, in the link's place, as the text syntax does).
     */
    url: z.preprocess(
      emptyAsAbsent,
      z
        .string({ error: 'flag.link_not_text' })
        .trim()
        .max(MAX_URL_LENGTH, 'flag.link_too_long')
        // Normalised here, not in the handler, so a form can point at the one field that is wrong.
        .transform((raw, context): FlagLink => {
          // "phone" or "dm:instagram" in the link's place: there is no link, and this is where it happened.
          const place = attackPlaceFromWord(raw);
          if (place) return { raw, place };
          const post = normalizePostUrl(raw);
          if (post.ok) return { raw: pastedLinkWithoutTracking(raw), post: post.value };
          context.addIssue(issueSaying(post.error));
          return z.NEVER;
        })
        .optional(),
    ),
    /** Where an attack with no public link happened: `phone`, `complaint`, `dm:instagram`… */
    channel: optionalRead({ notText: UNKNOWN_CHANNEL, max: 100, tooLong: UNKNOWN_CHANNEL }, (word) => {
      const place = attackPlaceFromWord(word);
      return place ? ok(place) : failSaying('flag.channel', 'flag.unknown_place');
    }),
    /** The attacker's account (or name), when the link doesn't say or there is no link. */
    by: optionalRead(
      {
        notText: 'flag.by_not_text',
        max: MAX_URL_LENGTH,
        tooLong: 'flag.by_too_long',
      },
      parseAttacker,
    ),
    /** When it happened, if not just now. */
    when: optionalRead(
      {
        notText: 'when.not_text',
        max: 100,
        tooLong: 'when.too_long',
      },
      parseWhen,
    ),
    /** Absent when the reporter named none: the flag is filed as the default, harassment. */
    category: z.preprocess(
      (value) =>
        typeof value === 'string'
          ? value.trim() === ''
            ? undefined
            : (categoryFromWord(value) ?? value)
          : value,
      z
        .unknown()
        .transform((value, context): Category => {
          if (typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value)) {
            return value as Category;
          }
          const guess = typeof value === 'string' ? closestCategory(value) : undefined;
          const categories = categoryList();
          context.addIssue(
            guess
              ? saying('flag.category_unknown_guess', { guess, categories })
              : saying('flag.category_choose', { categories }),
          );
          return z.NEVER;
        })
        .optional(),
    ),
    severity: z.enum(['high', 'critical'], { error: 'flag.severity_invalid' }).optional(),
    note: z
      .string()
      .trim()
      .superRefine((note, context) => {
        if (note.length <= MAX_NOTE_LENGTH) return;
        // Stops here, so the check below never says it again without its numbers.
        const issue = saying('flag.note_too_long', { length: note.length, max: MAX_NOTE_LENGTH });
        context.addIssue({ ...issue, continue: false });
      })
      // The limit as forms read it (fieldLimits); the refinement above checks it first, with the numbers.
      .max(MAX_NOTE_LENGTH, 'flag.note_too_long')
      .refine((note) => !hasUnsafeCharacters(note), {
        error: 'flag.note_control_chars',
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
          error: 'flag.wants_invalid',
        })
        .optional(),
    ),
    /** Absent: the reporter's own post was attacked. */
    target: memberOption.optional(),
    /** The target's own post, where colleagues reply with support (never under the attack). */
    target_post: z.preprocess(
      emptyAsAbsent,
      z
        .string()
        .trim()
        .max(MAX_URL_LENGTH, 'flag.link_too_long')
        .transform((raw, context) => {
          const post = normalizePostUrl(raw);
          if (post.ok && post.value.kind !== 'email') return post.value.canonicalUrl;
          context.addIssue(
            post.ok ? { code: 'custom', message: 'flag.target_post_email' } : issueSaying(post.error),
          );
          return z.NEVER;
        })
        .optional(),
    ),
    /** Hide the reporter's name from the channel; leads still see it. */
    anonymous: z.preprocess(yesOrNo, z.boolean({ error: 'flag.anonymous_invalid' }).optional()),
    screenshots: z
      .array(screenshotRef)
      .superRefine((list, context) => {
        if (list.length > MAX_SCREENSHOTS) {
          context.addIssue(saying('flag.too_many_screenshots', { max: MAX_SCREENSHOTS }));
        }
      })
      .optional(),
  })
  // Which fields belong together (a link or a place, an account that fits them) is judged once all are read,
  // and pinned on the field to change.
  .superRefine(
    (args, context) => {
      const place = placeOfFlag(args);
      if (!place.ok) context.addIssue({ ...issueSaying(place.error), path: [place.field] });
    },
    // Only once every field reads: a field that failed has no value to judge together.
    { when: (payload) => payload.issues.length === 0 },
  );

export type FlagArgs = z.infer<typeof flagArgs>;
