import { z } from 'zod';

// What Slack sends is checked before it is used: a payload is signed, but its values still come from people
// and from message state we wrote earlier.
const incidentId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const cardButtonPayload = z.object({
  value: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .pipe(incidentId),
});

/** Carried from the slash command through the flag modal, so the confirmation lands where /flag was typed. */
export const formMetadata = z.object({ responseUrl: z.url().optional() });

export const resolveMetadata = z.object({ incidentId, responseUrl: z.url().optional() });

export function parseMetadata<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
