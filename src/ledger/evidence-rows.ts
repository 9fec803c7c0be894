import { z } from 'zod';
import { CAPTURE_FAILURES } from '../core/capture/page-capturer.ts';
import { CATEGORIES, SEVERITIES } from '../core/categories.ts';
import { ATTACK_CHANNELS } from '../core/incident/attack-channel.ts';
import { OUTCOMES } from '../core/incident/outcomes.ts';
import { PLATFORMS, POST_KINDS } from '../core/post-url/types.ts';

// Rows are parsed before they become a pack: bigint columns arrive as strings, and a value outside the expected
// set means the schema and the code disagree, which must fail loudly rather than print wrong evidence.
const id = z.coerce.number().int().positive();
const count = z.coerce.number().int().nonnegative();

export const evidenceIncidentRow = z.object({
  id,
  canonical_url: z.string(),
  platform: z.enum(PLATFORMS),
  kind: z.enum(POST_KINDS),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(['open', 'resolved']),
  outcome: z.enum(OUTCOMES).nullable(),
  resolved_at: z.date().nullable(),
  first_reported_at: z.date(),
  occurred_at: z.date().nullable(),
  channel: z.enum(ATTACK_CHANNELS).nullable(),
  offender_named_by: z.enum(['link', 'member']).nullable(),
  supported: count,
  reported: count,
  o_platform: z.enum(PLATFORMS).nullable(),
  o_handle: z.string().nullable(),
  o_display: z.string().nullable(),
  o_profile_url: z.string().nullable(),
});

export const evidenceCountRow = z.object({ n: count });

export const evidenceReportRow = z.object({
  incident_id: id,
  reporter_id: z.string(),
  reporter_name: z.string().nullable(),
  anonymous: z.boolean(),
  is_target: z.boolean(),
  source_url: z.string(),
  note: z.string().nullable(),
  reported_at: z.date(),
});

export const evidenceFileRow = z.object({
  incident_id: id,
  reporter_id: z.string(),
  reporter_name: z.string().nullable(),
  anonymous: z.boolean(),
  is_target: z.boolean(),
  platform: z.string(),
  file_id: z.string(),
  name: z.string(),
  mimetype: z.string().nullable(),
  size_bytes: count.nullable(),
  // Not a column yet: downloading and hashing screenshots is a later step. Optional here so that the pack picks
  // the hash up as soon as the column exists (the query reads every column of incident_files).
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .transform((hex) => hex.toLowerCase())
    .nullish()
    .transform((hex) => hex ?? null),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const evidencePageCaptureRow = z.object({
  incident_id: id,
  page: z.enum(['post', 'account']),
  url: z.string(),
  state: z.enum(['pending', 'captured', 'failed']),
  failure: z.enum(CAPTURE_FAILURES).nullable(),
  captured_at: z.date().nullable(),
  final_url: z.string().nullable(),
  http_status: z.number().int().nullable(),
  screenshot_sha256: sha256.nullable(),
  screenshot_bytes: count.nullable(),
  html_sha256: sha256.nullable(),
  html_bytes: count.nullable(),
  archive_url: z.string().nullable(),
  gone_at: z.date().nullable(),
  gone_reason: z.enum(['removed', 'login-wall']).nullable(),
  still_up_at: z.date().nullable(),
  screenshot: z.instanceof(Buffer).nullable(),
});
