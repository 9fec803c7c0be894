import { z } from 'zod';
import { CAPTURE_FAILURES } from '../core/capture/page-capturer.ts';
import { CATEGORIES, SEVERITIES } from '../core/categories.ts';
import { ATTACK_CHANNELS } from '../core/incident/attack-channel.ts';
import { OUTCOMES } from '../core/incident/outcomes.ts';
import { PLATFORMS, POST_KINDS } from '../core/post-url/types.ts';

/**
 * The JSON evidence pack, version 1. Recipients' systems read this shape, so it only ever grows: a field is
 * never renamed or removed without a new `version`, and readers should ignore fields they do not know.
 * Labels (`categoryLabel`, `platformName`, `channelLabel`, `outcomeLabel`) are the words the PDF prints, in the pack's language;
 * the codes beside them are the stable values to match on. Added since version 1 was first written, without
 * changing any other field: `channel`, `channelLabel`, `accountNamedBy`, `occurredAt` and `pageCaptures` on each
 * incident.
 */
export const JSON_PACK_VERSION = 1;

const instant = z
  .object({
    utc: z.iso.datetime().describe('ISO 8601 in UTC, to the second, e.g. 2026-11-21T14:05:09Z'),
    local: z.iso
      .datetime({ offset: true })
      .describe(
        "the same instant on the collective's clock, with its UTC offset, e.g. 2026-11-21T08:05:09-06:00",
      ),
  })
  .describe('one instant, in UTC and in the time zone named by the pack');

const account = z
  .object({
    platform: z.enum(PLATFORMS),
    handle: z.string().describe('the normalised key: lower case, or a stable id such as id:1000123'),
    display: z.string().describe('as the account spells itself, e.g. @SomeTroll; for a person, the name'),
    profileUrl: z
      .string()
      .nullable()
      .describe("the account's home page; null for email senders and people known only by name"),
  })
  .describe(
    "an account on a platform, or (platform offline) a person known only by name, such as a caller or a letter's signatory",
  );

const occurredAt = z
  .object({
    day: z.iso.date().describe("the day it happened, in the collective's time zone, e.g. 2026-11-16"),
    utc: z.iso.datetime().nullable().describe('the instant in UTC; null when only the day was given'),
    local: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe("the instant on the collective's clock, with its offset; null when only the day was given"),
  })
  .describe('when the attack happened, as the member who flagged it said');

const report = z.object({
  reporter: z.string().describe('"Reporter 1", "Reporter 2"… numbered across the whole pack, or a name'),
  byMemberAttacked: z.boolean().describe('the person attacked flagged it themselves (never named)'),
  reportedAt: instant,
  sourceUrl: z
    .string()
    .describe(
      'the link exactly as this reporter pasted it; for an attack with no public link, the place they chose ' +
        '(phone, complaint, dm:instagram…)',
    ),
  wording: z
    .string()
    .nullable()
    .describe('the abusive wording as the reporter gave it; null when none was given'),
});

const screenshot = z.object({
  name: z.string(),
  platform: z.string().describe('where the file is held: slack, discord…'),
  fileId: z.string().describe("the file's id on that platform"),
  mimetype: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .describe("the file's SHA-256 in lower-case hex; null while the screenshot is not downloaded yet"),
  reporter: z.string().describe('who attached it, labelled like the reports'),
});

const hashed = z
  .object({
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the stored bytes, lower-case hex'),
    bytes: z.number().int().nonnegative(),
  })
  .describe('a stored file, by hash and size; its bytes stay in the ledger');

const pageCapture = z
  .object({
    page: z.enum(['post', 'account']).describe("post: the post itself; account: the attacker's account page"),
    url: z.string().describe('the address the browser was asked for'),
    state: z
      .enum(['pending', 'captured', 'failed'])
      .describe('pending: not done when the pack was made; failed: nothing stored, see failure'),
    failure: z
      .enum(CAPTURE_FAILURES)
      .nullable()
      .describe('why nothing was stored; null unless state is failed'),
    failureText: z.string().nullable().describe('the failure in words, as the PDF prints it'),
    capturedAt: instant.nullable().describe('when the page loaded, or failed to; null while pending'),
    finalUrl: z.string().nullable().describe('the address after redirects'),
    httpStatus: z.number().int().nullable(),
    screenshot: hashed.nullable().describe('the full-page PNG, as a logged-out browser saw it'),
    html: hashed.nullable().describe('the HTML as the server sent it'),
    archiveUrl: z.string().nullable().describe("the Internet Archive's copy, when one was asked for"),
    goneAt: instant.nullable().describe('when a later check found the page gone; null while it was not'),
    goneReason: z.enum(['removed', 'login-wall']).nullable(),
    stillUpAt: instant.nullable().describe('the last check that found it still up'),
  })
  .describe(
    'a page the bot loaded in a logged-out browser when the incident was flagged, and what became of it',
  );

const incident = z.object({
  reference: z
    .string()
    .regex(/^SW-\d+$/)
    .describe("the collective's reference, e.g. SW-12"),
  id: z.number().int().positive(),
  postUrl: z
    .string()
    .describe(
      'the canonical link: every variant of one post gives this one. For kind email and offline it is not a ' +
        'link but the key the ledger deduplicates on (attacker, channel and day)',
    ),
  kind: z
    .enum(POST_KINDS)
    .describe(
      "post: one post, under its author's handle; comment: a comment or reply under someone else's post " +
        '(its link never says who wrote it); profile: an account page; email: an email sender; offline: an attack with no public link (see channel)',
    ),
  platform: z
    .enum(PLATFORMS)
    .describe('for a direct message, the platform it came on; offline: an attack on no platform at all'),
  platformName: z.string(),
  channel: z
    .enum(ATTACK_CHANNELS)
    .nullable()
    .describe(
      'where an attack with no public link happened (kind offline): dm, email, phone (a call or text), ' +
        'complaint (to an employer or licensing body), letter, in_person or other; null for a link',
    ),
  channelLabel: z.string().nullable().describe('the channel in words, e.g. "Phone call or text"'),
  account: account
    .nullable()
    .describe(
      'who did it; null when nobody knows: the link does not say (a comment link never does) and no member named them',
    ),
  accountNamedBy: z
    .enum(['link', 'member'])
    .nullable()
    .describe(
      'link: read from the link itself; member: named by the member who flagged it, as they knew it; ' +
        'null when account is null',
    ),
  category: z.enum(CATEGORIES),
  categoryLabel: z.string(),
  severity: z.enum(SEVERITIES),
  occurredAt: occurredAt
    .nullable()
    .describe('null when no member said: it is then taken to have happened when it was first reported'),
  firstReportedAt: instant,
  status: z.enum(['open', 'resolved']),
  resolution: z
    .object({ outcome: z.enum(OUTCOMES), outcomeLabel: z.string(), resolvedAt: instant })
    .nullable()
    .describe('how it ended; null while open'),
  actions: z
    .object({
      supportiveReplies: z.number().int().nonnegative().describe('members who replied with support'),
      reportsFiled: z.number().int().nonnegative().describe('members who reported it to the platform'),
    })
    .describe("colleagues' actions, each counted once per member"),
  reports: z.array(report).describe('oldest first'),
  screenshots: z.array(screenshot),
  pageCaptures: z.array(pageCapture).describe('by time, the post before the account page'),
});

export const evidencePackJsonSchema = z
  .object({
    format: z.literal('shieldwall-evidence-pack'),
    version: z.literal(JSON_PACK_VERSION),
    collective: z.string(),
    generatedAt: instant,
    timezone: z.string().describe("the collective's IANA time zone, used for every `local` time"),
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('offender'), account }),
      z.object({ kind: z.literal('incident'), reference: z.string().regex(/^SW-\d+$/) }),
    ]),
    reporters: z
      .enum(['anonymised', 'named'])
      .describe(
        'anonymised: all reporters are numbered; named: names at the lead’s request, except members who asked ' +
          'to stay anonymous and the person attacked, who keep a number',
      ),
    membersAttacked: z
      .number()
      .int()
      .nonnegative()
      .describe(
        'how many different members of the collective these incidents attacked; they are never named',
      ),
    incidentCount: z.number().int().nonnegative(),
    incidents: z.array(incident).describe('in time order, oldest first'),
  })
  .describe('A Shieldwall evidence pack: attacks on members of an advocacy collective, for third parties');

export type EvidencePackJson = z.infer<typeof evidencePackJsonSchema>;
