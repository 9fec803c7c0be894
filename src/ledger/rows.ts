import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../core/categories.ts';
import { ATTACK_CHANNELS } from '../core/incident/attack-channel.ts';
import { OUTCOMES } from '../core/incident/outcomes.ts';
import { TARGET_WANTS } from '../core/incident/target-wants.ts';
import { type AccountRef, PLATFORMS, POST_KINDS } from '../core/post-url/types.ts';
import type { RallyState } from '../core/rally/rally-store.ts';

// Rows are parsed before the core sees them: bigint columns arrive as strings, and a value outside the
// expected set means the schema and the code disagree, which should fail loudly rather than render nonsense.
const id = z.coerce.number().int().positive();
const count = z.coerce.number().int().nonnegative();
export const platform = z.enum(PLATFORMS);
export const category = z.enum(CATEGORIES);
export const severity = z.enum(SEVERITIES);
const status = z.enum(['open', 'resolved']);
const outcome = z.enum(OUTCOMES);

export const accountColumns = z.object({
  o_platform: platform,
  o_handle: z.string(),
  o_display: z.string(),
  o_profile_url: z.string().nullable(),
});

/** The same columns from a LEFT JOIN: all null when the incident names no account. */
export const optionalAccountColumns = z.object({
  o_platform: platform.nullable(),
  o_handle: z.string().nullable(),
  o_display: z.string().nullable(),
  o_profile_url: z.string().nullable(),
});

export const incidentRow = z
  .object({
    id,
    canonical_url: z.string(),
    platform,
    kind: z.enum(POST_KINDS),
    category,
    severity,
    status,
    first_reported_at: z.date(),
    reporters: count,
    target_id: z.string(),
    target_name: z.string().nullable(),
    target_wants: z.enum(TARGET_WANTS),
    target_post_url: z.string().nullable(),
    channel: z.enum(ATTACK_CHANNELS).nullable(),
    occurred_at: z.date().nullable(),
    offender_named_by: z.enum(['link', 'member']).nullable(),
  })
  .extend(optionalAccountColumns.shape);

export const offenderRow = z.object({ id, ...accountColumns.shape });

export const reviewedOffenderRow = offenderRow.extend({
  review: z.enum(['confirmed', 'disputed', 'cleared']).nullable(),
  reviewed_at: z.date().nullable(),
});

/**
 * An account with its whole history in one row: incidents, linked accounts and the latest audit entries come
 * as JSON arrays, where times are ISO strings.
 */
export const offenderHistoryRow = reviewedOffenderRow.extend({
  incidents: z.array(
    z.object({
      id,
      category,
      severity,
      status,
      first_reported_at: z.coerce.date(),
      target_id: z.string(),
      named_by: z.enum(['link', 'member']),
    }),
  ),
  links: z.array(accountColumns),
  shared: z
    .object({
      collectives: z.number().int().positive(),
      incidents: z.number().int().positive(),
      last_at: z.coerce.date(),
      times: z.array(z.object({ at: z.coerce.date(), target: z.number().int().positive() })),
    })
    .nullable(),
  audit: z.array(
    z
      .object({
        at: z.coerce.date(),
        actor_id: z.string(),
        action: z.enum(['confirm', 'dispute', 'clear', 'link', 'attribute', 'retarget']),
        reason: z.string(),
        moved_away: z.boolean(),
        incident_id: id.nullable(),
      })
      .extend(optionalAccountColumns.shape),
  ),
});

export const responderRow = z.object({
  member_id: z.string(),
  active: z.boolean(),
  platforms: z.array(platform),
  timezone: z.string().nullable(),
  quiet_start: z.number().int().nullable(),
  quiet_end: z.number().int().nullable(),
  daily_cap: z.number().int(),
  paused: z.boolean(),
});

export const countRow = z.object({
  category: category.nullable(),
  platform: platform.nullable(),
  severity: severity.nullable(),
  count,
});

export const candidateRow = z.object({ id, bound: count });

export const frequentRow = offenderRow.extend({
  incidents_in_window: count,
  targets_in_window: count,
  incidents_in_period: count,
});

/** What the rally engine needs of an incident, as `record_flag()` and a correction read it back. */
export const rallyColumns = z.object({
  status,
  consent: z.enum(['pending', 'asked', 'given', 'defaulted']),
  severity,
  target_id: z.string(),
  target_wants: z.enum(TARGET_WANTS),
  rally_wave: z.number().int().nonnegative(),
  last_wave_at: z.date().nullable(),
});

export function toRallyState(row: z.infer<typeof rallyColumns>): RallyState {
  return {
    status: row.status,
    consent: row.consent,
    severity: row.severity,
    targetId: row.target_id,
    wants: row.target_wants,
    wave: row.rally_wave,
    lastWaveAt: row.last_wave_at,
  };
}

export const incidentExtrasRow = z.object({
  consent: z.enum(['pending', 'asked', 'given', 'defaulted']),
  consent_deadline: z.date().nullable(),
  alerted: count,
  on_it: count,
  outcome: outcome.nullable(),
  resolved_by: z.string().nullable(),
  resolved_at: z.date().nullable(),
  supported: count,
  reported: count,
  has_wording: z.boolean(),
  screenshots: count,
  purged: z.boolean(),
});

export const reporterRow = z.object({
  reporter_id: z.string(),
  reporter_name: z.string().nullable(),
  anonymous: z.boolean(),
  reported_at: z.date(),
  note: z.string().nullable(),
});

export const memberIncidentRow = z.object({
  id,
  category,
  severity,
  status,
  outcome: outcome.nullable(),
  first_reported_at: z.date(),
  role: z.enum(['target', 'reporter']),
});

export function toAccount(row: z.infer<typeof accountColumns>): AccountRef {
  return {
    platform: row.o_platform,
    handle: row.o_handle,
    display: row.o_display,
    ...(row.o_profile_url ? { profileUrl: row.o_profile_url } : {}),
  };
}

export function toOptionalAccount(row: z.infer<typeof optionalAccountColumns>): AccountRef | null {
  const { o_platform, o_handle, o_display, o_profile_url } = row;
  return o_platform && o_handle && o_display
    ? toAccount({ o_platform, o_handle, o_display, o_profile_url })
    : null;
}
