import { createHash } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import type { FlagRecord, IncidentView, RecordedFlag, ScreenshotRef } from '../core/ledger-port.ts';
import { groupCommit } from './group-commit.ts';
import { incidentRow, rallyColumns, toOptionalAccount, toRallyState } from './rows.ts';
import { inTransaction } from './transaction.ts';

/** Flags go through `record_flags()` (migrations/0009_record_flag.sql), prepared once per connection. */
const RECORD_FLAGS = { name: 'record-flags', text: 'SELECT * FROM record_flags($1::jsonb)' };

/**
 * At most four writes at once, which leaves the pool (10) room for everything else, and a second one only for
 * four flags or more; a group is at most 25 flags.
 */
const GROUPS = { lanes: 4, maxBatch: 25, minBatchWhileBusy: 4 };

const recordedRow = incidentRow.extend(rallyColumns.shape).extend({
  outcome: z.enum(['created', 'co-reported', 'already-reported', 'repeated-delivery']),
});

/**
 * Records flags, safe under any number of concurrent flags of the same post and under retried deliveries: each
 * is one call of `record_flag()`, and the flags that arrive while the ledger is busy are recorded together in
 * one statement and one transaction (group commit). A flag with screenshots goes alone, with its files.
 */
export function createFlagRecorder(
  pool: pg.Pool,
  collectiveId: string,
): (flag: FlagRecord) => Promise<RecordedFlag> {
  const together = groupCommit((flags: FlagRecord[]) => recordFlags(pool, collectiveId, flags), GROUPS);
  return (flag) =>
    flag.screenshots.length === 0 ? together(flag) : recordWithScreenshots(pool, collectiveId, flag);
}

async function recordFlags(
  db: pg.Pool | pg.PoolClient,
  collectiveId: string,
  flags: FlagRecord[],
): Promise<RecordedFlag[]> {
  // In the order of their posts: two groups flagging the same posts then wait for each other, never deadlock.
  const order = flags.map((_, i) => i).sort((a, b) => byPost(flags[a] as FlagRecord, flags[b] as FlagRecord));
  const result = await db.query({
    ...RECORD_FLAGS,
    values: [
      JSON.stringify(
        order.map((i) => recordFlagArguments(flags[i] as FlagRecord, collectiveId)),
        wellFormed,
      ),
    ],
  });
  const recorded: RecordedFlag[] = [];
  order.forEach((flagIndex, row) => {
    recorded[flagIndex] = toRecordedFlag(result.rows[row]);
  });
  return recorded;
}

/**
 * A lone surrogate (half of an emoji, cut) is stored as U+FFFD, as a text parameter would be: PostgreSQL's
 * jsonb refuses the `\ud800` escape JSON.stringify writes for it, which would fail the whole group.
 */
const wellFormed = (_key: string, value: unknown) =>
  typeof value === 'string' ? value.replace(/\p{Surrogate}/gu, '\uFFFD') : value;

const byPost = (a: FlagRecord, b: FlagRecord) =>
  a.post.canonicalUrl < b.post.canonicalUrl ? -1 : a.post.canonicalUrl > b.post.canonicalUrl ? 1 : 0;

/** `record_flag()`'s arguments by name, as `record_flags()` reads each element. */
function recordFlagArguments(flag: FlagRecord, collectiveId: string) {
  const account = flag.post.account;
  return {
    delivery_platform: flag.delivery.platform,
    delivery_id: flag.delivery.id,
    post_url: flag.post.canonicalUrl,
    post_platform: flag.post.platform,
    post_kind: flag.post.kind,
    account_platform: account?.platform ?? null,
    account_handle: account?.handle ?? null,
    account_display: account?.display ?? null,
    account_profile_url: account?.profileUrl ?? null,
    account_named_by: account ? flag.accountNamedBy : null,
    flag_channel: flag.channel,
    flag_occurred_at: flag.occurredAt?.toISOString() ?? null,
    flag_category: flag.category,
    flag_severity: flag.severity,
    flag_target_id: flag.target.id,
    flag_target_name: flag.target.name,
    flag_wants: flag.wants ?? null,
    flag_target_post_url: flag.targetPostUrl ?? null,
    reporter_id: flag.reporter.id,
    reporter_name: flag.reporter.name,
    reporter_anonymous: flag.anonymous,
    source_url: flag.sourceUrl,
    note: flag.note ?? null,
    flagged_at: flag.at.toISOString(),
    flag_collective: collectiveId,
  };
}

function recordWithScreenshots(pool: pg.Pool, collectiveId: string, flag: FlagRecord): Promise<RecordedFlag> {
  return inTransaction(pool, async (client) => {
    const [recorded] = await recordFlags(client, collectiveId, [flag]);
    if (!recorded) throw new Error('record_flags() answered for no flag');
    // A repeated delivery brings the same files again; the first one kept them.
    if (recorded.outcome !== 'repeated-delivery') {
      for (const file of flag.screenshots) await insertScreenshot(client, recorded.incident.id, flag, file);
    }
    return recorded;
  });
}

function toRecordedFlag(value: unknown): RecordedFlag {
  const row = recordedRow.parse(value);
  return {
    outcome: row.outcome,
    incident: toIncidentView(row),
    rally: toRallyState(row),
  };
}

function insertScreenshot(
  client: pg.PoolClient,
  incidentId: number,
  flag: FlagRecord,
  file: ScreenshotRef,
): Promise<pg.QueryResult> {
  return client.query(
    `INSERT INTO incident_files (incident_id, reporter_id, platform, file_id, name, mimetype, size_bytes, content, sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      incidentId,
      flag.reporter.id,
      flag.delivery.platform,
      file.id,
      file.name,
      file.mimetype ?? null,
      file.content?.byteLength ?? file.size ?? null,
      file.content ? Buffer.from(file.content) : null,
      file.content ? createHash('sha256').update(file.content).digest('hex') : null,
    ],
  );
}

/** An incident of this collective by its number; another collective's number finds nothing. */
export async function loadIncident(
  pool: pg.Pool | pg.PoolClient,
  id: number,
  collectiveId: string,
): Promise<IncidentView | undefined> {
  const result = await pool.query(
    `SELECT i.id, i.canonical_url, i.platform, i.kind, i.category, i.severity, i.status, i.first_reported_at,
            i.target_id, i.target_name, i.target_wants, i.target_post_url, i.channel, i.occurred_at,
            i.offender_named_by, (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id) AS reporters,
            o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display, o.profile_url AS o_profile_url
     FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id WHERE i.id = $1 AND i.collective_id = $2`,
    [id, collectiveId],
  );
  return result.rows[0] ? toIncidentView(incidentRow.parse(result.rows[0])) : undefined;
}

function toIncidentView(row: z.infer<typeof incidentRow>): IncidentView {
  return {
    id: row.id,
    canonicalUrl: row.canonical_url,
    platform: row.platform,
    kind: row.kind,
    category: row.category,
    severity: row.severity,
    status: row.status,
    firstReportedAt: row.first_reported_at,
    occurredAt: row.occurred_at,
    channel: row.channel,
    reporters: row.reporters,
    offender: toOptionalAccount(row),
    offenderNamedBy: row.offender_named_by,
    wants: row.target_wants,
    target: { id: row.target_id, name: row.target_name ?? 'a member' },
    targetPostUrl: row.target_post_url,
  };
}

/** Whether a delivery changed the ledger already: a retry that must get its first answer, never a refusal. */
export async function deliveryRecorded(
  pool: pg.Pool,
  delivery: { platform: string; id: string },
): Promise<boolean> {
  const result = await pool.query('SELECT 1 FROM deliveries WHERE platform = $1 AND delivery_id = $2', [
    delivery.platform,
    delivery.id,
  ]);
  return (result.rowCount ?? 0) > 0;
}
