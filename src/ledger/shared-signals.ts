import type pg from 'pg';
import type { FrequentRule } from '../core/settings.ts';
import type { JudgedScope } from './frequent-offenders.ts';

/**
 * The collectives whose incidents a collective's frequent-offender rule counts: its own, and, when the rule
 * counts shared signals, every other collective that shares, provided this one shares too (a collective that
 * keeps its own signals to itself does not read the others').
 */
export async function judgedScope(
  pool: pg.Pool,
  collectiveId: string,
  rule: FrequentRule,
): Promise<JudgedScope> {
  if (!rule.countShared) return { collectiveId, counted: [collectiveId] };
  const result = await pool.query(
    `SELECT c.id FROM collectives c
     WHERE c.id = $1
        OR (c.shares_signals AND EXISTS (SELECT 1 FROM collectives me WHERE me.id = $1 AND me.shares_signals))
     ORDER BY c.id`,
    [collectiveId],
  );
  const counted = result.rows.map((row) => String(row.id));
  return { collectiveId, counted: counted.includes(collectiveId) ? counted : [collectiveId, ...counted] };
}

/**
 * The SQL condition under which incident `alias` of another collective reaches collective `own` (a parameter)
 * as a count: both share their signals. Nothing else of it ever does.
 */
export function sharedWith(alias: string, own: string): string {
  return `(${alias}.collective_id <> ${own}
    AND ${alias}.collective_id IN (SELECT c.id FROM collectives c WHERE c.shares_signals)
    AND EXISTS (SELECT 1 FROM collectives me WHERE me.id = ${own} AND me.shares_signals))`;
}

/**
 * For each account given, what the other collectives that share hold of it: collectives and incidents. Read
 * from the counts (offender_signals, migrations/0022), so the cost follows the number of collectives and not the
 * size of the shared ledger; a count with changes not folded yet is counted afresh from its incidents.
 */
export async function sharedCounts(
  pool: pg.Pool,
  collectiveId: string,
  offenderIds: readonly number[],
): Promise<Map<number, { collectives: number; incidents: number }>> {
  if (offenderIds.length === 0) return new Map();
  const result = await pool.query(
    `WITH pending AS (
       SELECT DISTINCT offender_id, collective_id FROM offender_signal_changes
       WHERE offender_id = ANY($2::bigint[])
     ), counts AS (
       SELECT s.offender_id, s.collective_id, s.incidents AS n FROM offender_signals s
       WHERE s.offender_id = ANY($2::bigint[])
         AND NOT EXISTS (SELECT 1 FROM pending p WHERE p.offender_id = s.offender_id AND p.collective_id = s.collective_id)
       UNION ALL
       SELECT p.offender_id, p.collective_id,
              (SELECT count(*) FROM incidents i WHERE i.offender_id = p.offender_id AND i.collective_id = p.collective_id)
       FROM pending p
     )
     SELECT c.offender_id, count(*)::int AS collectives, sum(c.n)::int AS incidents
     FROM counts c
     WHERE c.n > 0 AND ${sharedWith('c', '$1')}
     GROUP BY c.offender_id`,
    [collectiveId, offenderIds],
  );
  return new Map(
    result.rows.map((row) => [
      Number(row.offender_id),
      { collectives: Number(row.collectives), incidents: Number(row.incidents) },
    ]),
  );
}

/** Folds the changes to the shared counts noted since the last fold (a job, every minute); how many were refreshed. */
export async function foldOffenderSignals(pool: pg.Pool): Promise<number> {
  const result = await pool.query('SELECT fold_offender_signals() AS refreshed');
  return Number(result.rows[0]?.refreshed ?? 0);
}
