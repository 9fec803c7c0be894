import type pg from 'pg';
import { type CollectiveShare, seedIncidents, seedOffenders, settleLedger } from './large-ledger.ts';

/** B9's shared ledger at its full size: `npm run bench` seeds 5M; BENCH_SHARED_INCIDENTS=200000 is a quick run. */
export const SHARED_INCIDENTS = Number(process.env.BENCH_SHARED_INCIDENTS ?? 5_000_000);
/** The same deployment when the shared ledger was a tenth of the size, measured first in the same run. */
export const SMALLER_INCIDENTS = Number(
  process.env.BENCH_SHARED_SMALLER ?? Math.round(SHARED_INCIDENTS / 10),
);
/** As many accounts for ten incidents as B3's ledger has. */
export const SHARED_OFFENDERS = Number(
  process.env.BENCH_SHARED_OFFENDERS ?? Math.round(SHARED_INCIDENTS / 10),
);
export const COLLECTIVES = 50;
/** A year of history, ending now. */
const HISTORY_DAYS = 365;

const idOf = (rank: number) => `c${String(rank).padStart(2, '0')}`;
/** The largest collective, and the median one, whose digests B9 measures. */
export const LARGEST = idOf(1);
export const MEDIAN = idOf(COLLECTIVES / 2);

/**
 * Each collective's incidents in the full ledger, by rank k: a share of 1/(k+4), so a few associations are
 * large (the largest holds 8%) and most are small (the smallest 0.7%, a tenth of the largest).
 */
export function collectiveSizes(total: number): CollectiveShare[] {
  const weights = Array.from({ length: COLLECTIVES }, (_, i) => 1 / (i + 1 + 4));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i) => ({ collectiveId: idOf(i + 1), incidents: Math.round((total * w) / sum) }));
}

/**
 * The smaller ledger holds the measured collectives' incidents in full, and a proportional slice of every other
 * collective's; growing to the full size adds only the others' remainder. So each measured collective's weeks
 * are the same rows at both sizes, and only the shared ledger around them grows.
 */
export function seedingPhases(
  total: number,
  smaller: number,
): { smaller: CollectiveShare[]; rest: CollectiveShare[] } {
  const sizes = collectiveSizes(total);
  const measured = (id: string) => id === LARGEST || id === MEDIAN;
  const kept = sizes.filter((s) => measured(s.collectiveId)).reduce((n, s) => n + s.incidents, 0);
  const slice = Math.min(1, Math.max(0, (smaller - kept) / (total - kept)));
  const first = sizes.map((s) => ({
    collectiveId: s.collectiveId,
    incidents: measured(s.collectiveId) ? s.incidents : Math.round(s.incidents * slice),
  }));
  const rest = sizes
    .map((s, i) => ({ collectiveId: s.collectiveId, incidents: s.incidents - (first[i]?.incidents ?? 0) }))
    .filter((s) => s.incidents > 0);
  return { smaller: first, rest };
}

export interface SharedLedger {
  /** Adds the rest of the collectives' incidents, up to the full size. */
  grow(): Promise<void>;
}

/** The fifty collectives, all sharing, and the smaller ledger; `grow` brings it to SHARED_INCIDENTS. */
export async function seedSharedLedger(pool: pg.Pool): Promise<SharedLedger> {
  const phases = seedingPhases(SHARED_INCIDENTS, SMALLER_INCIDENTS);
  await pool.query(`INSERT INTO collectives (id, shares_signals) SELECT unnest($1::text[]), true`, [
    phases.smaller.map((s) => s.collectiveId),
  ]);
  const firstOffender = await seedOffenders(pool, SHARED_OFFENDERS);
  const shape = { firstOffender, offenders: SHARED_OFFENDERS, historyDays: HISTORY_DAYS };
  await seedIncidents(pool, phases.smaller, { ...shape, batch: 'smaller' });
  await settleLedger(pool);
  return {
    grow: async () => {
      await seedIncidents(pool, phases.rest, { ...shape, batch: 'grown' });
      await settleLedger(pool);
    },
  };
}

/** Incidents in the ledger now, and in one collective. */
export async function countIncidents(pool: pg.Pool, collectiveId?: string): Promise<number> {
  const { rows } = await pool.query(
    'SELECT count(*)::int AS n FROM incidents WHERE $1::text IS NULL OR collective_id = $1',
    [collectiveId ?? null],
  );
  return Number(rows[0].n);
}
