import { z } from 'zod';
import { replaceUnsafeCharacters } from '../safe-text.ts';

/** A member chosen by the adapter (a user select, a mention, a name), as a platform-qualified id and a name. */
export const memberOption = z.object({
  id: z.string().min(1).max(200),
  // Chat names come from the platform, not from a form, so odd characters are replaced rather than refused.
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((name) => replaceUnsafeCharacters(name, '')),
});
