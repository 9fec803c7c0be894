import type pg from 'pg';
import type {
  EvidenceFileRecord,
  EvidenceIncidentRecord,
  EvidenceReportRecord,
  EvidenceSource,
} from '../core/evidence-source.ts';
import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import {
  evidenceCountRow,
  evidenceFileRow,
  evidenceIncidentRow,
  evidenceReportRow,
} from './evidence-rows.ts';
import { findOffenders } from './offender-history.ts';
import { evidencePageCaptures } from './page-capture-records.ts';
import { toOptionalAccount } from './rows.ts';

// target_id is compared in SQL and never selected: the person attacked must not reach a pack, even by mistake.

// Every read names the collective: a pack holds only the incidents of the lead's own collective.

/** The core's EvidenceSource on PostgreSQL: every read an evidence pack makes, and only those. */
export function createPgEvidenceSource(
  pool: pg.Pool,
  collectiveId: string = DEFAULT_COLLECTIVE_ID,
): EvidenceSource {
  return {
    findOffenders: (query) => findOffenders(pool, collectiveId, query),
    incidentExists: async (id) =>
      (await pool.query('SELECT 1 FROM incidents WHERE id = $1 AND collective_id = $2', [id, collectiveId]))
        .rowCount === 1,
    incidents: (ids) => evidenceIncidents(pool, collectiveId, ids),
    reports: (ids) => evidenceReports(pool, collectiveId, ids),
    files: (ids) => evidenceFiles(pool, collectiveId, ids),
    pageCaptures: (ids, options) => evidencePageCaptures(pool, collectiveId, ids, options),
    membersAttacked: async (ids) => {
      const result = await pool.query(
        `SELECT count(DISTINCT target_key) AS n FROM incidents WHERE id = ANY($1::bigint[]) AND collective_id = $2`,
        [ids, collectiveId],
      );
      return evidenceCountRow.parse(result.rows[0]).n;
    },
  };
}

async function evidenceIncidents(
  pool: pg.Pool,
  collectiveId: string,
  ids: readonly number[],
): Promise<EvidenceIncidentRecord[]> {
  const result = await pool.query(
    `SELECT i.id, i.canonical_url, i.platform, i.kind, i.category, i.severity, i.status, i.outcome,
            i.resolved_at, i.first_reported_at, i.occurred_at, i.channel, i.offender_named_by,
            (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'supported') AS supported,
            (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'reported') AS reported,
            o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display, o.profile_url AS o_profile_url
     FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
     WHERE i.id = ANY($1::bigint[]) AND i.collective_id = $2 ORDER BY i.first_reported_at, i.id`,
    [ids, collectiveId],
  );
  return result.rows.map((raw) => {
    const row = evidenceIncidentRow.parse(raw);
    return {
      id: row.id,
      canonicalUrl: row.canonical_url,
      platform: row.platform,
      kind: row.kind,
      account: toOptionalAccount(row),
      accountNamedBy: row.offender_named_by,
      channel: row.channel,
      occurredAt: row.occurred_at,
      category: row.category,
      severity: row.severity,
      status: row.status,
      firstReportedAt: row.first_reported_at,
      resolution: row.outcome && row.resolved_at ? { outcome: row.outcome, at: row.resolved_at } : null,
      supported: row.supported,
      reported: row.reported,
    };
  });
}

async function evidenceReports(
  pool: pg.Pool,
  collectiveId: string,
  ids: readonly number[],
): Promise<EvidenceReportRecord[]> {
  const result = await pool.query(
    `SELECT r.incident_id, r.reporter_id, r.reporter_name, r.anonymous, r.source_url, r.note, r.reported_at,
            r.reporter_id = i.target_id AS is_target
     FROM incident_reports r JOIN incidents i ON i.id = r.incident_id
     WHERE r.incident_id = ANY($1::bigint[]) AND i.collective_id = $2 ORDER BY r.reported_at, r.reporter_id`,
    [ids, collectiveId],
  );
  return result.rows.map((raw) => {
    const row = evidenceReportRow.parse(raw);
    return {
      incidentId: row.incident_id,
      reporter: reporterOf(row),
      reportedAt: row.reported_at,
      sourceUrl: row.source_url,
      note: row.note,
    };
  });
}

async function evidenceFiles(
  pool: pg.Pool,
  collectiveId: string,
  ids: readonly number[],
): Promise<EvidenceFileRecord[]> {
  // The file's bytes stay in the database: the pack lists each screenshot with its hash.
  const result = await pool.query(
    `SELECT f.incident_id, f.reporter_id, f.platform, f.file_id, f.name, f.mimetype, f.size_bytes, f.sha256,
            r.reporter_name, coalesce(r.anonymous, false) AS anonymous,
            f.reporter_id = i.target_id AS is_target
     FROM incident_files f JOIN incidents i ON i.id = f.incident_id
     LEFT JOIN incident_reports r ON r.incident_id = f.incident_id AND r.reporter_id = f.reporter_id
     WHERE f.incident_id = ANY($1::bigint[]) AND i.collective_id = $2 ORDER BY f.incident_id, f.name, f.file_id`,
    [ids, collectiveId],
  );
  return result.rows.map((raw) => {
    const row = evidenceFileRow.parse(raw);
    return {
      incidentId: row.incident_id,
      reporter: reporterOf(row),
      platform: row.platform,
      fileId: row.file_id,
      name: row.name,
      mimetype: row.mimetype,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
    };
  });
}

function reporterOf(row: {
  reporter_id: string;
  reporter_name: string | null;
  anonymous: boolean;
  is_target: boolean;
}) {
  return { id: row.reporter_id, name: row.reporter_name, anonymous: row.anonymous, isTarget: row.is_target };
}
