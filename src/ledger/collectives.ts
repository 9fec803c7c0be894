import type pg from 'pg';

/** A collective as the ledger keeps it: its id, and whether it shares its offender signals. */
export interface CollectiveRecord {
  id: string;
  sharesSignals: boolean;
}

/**
 * Records the collectives this deployment serves, and whether each shares its signals now: a collective that
 * opts out stops sharing at the next start, and one that opts back in shares again. A collective served no
 * more (gone from the file) keeps its incidents under retention, but shares nothing from then on.
 */
export async function registerCollectives(
  pool: pg.Pool,
  collectives: readonly CollectiveRecord[],
): Promise<void> {
  await pool.query(
    `INSERT INTO collectives (id, shares_signals)
     SELECT * FROM unnest($1::text[], $2::boolean[])
     ON CONFLICT (id) DO UPDATE SET shares_signals = EXCLUDED.shares_signals`,
    [collectives.map((c) => c.id), collectives.map((c) => c.sharesSignals)],
  );
  await pool.query(
    'UPDATE collectives SET shares_signals = false WHERE id <> ALL ($1::text[]) AND shares_signals',
    [collectives.map((c) => c.id)],
  );
}

/** The collective of each incident given that still exists. */
export async function collectivesOfIncidents(
  pool: pg.Pool,
  incidentIds: readonly number[],
): Promise<Map<number, string>> {
  if (incidentIds.length === 0) return new Map();
  const result = await pool.query('SELECT id, collective_id FROM incidents WHERE id = ANY($1::bigint[])', [
    incidentIds,
  ]);
  return new Map(result.rows.map((row) => [Number(row.id), String(row.collective_id)]));
}
