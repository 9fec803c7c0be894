import type pg from 'pg';
import type { EvidencePageCaptureRecord } from '../core/evidence-source.ts';
import { evidencePageCaptureRow } from './evidence-rows.ts';

const ORDER = `i.first_reported_at, i.id, c.page = 'account', c.requested_at, c.id`;

/**
 * Every capture of these incidents in one query: oldest incident first, the post before the account page.
 * Sizes come from octet_length, which PostgreSQL reads without fetching the bytes; the PNGs themselves are
 * selected only for a PDF, and only while the running total stays within the budget, so a pack of hundreds of
 * incidents never pulls hundreds of full-page screenshots into memory at once.
 */
export async function evidencePageCaptures(
  pool: pg.Pool,
  collectiveId: string,
  ids: readonly number[],
  options: { images: boolean; imageBudgetBytes: number },
): Promise<EvidencePageCaptureRecord[]> {
  const result = await pool.query(
    `SELECT c.incident_id, c.page, c.url, c.state, c.failure, c.captured_at, c.final_url, c.http_status,
            c.screenshot_sha256, octet_length(c.screenshot) AS screenshot_bytes,
            c.html_sha256, octet_length(c.html) AS html_bytes,
            c.archive_url, c.gone_at, c.gone_reason, c.still_up_at,
            CASE WHEN $2::boolean AND sum(octet_length(c.screenshot)) OVER running <= $3::bigint
                 THEN c.screenshot END AS screenshot
     FROM page_captures c JOIN incidents i ON i.id = c.incident_id
     WHERE c.incident_id = ANY($1::bigint[]) AND i.collective_id = $4
     WINDOW running AS (ORDER BY ${ORDER})
     ORDER BY ${ORDER}`,
    [ids, options.images, options.imageBudgetBytes, collectiveId],
  );
  return result.rows.map((raw) => {
    const row = evidencePageCaptureRow.parse(raw);
    return {
      incidentId: row.incident_id,
      page: row.page,
      url: row.url,
      state: row.state,
      failure: row.failure,
      capturedAt: row.captured_at,
      finalUrl: row.final_url,
      httpStatus: row.http_status,
      screenshot:
        row.screenshot_sha256 !== null && row.screenshot_bytes !== null
          ? {
              sha256: row.screenshot_sha256,
              bytes: row.screenshot_bytes,
              ...(row.screenshot ? { content: row.screenshot } : {}),
            }
          : null,
      html:
        row.html_sha256 !== null && row.html_bytes !== null
          ? { sha256: row.html_sha256, bytes: row.html_bytes }
          : null,
      archiveUrl: row.archive_url,
      goneAt: row.gone_at,
      goneReason: row.gone_reason,
      stillUpAt: row.still_up_at,
    };
  });
}
