import type pg from 'pg';
import { foldOffenderSignals } from '../src/ledger/shared-signals.ts';

export const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
export const OFFENDERS = Number(process.env.BENCH_OFFENDERS ?? 100_000);
/** Two years of history, ending now, so the current week and the twelve before it are all populated. */
const HISTORY_DAYS = 730;
const MEMBERS = 2000;
const CATEGORY_LIST =
  "ARRAY['threat','sexual','doxxing','hate','complaint','impersonation','pileon','harassment']";
const PLATFORM_LIST = "ARRAY['x','instagram','facebook','tiktok','youtube','linkedin','reddit','bluesky']";

/** How many incidents one collective gets in one seeding. */
export interface CollectiveShare {
  collectiveId: string;
  incidents: number;
}

/**
 * A ledger the size of a large collective's after years of use, generated on the server in a few set-based
 * statements: offenders on eight platforms, incidents skewed towards a few prolific accounts (an account's
 * share falls with its rank, as harassment does: a few attack constantly, most once or twice), a supportive
 * action on one incident in five, and a tenth of the old incidents resolved. Incidents are written oldest
 * first, as a live ledger appends them, so a week's incidents sit together on disk and ids rise with time.
 */
export async function seedLargeLedger(pool: pg.Pool): Promise<void> {
  const first = await seedOffenders(pool, OFFENDERS);
  await seedIncidents(pool, [{ collectiveId: 'default', incidents: INCIDENTS }], {
    firstOffender: first,
    offenders: OFFENDERS,
    historyDays: HISTORY_DAYS,
    batch: 'seeded',
  });
  await settleLedger(pool);
}

/** Accounts `offender1` … `offender<count>` on eight platforms; returns the id of `offender1`. */
export async function seedOffenders(pool: pg.Pool, count: number): Promise<number> {
  await pool.query(
    `INSERT INTO offenders (platform, handle, display)
     SELECT (${PLATFORM_LIST})[1 + g % 8], 'offender' || g, '@offender' || g FROM generate_series(1, $1) g`,
    [count],
  );
  // One INSERT numbers its rows in order, so the seeded accounts are `first` to `first + count - 1`.
  const { rows } = await pool.query("SELECT min(id)::int AS first FROM offenders WHERE handle = 'offender1'");
  return Number(rows[0].first);
}

/**
 * Incidents for each collective given, all in one statement and in time order, so collectives' incidents
 * interleave on disk as they do on a shared live ledger. Every collective draws its accounts from the same
 * skewed distribution, so prolific accounts turn up in many collectives, as they do across associations.
 * `batch` keeps the post URLs of successive seedings apart.
 */
export async function seedIncidents(
  pool: pg.Pool,
  shares: readonly CollectiveShare[],
  o: { firstOffender: number; offenders: number; historyDays: number; batch: string },
): Promise<void> {
  // random()^2 puts an offender's rank density at 1/sqrt(rank): the most prolific account has ~0.3% of all.
  await pool.query(
    `WITH added AS (
       INSERT INTO incidents (collective_id, canonical_url, platform, kind, offender_id, offender_named_by, category,
                              severity, target_id, first_reported_at, consent, status, outcome, resolved_by, resolved_at)
       SELECT c, 'https://x.com/i/status/' || $5 || (CASE WHEN c = 'default' THEN '' ELSE c || '-' END) || g,
              (${PLATFORM_LIST})[1 + (o + 1) % 8], 'post', $1 + o, 'link',
              (${CATEGORY_LIST})[1 + (g * 7) % 8],
              CASE WHEN g % 20 = 3 THEN 'critical' WHEN g % 5 = 1 THEN 'high' ELSE 'medium' END,
              -- Each collective's members are its own workspace's; the default keeps the original shape.
              'slack:T' || (CASE WHEN c = 'default' THEN '0' ELSE c END) || ':U' || (g * 31) % $3, at, 'given',
              CASE WHEN resolved THEN 'resolved' ELSE 'open' END,
              CASE WHEN resolved THEN 'removed' END,
              CASE WHEN resolved THEN 'slack:T0:ULEAD' END,
              CASE WHEN resolved THEN at + interval '2 days' END
       FROM (SELECT share.c, g, floor($2 * random() ^ 2)::int AS o,
                    now() - make_interval(secs => (random() * $4 * 86400)) AS at
             FROM unnest($6::text[], $7::int[]) AS share (c, n), generate_series(1, share.n) g) s,
            LATERAL (SELECT s.g % 10 = 0 AND s.at < now() - interval '3 days' AS resolved) r
       ORDER BY s.at
       RETURNING id, collective_id, target_id, first_reported_at)
     INSERT INTO incident_actions (incident_id, member_id, action, acted_at)
     SELECT id, split_part(target_id, ':U', 1) || ':U' || (id * 17) % $3, 'supported',
            first_reported_at + interval '20 minutes'
     FROM added WHERE id % 5 = 0`,
    [
      o.firstOffender,
      o.offenders,
      MEMBERS,
      o.historyDays,
      o.batch,
      shares.map((share) => share.collectiveId),
      shares.map((share) => share.incidents),
    ],
  );
}

/**
 * What a live server has long since done: the shared offender counts folded (a job does it every minute),
 * autovacuum's statistics for the planner and visibility map for index-only scans, and a checkpoint, so the
 * load's writes are not still being flushed while it is measured.
 */
export async function settleLedger(pool: pg.Pool): Promise<void> {
  await foldOffenderSignals(pool);
  await pool.query('VACUUM ANALYZE');
  await pool.query('CHECKPOINT');
}
