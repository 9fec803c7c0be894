import { createHash } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { CAPTURE_FAILURES } from '../core/capture/page-capturer.ts';
import type { CaptureStore, PageCaptureView, PageToCapture } from '../core/capture/page-captures.ts';
import { groupCommit } from './group-commit.ts';
import { inTransaction } from './transaction.ts';

/** Hands new captures to the job queue inside the transaction that created them (see EnqueueDelivery). */
export type EnqueueCaptures = (client: pg.PoolClient, captureIds: number[]) => Promise<void>;

export interface CaptureJobs {
  enqueueCaptures: EnqueueCaptures;
  /** Called once the jobs are committed, so this process's capture worker starts now. */
  wakeCaptures(): void;
}

const id = z.coerce.number().int().positive();
const at = z.coerce.date();
const page = z.enum(['post', 'account']);

const viewRow = z.object({
  page,
  state: z.enum(['pending', 'captured', 'failed']),
  failure: z.enum(CAPTURE_FAILURES).nullable(),
  captured_at: at.nullable(),
  gone_at: at.nullable(),
  gone_reason: z.enum(['removed', 'login-wall']).nullable(),
  still_up_at: at.nullable(),
});

/** An incident's captures as its card shows them, the post first; none once the incident is purged. */
export async function pageCapturesOf(pool: pg.Pool, incidentId: number): Promise<PageCaptureView[]> {
  const result = await pool.query(
    `SELECT page, state, failure, captured_at, gone_at, gone_reason, still_up_at
     FROM page_captures WHERE incident_id = $1 ORDER BY page DESC, id`,
    [incidentId],
  );
  return result.rows.map((raw) => {
    const row = viewRow.parse(raw);
    return {
      page: row.page,
      state: row.state,
      failure: row.failure,
      capturedAt: row.captured_at,
      goneAt: row.gone_at,
      goneReason: row.gone_reason,
      stillUpAt: row.still_up_at,
    };
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface CaptureRequest {
  incidentId: number;
  pages: readonly PageToCapture[];
  requestedAt: Date;
}

// As flags are written (record-flag.ts): a pile-on's flags share one transaction for their captures, so asking
// for them costs the burst little of the connections and round trips its own flags need.
const GROUPS = { lanes: 2, maxBatch: 50, minBatchWhileBusy: 2 };

/** Pending captures for several flags in one transaction, each queued for a capture job in it too. */
async function requestCaptures(
  pool: pg.Pool,
  jobs: CaptureJobs,
  requests: CaptureRequest[],
): Promise<number[]> {
  const rows = requests.flatMap((request) =>
    request.pages.map((p) => ({
      incident: request.incidentId,
      page: p.page,
      url: p.url,
      at: request.requestedAt,
    })),
  );
  const created = await inTransaction(pool, async (client) => {
    // Only an incident with its details: a purged one has nothing left to capture for.
    const inserted = await client.query(
      `INSERT INTO page_captures (incident_id, page, url, requested_at)
       SELECT r.incident, r.page, r.url, r.at
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[]) AS r (incident, page, url, at)
       WHERE EXISTS (SELECT 1 FROM incidents WHERE id = r.incident AND purged_at IS NULL)
       ON CONFLICT (incident_id, page, url) DO NOTHING
       RETURNING id, incident_id`,
      [rows.map((r) => r.incident), rows.map((r) => r.page), rows.map((r) => r.url), rows.map((r) => r.at)],
    );
    const made = inserted.rows.map((row) => ({ id: id.parse(row.id), incident: id.parse(row.incident_id) }));
    if (made.length > 0)
      await jobs.enqueueCaptures(
        client,
        made.map((row) => row.id),
      );
    return made;
  });
  if (created.length > 0) jobs.wakeCaptures();
  return requests.map((request) => created.filter((row) => row.incident === request.incidentId).length);
}

export function createPgCaptureStore(pool: pg.Pool, jobs: CaptureJobs): CaptureStore {
  const requestTogether = groupCommit(
    (requests: CaptureRequest[]) => requestCaptures(pool, jobs, requests),
    GROUPS,
  );
  return {
    async request(incidentId, pages, requestedAt) {
      if (pages.length === 0) return 0;
      return requestTogether({ incidentId, pages, requestedAt });
    },
    async begin(captureId) {
      const result = await pool.query(
        `UPDATE page_captures c SET attempts = attempts + 1
         FROM incidents i
         WHERE c.id = $1 AND c.state = 'pending' AND i.id = c.incident_id AND i.purged_at IS NULL
         RETURNING c.incident_id, c.page, c.url, c.attempts, i.first_reported_at`,
        [captureId],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      return {
        incidentId: id.parse(row.incident_id),
        page: page.parse(row.page),
        url: z.string().parse(row.url),
        attempts: z.number().int().parse(row.attempts),
        firstReportedAt: at.parse(row.first_reported_at),
      };
    },
    async finish(captureId, capture, nextCheckAt) {
      // Whole or nothing: the row changes only while still pending, in one statement.
      const result =
        capture.outcome === 'captured'
          ? await pool.query(
              `UPDATE page_captures SET state = 'captured', captured_at = $2, final_url = $3, http_status = $4,
                      screenshot = $5, screenshot_sha256 = $6, html = $7, html_sha256 = $8, next_check_at = $9
               WHERE id = $1 AND state = 'pending'`,
              [
                captureId,
                capture.at,
                capture.finalUrl,
                capture.httpStatus,
                Buffer.from(capture.screenshot),
                sha256(capture.screenshot),
                Buffer.from(capture.html),
                sha256(capture.html),
                nextCheckAt,
              ],
            )
          : await pool.query(
              `UPDATE page_captures SET state = 'failed', failure = $2, captured_at = $3, final_url = $4,
                      http_status = $5
               WHERE id = $1 AND state = 'pending'`,
              [captureId, capture.reason, capture.at, capture.finalUrl ?? null, capture.httpStatus ?? null],
            );
      return result.rowCount === 1;
    },
    async archived(captureId, archiveUrl) {
      await pool.query('UPDATE page_captures SET archive_url = $2 WHERE id = $1', [captureId, archiveUrl]);
    },
    async dueChecks(now, limit) {
      const result = await pool.query(
        `SELECT c.id, c.incident_id, c.url, c.checks_done, i.first_reported_at
         FROM page_captures c JOIN incidents i ON i.id = c.incident_id
         WHERE c.next_check_at <= $1 AND i.status = 'open' AND i.purged_at IS NULL
         ORDER BY c.next_check_at LIMIT $2`,
        [now, limit],
      );
      return result.rows.map((row) => ({
        captureId: id.parse(row.id),
        incidentId: id.parse(row.incident_id),
        url: z.string().parse(row.url),
        checksDone: z.number().int().parse(row.checks_done),
        firstReportedAt: at.parse(row.first_reported_at),
      }));
    },
    async checked(captureId, liveness, nextCheckAt) {
      await pool.query(
        `UPDATE page_captures SET checks_done = checks_done + 1,
                next_check_at = CASE WHEN $2 = 'gone' THEN NULL ELSE $4::timestamptz END,
                still_up_at = CASE WHEN $2 = 'up' THEN $3::timestamptz ELSE still_up_at END,
                gone_at = CASE WHEN $2 = 'gone' THEN $3::timestamptz ELSE gone_at END,
                gone_reason = CASE WHEN $2 = 'gone' THEN $5 ELSE gone_reason END
         WHERE id = $1 AND gone_at IS NULL`,
        [
          captureId,
          liveness.state,
          liveness.at,
          nextCheckAt,
          liveness.state === 'gone' ? liveness.reason : null,
        ],
      );
    },
    forIncident: (incidentId) => pageCapturesOf(pool, incidentId),
    async uncaptured(since, limit) {
      const result = await pool.query(
        `SELECT i.id FROM incidents i
         WHERE i.first_reported_at >= $1 AND i.status = 'open' AND i.purged_at IS NULL AND i.channel IS NULL
           AND i.canonical_url ~ '^https?://'
           AND NOT EXISTS (SELECT 1 FROM page_captures c WHERE c.incident_id = i.id)
         ORDER BY i.first_reported_at LIMIT $2`,
        [since, limit],
      );
      return result.rows.map((row) => id.parse(row.id));
    },
  };
}
