import { z } from 'zod';
import type { AnyCommand } from './command.ts';

/**
 * Checks one form field against the command's own schema, so a form can point at the field that is wrong and
 * keep the others. Returns the kind message, or undefined when the value is fine.
 */
export function checkFormField(command: AnyCommand, field: string, value: unknown): string | undefined {
  const schema =
    command.args instanceof z.ZodObject
      ? (command.args.shape as Record<string, z.ZodType>)[field]
      : undefined;
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'This field is not right.');
}

/** Every wrong field of a submitted form, by field name (empty when the whole form is fine). */
export function checkForm(command: AnyCommand, values: Record<string, unknown>): Record<string, string> {
  const result = command.args.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
}
