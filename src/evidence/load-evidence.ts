import type pg from 'pg';
import type { AccountQuery } from '../core/post-url/parse-account-query.ts';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentReference } from '../core/reference.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { findOffenders } from '../ledger/offender-history.ts';
import type { EvidenceIncident, EvidencePack, EvidenceSubject, ReporterDisclosure } from './evidence-pack.ts';
import {
  evidenceCountRow,
  evidenceFileRow,
  evidenceIncidentRow,
  evidenceReportRow,
} from './evidence-rows.ts';
import { createReporterLabels, type ReporterFacts } from './reporter-labels.ts';

/** What to build a pack about, as the lead asked for it (already checked, see export-request.ts). */
export type EvidenceRequestSubject =
  | { kind: 'offender'; query: AccountQuery; asTyped: string }
  | { kind: 'incident'; id: number };

export interface EvidenceContext {
  reporters: ReporterDisclosure;
  timezone: string;
  collectiveName: string;
  now: Date;
}

/** Reads everything a pack shows from the ledger, or says kindly why there is nothing to export. */
export async function loadEvidence(
  pool: pg.Pool,
  subject: EvidenceRequestSubject,
  context: EvidenceContext,
): Promise<Result<EvidencePack>> {
  const found =
    subject.kind === 'offender'
      ? await offenderIncidents(pool, subject)
      : await oneIncident(pool, subject.id);
  if (!found.ok) return found;
  const [incidents, membersAttacked] = await Promise.all([
    loadIncidents(pool, found.value.ids, context.reporters),
    countMembersAttacked(pool, found.value.ids),
  ]);
  return ok({
    subject: found.value.subject,
    generatedAt: context.now,
    timezone: context.timezone,
    collectiveName: context.collectiveName,
    reporters: context.reporters,
    membersAttacked,
    incidents,
  });
}

async function countMembersAttacked(pool: pg.Pool, ids: number[]): Promise<number> {
  const result = await pool.query(
    `SELECT count(DISTINCT target_key) AS n FROM incidents WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  return evidenceCountRow.parse(result.rows[0]).n;
}

type Found = Result<{ subject: EvidenceSubject; ids: number[] }>;

async function offenderIncidents(
  pool: pg.Pool,
  subject: Extract<EvidenceRequestSubject, { kind: 'offender' }>,
): Promise<Found> {
  // The same lookup as /offender, so a lead can export exactly the account the bot showed them.
  const histories = await findOffenders(pool, subject.query);
  const [history, ...others] = histories;
  if (!history) {
    return fail(
      'evidence.no_offender',
      `The ledger has no account matching "${subject.asTyped}". Check the spelling, or give the platform ` +
        '(x:name) or a link to the account, as you would to /offender.',
    );
  }
  if (others.length > 0) {
    const names = histories.map((h) => `--offender ${accountArgument(h.account)}`).join(', ');
    return fail(
      'evidence.ambiguous_offender',
      `"${subject.asTyped}" matches ${histories.length} accounts; a pack is about one. Say which: ${names}.`,
    );
  }
  if (history.incidents.length === 0) {
    return fail(
      'evidence.no_incidents',
      `${history.account.display} is known to the ledger, but no incidents are left on record, so there is nothing to export.`,
    );
  }
  return ok({
    subject: { kind: 'offender', account: history.account },
    ids: history.incidents.map((incident) => incident.id),
  });
}

/** How to name the account on the command line so that it matches only itself. */
export function accountArgument(account: AccountRef): string {
  return `${account.platform}:${account.handle}`;
}

async function oneIncident(pool: pg.Pool, id: number): Promise<Found> {
  const exists = await pool.query('SELECT 1 FROM incidents WHERE id = $1', [id]);
  if (exists.rowCount === 0) {
    return fail(
      'evidence.unknown_incident',
      `There is no incident ${incidentReference(id)} in the ledger. The reference (SW- and a number) is in ` +
        "the bot's answer to /flag, on the incident card and in /offender.",
    );
  }
  return ok({ subject: { kind: 'incident', id }, ids: [id] });
}

async function loadIncidents(
  pool: pg.Pool,
  ids: number[],
  disclosure: ReporterDisclosure,
): Promise<EvidenceIncident[]> {
  // target_id is compared in SQL and never selected: the person attacked must not reach a pack, even by mistake.
  const [incidents, reports, files] = await Promise.all([
    pool.query(
      `SELECT i.id, i.canonical_url, i.platform, i.kind, i.category, i.severity, i.status, i.outcome,
              i.resolved_at, i.first_reported_at,
              (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'supported') AS supported,
              (SELECT count(*) FROM incident_actions a WHERE a.incident_id = i.id AND a.action = 'reported') AS reported,
              o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display, o.profile_url AS o_profile_url
       FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
       WHERE i.id = ANY($1::bigint[]) ORDER BY i.first_reported_at, i.id`,
      [ids],
    ),
    pool.query(
      `SELECT r.incident_id, r.reporter_id, r.reporter_name, r.anonymous, r.source_url, r.note, r.reported_at,
              r.reporter_id = i.target_id AS is_target
       FROM incident_reports r JOIN incidents i ON i.id = r.incident_id
       WHERE r.incident_id = ANY($1::bigint[]) ORDER BY r.reported_at, r.reporter_id`,
      [ids],
    ),
    // The file's bytes stay in the database: the pack lists each screenshot with its hash.
    pool.query(
      `SELECT f.incident_id, f.reporter_id, f.platform, f.file_id, f.name, f.mimetype, f.size_bytes, f.sha256,
              r.reporter_name, coalesce(r.anonymous, false) AS anonymous,
              f.reporter_id = i.target_id AS is_target
       FROM incident_files f JOIN incidents i ON i.id = f.incident_id
       LEFT JOIN incident_reports r ON r.incident_id = f.incident_id AND r.reporter_id = f.reporter_id
       WHERE f.incident_id = ANY($1::bigint[]) ORDER BY f.incident_id, f.name, f.file_id`,
      [ids],
    ),
  ]);
  const reportRows = reports.rows.map((row) => evidenceReportRow.parse(row));
  const fileRows = files.rows.map((row) => evidenceFileRow.parse(row));
  const label = createReporterLabels(disclosure);
  const facts = (row: {
    reporter_id: string;
    reporter_name: string | null;
    anonymous: boolean;
    is_target: boolean;
  }) =>
    ({
      id: row.reporter_id,
      name: row.reporter_name,
      anonymous: row.anonymous,
      isTarget: row.is_target,
    }) satisfies ReporterFacts;
  // Labels are handed out incident by incident, oldest first, so "Reporter 1" is the first to report anything.
  return incidents.rows.map((raw) => {
    const row = evidenceIncidentRow.parse(raw);
    const reportsHere = reportRows.filter((r) => r.incident_id === row.id);
    const filesHere = fileRows.filter((f) => f.incident_id === row.id);
    return {
      id: row.id,
      postUrl: row.canonical_url,
      kind: row.kind,
      platform: row.platform,
      account:
        row.o_platform && row.o_handle && row.o_display
          ? {
              platform: row.o_platform,
              handle: row.o_handle,
              display: row.o_display,
              ...(row.o_profile_url ? { profileUrl: row.o_profile_url } : {}),
            }
          : null,
      category: row.category,
      severity: row.severity,
      firstReportedAt: row.first_reported_at,
      status: row.status,
      resolution: row.outcome && row.resolved_at ? { outcome: row.outcome, at: row.resolved_at } : null,
      supportiveReplies: row.supported,
      reportsFiled: row.reported,
      reports: reportsHere.map((r) => ({
        reporter: label(facts(r)),
        byMemberAttacked: r.is_target,
        reportedAt: r.reported_at,
        sourceUrl: r.source_url,
        wording: r.note,
      })),
      screenshots: filesHere.map((f) => ({
        name: f.name,
        platform: f.platform,
        fileId: f.file_id,
        mimetype: f.mimetype,
        sizeBytes: f.size_bytes,
        sha256: f.sha256,
        reporter: label(facts(f)),
      })),
    };
  });
}
