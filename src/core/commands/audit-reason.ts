import { z } from 'zod';
import { hasUnsafeCharacters } from '../safe-text.ts';

/** Why a lead changed the ledger: every change that goes into the audit log needs one. */
export const auditReason = z
  .string({ error: 'audit.reason_missing' })
  .trim()
  .min(5, 'audit.reason_short')
  .max(1000, 'audit.reason_long')
  .refine((reason) => !hasUnsafeCharacters(reason), 'audit.reason_control');
