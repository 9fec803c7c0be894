import { z } from 'zod';
import type { AnyCommand, CommandOption } from './command.ts';
import { type Translator, translator } from './i18n/translator.ts';
import { sayIssue } from './spoken-error.ts';

/**
 * Checks one form field against the command's own schema, so a form can point at the field that is wrong and
 * keep the others. Returns the kind message, or undefined when the value is fine.
 */
export function checkFormField(
  command: AnyCommand,
  field: string,
  value: unknown,
  t: Translator = translator('en'),
): string | undefined {
  const schema =
    command.args instanceof z.ZodObject
      ? (command.args.shape as Record<string, z.ZodType>)[field]
      : undefined;
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  return result.success
    ? undefined
    : result.error.issues[0]
      ? sayIssue(result.error.issues[0], t)
      : t('run.field_invalid');
}

/** Every wrong field of a submitted form, by field name (empty when the whole form is fine), in `t`'s language. */
export function checkForm(
  command: AnyCommand,
  values: Record<string, unknown>,
  t: Translator = translator('en'),
): Record<string, string> {
  const result = command.args.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= sayIssue(issue, t);
  }
  return errors;
}

/** What a form field may hold, read from the command's own schema so a form can never accept more. */
export interface FieldLimits {
  required: boolean;
  minLength?: number;
  maxLength?: number;
}

/**
 * The limits of a text option, as the command's args schema checks them (optional, preprocessed and
 * transformed wrappers are looked through to the string inside). A form built from these refuses in place
 * what the command would refuse after submission, when everything typed could be lost.
 */
export function fieldLimits(command: AnyCommand, option: CommandOption): FieldLimits {
  const shape = command.args instanceof z.ZodObject ? (command.args.shape as Record<string, z.ZodType>) : {};
  let schema: z.ZodType | undefined = shape[option.name];
  for (let depth = 0; schema && depth < 8 && !(schema instanceof z.ZodString); depth++) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
      schema = schema.unwrap() as z.ZodType;
    else if (schema instanceof z.ZodPipe)
      schema = (schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType;
    else schema = undefined;
  }
  const text = schema instanceof z.ZodString ? schema : undefined;
  return {
    required: option.required,
    ...(text?.minLength ? { minLength: text.minLength } : {}),
    ...(typeof text?.maxLength === 'number' ? { maxLength: text.maxLength } : {}),
  };
}
