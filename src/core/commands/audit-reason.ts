import { z } from 'zod';
import { hasUnsafeCharacters } from '../safe-text.ts';

/** Why a lead changed the ledger: every change that goes into the audit log needs one. */
export const auditReason = z
  .string({ error: 'Every change needs a reason, for the audit log.' })
  .trim()
  .min(5, 'Every change needs a reason of a few words, for the audit log.')
  .max(1000, 'Keep the reason under 1,000 characters.')
  .refine((reason) => !hasUnsafeCharacters(reason), 'The reason contains invisible control characters.');
