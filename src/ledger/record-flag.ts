import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DEFAULT_TARGET_WANTS } from '../core/incident/target-wants.ts';
import type { FlagOutcome, FlagRecord, IncidentView, RecordedFlag } from '../core/ledger-port.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentRow, toOptionalAccount } from './rows.ts';
import { inTransaction } from './transaction.ts';

/**
 * Records one flag in one transaction, safe under any number of concurrent flags of the same post: the delivery
 * is claimed first (a retried delivery changes nothing), then the offender, the incident and the report are each
 * inserted with ON CONFLICT, so racing flags of one post end as one incident with every reporter on it.
 */
export async function recordFlag(pool: pg.Pool, flag: FlagRecord): Promise<RecordedFlag> {
  return inTransaction(pool, async (client): Promise<RecordedFlag> => {
    const claimed = await client.query(
      `INSERT INTO deliveries (platform, delivery_id, command) VALUES ($1, $2, 'flag')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [flag.delivery.platform, flag.delivery.id],
    );
    if (claimed.rowCount === 0) {
      const earlier = await client.query(
        'SELECT incident_id FROM deliveries WHERE platform = $1 AND delivery_id = $2',
        [flag.delivery.platform, flag.delivery.id],
      );
      const incidentId = Number(earlier.rows[0]?.incident_id);
      if (!Number.isInteger(incidentId)) throw new Error('a repeated delivery points at no incident');
      return { outcome: 'repeated-delivery', incident: await loadRecordedIncident(client, incidentId) };
    }
    const offenderId = flag.post.account ? await upsertOffender(client, flag.post.account) : null;
    const { id, created } = await upsertIncident(client, flag, offenderId);
    const reported = await client.query(
      `INSERT INTO incident_reports (incident_id, reporter_id, reporter_name, anonymous, source_url, note, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
      [id, flag.reporter.id, flag.reporter.name, flag.anonymous, flag.sourceUrl, flag.note ?? null, flag.at],
    );
    for (const file of flag.screenshots) {
      await client.query(
        `INSERT INTO incident_files (incident_id, reporter_id, platform, file_id, name, mimetype, size_bytes, content, sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [
          id,
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
    await client.query('UPDATE deliveries SET incident_id = $3 WHERE platform = $1 AND delivery_id = $2', [
      flag.delivery.platform,
      flag.delivery.id,
      id,
    ]);
    const outcome: FlagOutcome = created
      ? 'created'
      : reported.rowCount === 0
        ? 'already-reported'
        : 'co-reported';
    return { outcome, incident: await loadRecordedIncident(client, id) };
  });
}

async function loadRecordedIncident(client: pg.PoolClient, id: number): Promise<IncidentView> {
  const incident = await loadIncident(client, id);
  if (!incident) throw new Error(`incident ${id} vanished while it was recorded`);
  return incident;
}

async function upsertOffender(client: pg.PoolClient, account: AccountRef): Promise<number> {
  const inserted = await client.query(
    `INSERT INTO offenders (platform, handle, display, profile_url) VALUES ($1, $2, $3, $4)
     ON CONFLICT (platform, handle) DO NOTHING RETURNING id`,
    [account.platform, account.handle, account.display, account.profileUrl ?? null],
  );
  if (inserted.rows[0]) return Number(inserted.rows[0].id);
  const existing = await client.query('SELECT id FROM offenders WHERE platform = $1 AND handle = $2', [
    account.platform,
    account.handle,
  ]);
  return Number(existing.rows[0].id);
}

async function upsertIncident(
  client: pg.PoolClient,
  flag: FlagRecord,
  offenderId: number | null,
): Promise<{ id: number; created: boolean }> {
  // Look first so that co-reports do not burn reference numbers (an identity value is spent on every INSERT).
  const existing = await findAndUpdateIncident(client, flag, offenderId);
  if (existing !== undefined) return { id: existing, created: false };
  const inserted = await client.query(
    `INSERT INTO incidents (canonical_url, platform, kind, offender_id, category, severity, target_id, target_name,
                            target_wants, target_post_url, first_reported_at, consent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (canonical_url) DO NOTHING RETURNING id`,
    [
      flag.post.canonicalUrl,
      flag.post.platform,
      flag.post.kind,
      offenderId,
      flag.category,
      flag.severity,
      flag.target.id,
      flag.target.name,
      flag.wants ?? DEFAULT_TARGET_WANTS,
      flag.targetPostUrl ?? null,
      flag.at,
      // A self-flag is the target's own choice; a colleague's flag waits for the target to decide.
      flag.target.id === flag.reporter.id ? 'given' : 'pending',
    ],
  );
  if (inserted.rows[0]) return { id: Number(inserted.rows[0].id), created: true };
  // Another flag of the same post committed between our look and our insert.
  const raced = await findAndUpdateIncident(client, flag, offenderId);
  if (raced === undefined) throw new Error('incident conflict without a row');
  return { id: raced, created: false };
}

/**
 * A later flag can raise the severity, name the account or the target's post when the first did not, and the
 * target flagging it themselves decides (their flag is their consent, with what they want). The update only touches the row when it changes
 * something, so co-reports of one post do not queue on its row lock.
 */
async function findAndUpdateIncident(
  client: pg.PoolClient,
  flag: FlagRecord,
  offenderId: number | null,
): Promise<number | undefined> {
  const found = await client.query('SELECT id FROM incidents WHERE canonical_url = $1', [
    flag.post.canonicalUrl,
  ]);
  if (!found.rows[0]) return undefined;
  const id = Number(found.rows[0].id);
  const raises = `${SEVERITY_RANK('$2')} > ${SEVERITY_RANK('severity')}`;
  const targetsWish = '($4::text IS NOT NULL AND target_id = $5)';
  await client.query(
    `UPDATE incidents SET
       severity = CASE WHEN ${raises} THEN $2 ELSE severity END,
       offender_id = COALESCE(offender_id, $3),
       target_wants = CASE WHEN ${targetsWish} THEN $4 ELSE target_wants END,
       consent = CASE WHEN target_id = $5 THEN 'given' ELSE consent END,
       target_post_url = COALESCE(target_post_url, $6)
     WHERE id = $1 AND (${raises} OR (offender_id IS NULL AND $3::bigint IS NOT NULL)
       OR (${targetsWish} AND target_wants <> $4) OR (target_id = $5 AND consent <> 'given')
       OR (target_post_url IS NULL AND $6::text IS NOT NULL))`,
    [id, flag.severity, offenderId, flag.wants ?? null, flag.reporter.id, flag.targetPostUrl ?? null],
  );
  return id;
}

const SEVERITY_RANK = (value: string) => `array_position(ARRAY['medium','high','critical'], ${value}::text)`;

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
  if (!result.rows[0]) return undefined;
  const row = incidentRow.parse(result.rows[0]);
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
