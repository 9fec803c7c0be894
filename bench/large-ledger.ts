import type pg from 'pg';

export const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
export const OFFENDERS = Number(process.env.BENCH_OFFENDERS ?? 100_000);
/** Two years of history, ending now, so the current week and the twelve before it are all populated. */
const HISTORY_DAYS = 730;
const MEMBERS = 2000;
const CATEGORY_LIST =
  "ARRAY['threat','sexual','doxxing','hate','complaint','impersonation','pileon','harassment']";
const PLATFORM_LIST = "ARRAY['x','instagram','facebook','tiktok','youtube','linkedin','reddit','bluesky']";

/**
 * A ledger the size of a large collective's after years of use, generated on the server in a few set-based
 * statements: offenders on eight platforms, incidents skewed towards a few prolific accounts (an account's
 * share falls with its rank, as harassment does: a few attack constantly, most once or twice), a supportive
 * action on one incident in five, and a tenth of the old incidents resolved. Incidents are written oldest
 * first, as a live ledger appends them, so a week's incidents sit together on disk and ids rise with time.
 */
export async function seedLargeLedger(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO offenders (platform, handle, display)
     SELECT (${PLATFORM_LIST})[1 + g % 8], 'offender' || g, '@offender' || g FROM generate_series(1, $1) g`,
    [OFFENDERS],
  );
  // One INSERT numbers its rows in order, so the seeded accounts are `first` to `first + OFFENDERS - 1`.
  const { rows } = await pool.query("SELECT min(id)::int AS first FROM offenders WHERE handle = 'offender1'");
  const first = Number(rows[0].first);
  // random()^2 puts an offender's rank density at 1/sqrt(rank): the most prolific account has ~0.3% of all.
  await pool.query(
    `INSERT INTO incidents (collective_id, canonical_url, platform, kind, offender_id, offender_named_by, category,
                            severity, target_id, first_reported_at, consent, status, outcome, resolved_by, resolved_at)
     SELECT 'default', 'https://x.com/i/status/seeded' || g, (${PLATFORM_LIST})[1 + (o + 1) % 8], 'post', $3 + o, 'link',
            (${CATEGORY_LIST})[1 + (g * 7) % 8],
            CASE WHEN g % 20 = 3 THEN 'critical' WHEN g % 5 = 1 THEN 'high' ELSE 'medium' END,
            'slack:T0:U' || (g * 31) % $4, at, 'given',
            CASE WHEN resolved THEN 'resolved' ELSE 'open' END,
            CASE WHEN resolved THEN 'removed' END,
            CASE WHEN resolved THEN 'slack:T0:ULEAD' END,
            CASE WHEN resolved THEN at + interval '2 days' END
     FROM (SELECT g, floor($2 * random() ^ 2)::int AS o,
                  now() - make_interval(secs => (random() * $5 * 86400)) AS at
           FROM generate_series(1, $1) g) s,
          LATERAL (SELECT s.g % 10 = 0 AND s.at < now() - interval '3 days' AS resolved) r
     ORDER BY s.at`,
    [INCIDENTS, OFFENDERS, first, MEMBERS, HISTORY_DAYS],
  );
  await pool.query(
    `INSERT INTO incident_actions (incident_id, member_id, action, acted_at)
     SELECT id, 'slack:T0:U' || (id * 17) % $1, 'supported', first_reported_at + interval '20 minutes'
     FROM incidents WHERE id % 5 = 0 AND canonical_url LIKE 'https://x.com/i/status/seeded%'`,
    [MEMBERS],
  );
  // What a live server has long since done: autovacuum's statistics for the planner and visibility map for
  // index-only scans, and a checkpoint, so the load's writes are not still being flushed while it is measured.
  await pool.query('VACUUM ANALYZE');
  await pool.query('CHECKPOINT');
}
