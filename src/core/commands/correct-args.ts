import { z } from 'zod';
import { parseAttacker } from '../post-url/parse-attacker.ts';
import { parseIncidentReference } from '../reference.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstWord } from '../text-words.ts';
import { auditReason } from './audit-reason.ts';
import { MAX_URL_LENGTH } from './flag-args.ts';
import { memberOption } from './member-option.ts';

export const CORRECT_USAGE =
  '/correct <SW-12> by:<account>|by:unknown [same-as:<account>] [target:me] <reason> · to name another member ' +
  'as the one attacked, type /correct alone for the form';

const NOTHING_TO_CHANGE =
  'Say what to correct: the attacker (by:@name, or by:unknown), who was attacked (target:me if it was you; ' +
  'another member in the form: type /correct alone), or another account of the same person (same-as:x:name).';

const TARGET_IN_TEXT =
  'Who was attacked can only be picked from the members of the channel: type /correct alone to open the form ' +
  '(on Discord, use the target option). If it was you, write target:me.';

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
        .string({ error: 'Say which incident to correct, like SW-12.' })
        .trim()
        .min(1, 'Say which incident to correct, like SW-12.')
        .max(40, 'Give the incident as the bot shows it, like SW-12.')
        .transform((text, context) => {
          const id = parseIncidentReference(text);
          if (id !== undefined) return id;
          context.addIssue({
            code: 'custom',
            // Not quoted back: what was typed may be anything, and is never repeated to the channel.
            message: "That isn't an incident reference. Give it as the bot shows it, like SW-12.",
          });
          return z.NEVER;
        }),
    ),
    /** The attacker's account as a member names it; resolved against the incident's platform by the handler. */
    by: z.preprocess(
      emptyAsAbsent,
      accountText("That's too long for an account. Give a handle like @name, or a profile link.")
        .transform((text, context) => {
          const attacker = parseAttacker(text);
          if (attacker.ok) return attacker.value;
          context.addIssue({ code: 'custom', message: attacker.error.message });
          return z.NEVER;
        })
        .optional(),
    ),
    /** Who was attacked: a member picked in a form, or `me`, the member correcting it (see correct-command). */
    target: z.union([z.literal('me'), memberOption]).optional(),
    /** Another account of the same person, as /review link takes it (leads only). */
    same_as: z.preprocess(
      emptyAsAbsent,
      accountText("That's too long for an account. Give it like x:name, or a profile link.").optional(),
    ),
    reason: auditReason,
  })
  .superRefine((args, context) => {
    if (args.by === undefined && args.target === undefined && args.same_as === undefined) {
      context.addIssue({ code: 'custom', path: ['by'], message: NOTHING_TO_CHANGE });
    }
  });

export type CorrectArgs = z.infer<typeof correctArgs>;

// `by:` and `same-as:` take one word, or a quoted value with spaces: by:"Jo Bloggs".
const OPTION = /^(by|same-as|same_as|sameas|target|for|attacked):(?:"([^"]*)"|(\S*))(?=\s|$)\s*([\s\S]*)$/i;

/** `/correct SW-12 [by:<account>] [same-as:<account>] [target:me] <reason…>`: the options in any order, then the reason. */
export function parseCorrectText(text: string): Result<Record<string, unknown>> {
  const { word: incident, rest } = firstWord(text);
  if (!incident) return fail('correct.usage', `Usage: ${CORRECT_USAGE}`);
  const fields: Record<string, string> = {};
  let remainder = rest;
  for (let option = OPTION.exec(remainder); option; option = OPTION.exec(remainder)) {
    const [, name = '', quoted, bare, after = ''] = option;
    const lowered = name.toLowerCase();
    if (['target', 'for', 'attacked'].includes(lowered)) {
      const value = (quoted ?? bare ?? '').trim().toLowerCase();
      if (!ME.has(value)) return fail('correct.target_text', TARGET_IN_TEXT);
      if (fields.target !== undefined) return fail('correct.option_twice', `Give ${name}: only once.`);
      fields.target = 'me';
      remainder = after;
      continue;
    }
    const key = lowered === 'by' ? 'by' : 'same_as';
    if (fields[key] !== undefined) return fail('correct.option_twice', `Give ${name}: only once.`);
    fields[key] = quoted ?? bare ?? '';
    remainder = after;
  }
  return ok({ incident, ...fields, reason: remainder });
}
