import { IANAZone } from 'luxon';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../core/i18n/language.ts';
import { DEFAULT_MEMBER_LIMITS } from '../core/limits/member-limits.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A switch: on/off (also true/false, yes/no, 1/0), to a boolean. */
const onOff = (fallback: 'on' | 'off') =>
  z
    .string()
    .trim()
    .toLowerCase()
    .default(fallback)
    .pipe(z.enum(['on', 'off', 'true', 'false', 'yes', 'no', '1', '0'], { error: 'must be on or off' }))
    .transform((value) => ['on', 'true', 'yes', '1'].includes(value));

/** A number of days for retention: whole, from one day to a century. */
const days = optionalText.pipe(
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number of days, like 365')
    .transform(Number)
    .pipe(z.number().int().min(1).max(36500))
    .optional(),
);

/** Slack ids are upper-case letters and digits with a known first letter (C for channels, U or W for users). */
export function slackId(firstLetters: string, description: string) {
  return z.string().regex(new RegExp(`^[${firstLetters}][A-Z0-9]{2,}$`), `must be ${description}`);
}

/** Discord ids are snowflakes: numbers of up to 20 digits, copied with Developer Mode on. */
export function snowflake(description: string) {
  return z.string().regex(/^\d{5,20}$/, `must be ${description}`);
}

const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Monday at 09:00, in the collective's time zone. */
const DEFAULT_DIGEST_CRON = '0 9 * * 1';

// The rules below are shared with the collectives file, so a value means the same in either place.

export const timeZoneName = z
  .string()
  .trim()
  .refine((zone) => IANAZone.isValidZone(zone), 'must be a time zone name such as America/Chicago or UTC');

export const cronLine = z
  .string()
  .trim()
  .refine((cron) => cron.split(/\s+/).length === 5, 'must be a cron line with five fields, like "0 9 * * 1"');

export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(LANGUAGES, { error: 'must be en (English) or fr (French)' }));

/**
 * Every environment variable Shieldwall reads, in one place. Parsed once at start-up; a wrong value stops the
 * bot with a message naming the variable (see loadConfig).
 */
export const envSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  SHIELDWALL_DATA_DIR: z.string().trim().min(1).default('./.shieldwall'),
  SHIELDWALL_PSEUDONYM_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (make one with `openssl rand -hex 32`)')
      .transform((key) => key.toLowerCase())
      .optional(),
  ),
  // Seals Slack installations (their tokens) in the ledger; kept outside it, like the pseudonym key.
  SHIELDWALL_INSTALL_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (make one with `openssl rand -hex 32`)')
      .transform((key) => key.toLowerCase())
      .optional(),
  ),
  SHIELDWALL_LEDGER_GRACE_SECONDS: positiveInt(60).pipe(z.number().min(5).max(3600)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHIELDWALL_TIMEZONE: z.string().default(systemZone).pipe(timeZoneName),
  DIGEST_CRON: z.string().default(DEFAULT_DIGEST_CRON).pipe(cronLine),
  SHIELDWALL_LANGUAGE: z.string().default(DEFAULT_LANGUAGE).pipe(languageCode),
  // A file configuring several collectives (YAML or JSON, see collectives-file.ts); unset: one, from these variables.
  SHIELDWALL_CONFIG: optionalText,
  SHIELDWALL_SHARE_SIGNALS: onOff('on'),
  // Unset, the collective is named in its own language (see load-config).
  SHIELDWALL_COLLECTIVE_NAME: z.string().trim().min(1).max(80).optional(),
  FREQUENT_MIN_INCIDENTS: positiveInt(3),
  FREQUENT_MIN_TARGETS: positiveInt(2),
  FREQUENT_WINDOW_DAYS: positiveInt(90),
  FREQUENT_LAPSE_DAYS: positiveInt(180),
  FREQUENT_COUNT_SHARED: onOff('off'),
  RALLY_WAVE_SIZE: positiveInt(8).pipe(z.number().max(100)),
  RALLY_WAVE_MINUTES: positiveInt(30),
  RALLY_ENOUGH: positiveInt(3),
  RALLY_CONSENT_MINUTES: positiveInt(120),
  RALLY_MESSAGES_PER_SECOND: positiveInt(20).pipe(z.number().max(1000)),
  // Per member, counted in each process (see README): flags, questions to one colleague, alerts to the leads.
  LIMIT_FLAGS_BURST: positiveInt(DEFAULT_MEMBER_LIMITS.flagsBurst.points).pipe(z.number().max(1000)),
  LIMIT_FLAGS_BURST_MINUTES: positiveInt(DEFAULT_MEMBER_LIMITS.flagsBurst.minutes).pipe(z.number().max(1440)),
  LIMIT_FLAGS_PER_HOUR: positiveInt(DEFAULT_MEMBER_LIMITS.flagsHourly.points).pipe(z.number().max(10000)),
  LIMIT_QUESTIONS_PER_COLLEAGUE_PER_DAY: positiveInt(
    DEFAULT_MEMBER_LIMITS.questionsToOneColleague.points,
  ).pipe(z.number().max(1000)),
  LIMIT_LEAD_ALERTS_PER_HOUR: positiveInt(DEFAULT_MEMBER_LIMITS.leadAlerts.points).pipe(z.number().max(1000)),
  // Unset, each contact is named in the reader's language (see core/safety-contacts.ts).
  SAFETY_EMERGENCY: z.string().trim().min(1).optional(),
  SAFETY_POLICE: z.string().trim().min(1).optional(),
  SAFETY_LEGAL: z.string().trim().min(1).optional(),
  SAFETY_WELLBEING: z.string().trim().min(1).optional(),
  // At least one screenshot at the 10 MB limit must fit.
  SCREENSHOTS_IN_MEMORY_MB: positiveInt(100).pipe(z.number().min(10).max(16384)),
  PORT: positiveInt(3000).pipe(z.number().max(65535)),
  // Page capture in a headless Chromium (see README, "Captured pages").
  CAPTURE: onOff('on'),
  CHROMIUM_PATH: optionalText,
  CAPTURE_TIMEOUT_SECONDS: positiveInt(45).pipe(z.number().min(5).max(600)),
  CAPTURE_MAX_MB: positiveInt(25).pipe(z.number().max(1024)),
  CAPTURE_CONCURRENCY: positiveInt(1).pipe(z.number().max(4)),
  CAPTURE_ATTEMPTS: positiveInt(3).pipe(z.number().max(10)),
  CAPTURE_RETRY_SECONDS: positiveInt(30).pipe(z.number().max(3600)),
  CAPTURE_RECHECK_DAYS: z
    .string()
    .trim()
    .default('1,7')
    .transform((list) => (list === '' || list === 'off' ? [] : list.split(',').map((day) => day.trim())))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,4}$/, 'must be whole numbers of days, like 1,7')
            .transform(Number),
        )
        .refine((days) => days.every((day, i) => day > 0 && (i === 0 || day > (days[i - 1] ?? 0))), {
          message: 'must be days after the flag in increasing order, like 1,7 (or off)',
        }),
    ),
  // Tests only: lets the browser open pages on this machine's loopback addresses. Never in production.
  CAPTURE_ALLOW_LOOPBACK_UNSAFE: onOff('off'),
  CAPTURE_ARCHIVE: onOff('off'),
  ARCHIVE_ACCESS_KEY: optionalText,
  ARCHIVE_SECRET_KEY: optionalText,
  ARCHIVE_API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  RETENTION_DAYS: days,
  RETENTION_IDLE_DAYS: days,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  // "Add to Slack" (see README, "Several associations"): the app's OAuth credentials.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  SLACK_APP_TOKEN: optionalText,
  SLACK_INCIDENT_CHANNEL: optionalText.pipe(slackId('C', 'a channel id like C0123456789').optional()),
  SLACK_LEADS_CHANNEL: optionalText.pipe(slackId('C', 'a channel id like C0123456789').optional()),
  SLACK_LEADS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(slackId('UW', 'a comma-separated list of user ids like U0123456789'))),
  SLACK_API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(snowflake('an application id (a long number)').optional()),
  DISCORD_INCIDENT_CHANNEL: optionalText.pipe(snowflake('a channel id (a long number)').optional()),
  DISCORD_LEADS_CHANNEL: optionalText.pipe(snowflake('a channel id (a long number)').optional()),
  DISCORD_LEAD_ROLE: optionalText.pipe(snowflake('a role id (a long number)').optional()),
  DISCORD_API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose values must never be echoed, not even in a configuration error. */
export const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'SHIELDWALL_PSEUDONYM_KEY',
  'SHIELDWALL_INSTALL_KEY',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'ARCHIVE_ACCESS_KEY',
  'ARCHIVE_SECRET_KEY',
]);
