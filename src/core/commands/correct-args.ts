import { z } from 'zod';
import { type Translator, translator } from '../i18n/translator.ts';
import { parseAttacker } from '../post-url/parse-attacker.ts';
import { parseIncidentReference } from '../reference.ts';
import { fail, ok, type Result } from '../result.ts';
import { issueSaying } from '../spoken-error.ts';
import { firstWord } from '../text-words.ts';
import { auditReason } from './audit-reason.ts';
import { MAX_URL_LENGTH } from './flag-args.ts';
import { memberOption } from './member-option.ts';

export const CORRECT_USAGE =
  '/correct <SW-12> by:<account>|by:unknown [same-as:<account>] [target:me] <reason> · to name another member ' +
  'as the one attacked, type /correct alone for the form';

/** What `target:` takes in text: only the member typing it, who is then resolved by the handler. */
const ME = new Set(['me', 'myself', 'moi']);

const emptyAsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const accountText = (message: string) => z.string().trim().max(MAX_URL_LENGTH, message);

/** The validated shape of a correction, whichever adapter it came through. */
export const correctArgs = z
  .object({
    incident: z.preprocess(
      (value) => (typeof value === 'number' ? String(value) : value),
      z
        .string({ error: 'correct.need_incident' })
        .trim()
        .min(1, 'correct.need_incident')
        .max(40, 'correct.incident_too_long')
        .transform((text, context) => {
          const id = parseIncidentReference(text);
          if (id !== undefined) return id;
          context.addIssue({
            code: 'custom',
            // Not quoted back: what was typed may be anything, and is never repeated to the channel.
            message: 'correct.not_reference',
          });
          return z.NEVER;
        }),
    ),
    /** The attacker's account as a member names it; resolved against the incident's platform by the handler. */
    by: z.preprocess(
      emptyAsAbsent,
      // The same field as /flag's by:, refused in the same words.
      accountText('flag.by_too_long')
        .transform((text, context) => {
          const attacker = parseAttacker(text);
          if (attacker.ok) return attacker.value;
          context.addIssue(issueSaying(attacker.error));
          return z.NEVER;
        })
        .optional(),
    ),
    /** Who was attacked: a member picked in a form, or `me`, the member correcting it (see correct-command). */
    target: z.union([z.literal('me'), memberOption]).optional(),
    /** Another account of the same person, as /review link takes it (leads only). */
    same_as: z.preprocess(emptyAsAbsent, accountText('correct.same_as_too_long').optional()),
    reason: auditReason,
  })
  .superRefine((args, context) => {
    if (args.by === undefined && args.target === undefined && args.same_as === undefined) {
      context.addIssue({ code: 'custom', path: ['by'], message: 'correct.say_what' });
    }
  });

export type CorrectArgs = z.infer<typeof correctArgs>;

// `by:` and `same-as:` take one word, or a quoted value with spaces: by:"Jo Bloggs".
const OPTION = /^(by|same-as|same_as|sameas|target|for|attacked):(?:"([^"]*)"|(\S*))(?=\s|$)\s*([\s\S]*)$/i;

/** `/correct SW-12 [by:<account>] [same-as:<account>] [target:me] <reason…>`: the options in any order, then the reason. */
export function parseCorrectText(
  text: string,
  t: Translator = translator('en'),
): Result<Record<string, unknown>> {
  const { word: incident, rest } = firstWord(text);
  if (!incident) return fail('correct.usage', t('correct.usage', { usage: CORRECT_USAGE }));
  const fields: Record<string, string> = {};
  let remainder = rest;
  for (let option = OPTION.exec(remainder); option; option = OPTION.exec(remainder)) {
    const [, name = '', quoted, bare, after = ''] = option;
    const lowered = name.toLowerCase();
    if (['target', 'for', 'attacked'].includes(lowered)) {
      const value = (quoted ?? bare ?? '').trim().toLowerCase();
      if (!ME.has(value)) return fail('correct.target_text', t('correct.target_text'));
      if (fields.target !== undefined)
        return fail('correct.option_twice', t('correct.option_twice', { option: name }));
      fields.target = 'me';
      remainder = after;
      continue;
    }
    const key = lowered === 'by' ? 'by' : 'same_as';
    if (fields[key] !== undefined)
      return fail('correct.option_twice', t('correct.option_twice', { option: name }));
    fields[key] = quoted ?? bare ?? '';
    remainder = after;
  }
  return ok({ incident, ...fields, reason: remainder });
}
