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

/** For each account given, what the other collectives that share hold of it: collectives and incidents. */
export async function sharedCounts(
  pool: pg.Pool,
  collectiveId: string,
  offenderIds: readonly number[],
): Promise<Map<number, { collectives: number; incidents: number }>> {
  if (offenderIds.length === 0) return new Map();
  // Counted by collective first: two hash aggregates, where count(DISTINCT) sorts every incident of the
  // accounts (those the digest asks about are the most prolific, with thousands each across collectives).
  const result = await pool.query(
    `SELECT offender_id, count(*)::int AS collectives, sum(n)::int AS incidents
     FROM (SELECT i.offender_id, i.collective_id, count(*) AS n
           FROM incidents i
           WHERE i.offender_id = ANY($2::bigint[]) AND ${sharedWith('i', '$1')}
           GROUP BY i.offender_id, i.collective_id) per_collective
     GROUP BY offender_id`,
    [collectiveId, offenderIds],
  );
  return new Map(
    result.rows.map((row) => [
      Number(row.offender_id),
      { collectives: Number(row.collectives), incidents: Number(row.incidents) },
    ]),
  );
}
