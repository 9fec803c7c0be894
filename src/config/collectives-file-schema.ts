import { z } from 'zod';
import { cronLine, languageCode, slackId, snowflake, timeZoneName } from './config-schema.ts';

/** A collective's id in the ledger: short, lower-case, safe in URLs and logs. */
export const COLLECTIVE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * The YAML reader keeps whole numbers as bigints (see read-collectives-file.ts), so a Discord id written without
 * quotes keeps every digit; as a plain number it would lose its last ones.
 */
const discordId = (description: string) =>
  z.preprocess((value) => (typeof value === 'bigint' ? String(value) : value), snowflake(description));

const wholeNumber = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'bigint' ? Number(value) : value),
    z
      .number()
      .int('must be a whole number, like 3')
      .min(1, 'must be at least 1')
      .max(max, `must be at most ${max}`),
  );

const slackChannel = slackId('C', 'a channel id like C0123456789');
const contact = z.string().trim().min(1, 'must not be empty');

// Strict objects throughout: a misspelt field (incidentChanel) is refused, not silently ignored.
const frequentSchema = z.strictObject({
  minIncidents: wholeNumber(1000).optional(),
  minTargets: wholeNumber(1000).optional(),
  windowDays: wholeNumber(36500).optional(),
  lapseDays: wholeNumber(36500).optional(),
  countShared: z.boolean().optional(),
});

const rallySchema = z.strictObject({
  waveSize: wholeNumber(100).optional(),
  waveMinutes: wholeNumber(10080).optional(),
  enough: wholeNumber(1000).optional(),
  consentMinutes: wholeNumber(10080).optional(),
});

const safetySchema = z.strictObject({
  emergency: contact.optional(),
  police: contact.optional(),
  legal: contact.optional(),
  wellbeing: contact.optional(),
});

const slackSchema = z.strictObject({
  team: slackId('T', 'a workspace (team) id like T0123456789'),
  botToken: z.string().trim().min(1, 'must not be empty').optional(),
  incidentChannel: slackChannel,
  leadsChannel: slackChannel.optional(),
  leads: z.array(slackId('UW', 'a user id like U0123456789')).default([]),
});

const discordSchema = z.strictObject({
  guild: discordId('a server (guild) id (a long number)'),
  incidentChannel: discordId('a channel id (a long number)'),
  leadsChannel: discordId('a channel id (a long number)').optional(),
  leadRole: discordId('a role id (a long number)').optional(),
});

const collectiveSchema = z
  .strictObject({
    id: z.string().regex(COLLECTIVE_ID, 'must be lower-case letters, digits and dashes, like ontario-md'),
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    timezone: timeZoneName.optional(),
    language: languageCode.optional(),
    share: z.boolean().optional(),
    digestCron: cronLine.optional(),
    frequent: frequentSchema.optional(),
    rally: rallySchema.optional(),
    safety: safetySchema.optional(),
    slack: slackSchema.optional(),
    discord: discordSchema.optional(),
  })
  .refine((collective) => collective.slack !== undefined || collective.discord !== undefined, {
    message: 'needs slack or discord (or both): where its members meet',
  });

/** The shape of the file SHIELDWALL_CONFIG names. */
export const collectivesFileSchema = z.strictObject({
  collectives: z.array(collectiveSchema).min(1, 'must list at least one collective'),
});

export type CollectivesFile = z.infer<typeof collectivesFileSchema>;
export type CollectiveEntry = CollectivesFile['collectives'][number];

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (name: value)',
};

/** Kind words for zod's own type errors; the schema's messages above take precedence over these. */
export function collectivesFileErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is missing';
  if (issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'bigint')) {
    return 'must be written in quotes, like "1234567890"';
  }
  return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
}
