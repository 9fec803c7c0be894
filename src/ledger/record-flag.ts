import { createHash } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import type { FlagRecord, IncidentView, RecordedFlag, ScreenshotRef } from '../core/ledger-port.ts';
import { incidentRow, toOptionalAccount } from './rows.ts';
import { inTransaction } from './transaction.ts';

/** The call of `record_flag()` (migrations/0009_record_flag.sql), prepared once per connection. */
const RECORD_FLAG = {
  name: 'record-flag',
  text: `SELECT * FROM record_flag(${Array.from({ length: 21 }, (_, i) => `$${i + 1}`).join(', ')})`,
};

const recordedRow = incidentRow.extend({
  outcome: z.enum(['created', 'co-reported', 'already-reported', 'repeated-delivery']),
  consent: z.enum(['pending', 'asked', 'given', 'defaulted']),
  rally_wave: z.number().int().nonnegative(),
  last_wave_at: z.date().nullable(),
});

/**
 * Records one flag, safe under any number of concurrent flags of the same post and under retried deliveries:
 * the whole of it is one statement, `record_flag()`, so one round trip and one transaction. Screenshots, when
 * there are any, are added in the same transaction.
 */
export async function recordFlag(pool: pg.Pool, flag: FlagRecord): Promise<RecordedFlag> {
  const account = flag.post.account;
  const call = {
    ...RECORD_FLAG,
    values: [
      flag.delivery.platform,
      flag.delivery.id,
      flag.post.canonicalUrl,
      flag.post.platform,
      flag.post.kind,
      account?.platform ?? null,
      account?.handle ?? null,
      account?.display ?? null,
      account?.profileUrl ?? null,
      flag.category,
      flag.severity,
      flag.target.id,
      flag.target.name,
      flag.wants ?? null,
      flag.targetPostUrl ?? null,
      flag.reporter.id,
      flag.reporter.name,
      flag.anonymous,
      flag.sourceUrl,
      flag.note ?? null,
      flag.at,
    ],
  };
  if (flag.screenshots.length === 0) return toRecordedFlag(await pool.query(call));
  return inTransaction(pool, async (client) => {
    const recorded = toRecordedFlag(await client.query(call));
    // A repeated delivery brings the same files again; the first one kept them.
    if (recorded.outcome !== 'repeated-delivery') {
      for (const file of flag.screenshots) await insertScreenshot(client, recorded.incident.id, flag, file);
    }
    return recorded;
  });
}

function toRecordedFlag(result: pg.QueryResult): RecordedFlag {
  const row = recordedRow.parse(result.rows[0]);
  return {
    outcome: row.outcome,
    incident: toIncidentView(row),
    rally: {
      status: row.status,
      consent: row.consent,
      severity: row.severity,
      targetId: row.target_id,
      wants: row.target_wants,
      wave: row.rally_wave,
      lastWaveAt: row.last_wave_at,
    },
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

export async function loadIncident(
  pool: pg.Pool | pg.PoolClient,
  id: number,
): Promise<IncidentView | undefined> {
  const result = await pool.query(
    `SELECT i.id, i.canonical_url, i.platform, i.kind, i.category, i.severity, i.status, i.first_reported_at,
            i.target_id, i.target_name, i.target_wants, i.target_post_url,
            (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id) AS reporters,
            o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display, o.profile_url AS o_profile_url
     FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id WHERE i.id = $1`,
    [id],
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
    reporters: row.reporters,
    offender: toOptionalAccount(row),
    wants: row.target_wants,
    target: { id: row.target_id, name: row.target_name ?? 'a member' },
    targetPostUrl: row.target_post_url,
  };
}
