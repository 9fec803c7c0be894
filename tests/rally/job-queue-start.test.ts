import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startJobQueue } from '../../src/jobs/job-queue.ts';
import { migrateToLatest } from '../../src/ledger/migrate.ts';
import { pseudonymKeyOption } from '../../src/ledger/pseudonym-key.ts';
import { withClient } from '../../src/ledger/transaction.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createTestDatabase, TEST_PSEUDONYM_KEY } from '../support/test-database.ts';

const PROCESSES = 8;
/** Fresh databases: the race is on the first start only, when the job queue's schema does not exist yet. */
const ROUNDS = 12;
const log = createLogger('silent');

/** `start` in `PROCESSES` pools at once (each its own process's connections), on one empty database. */
async function startTogether(
  url: string,
  start: (pool: pg.Pool) => Promise<unknown>,
): Promise<{ failures: string[] }> {
  const pools = Array.from(
    { length: PROCESSES },
    () => new pg.Pool({ connectionString: url, max: 4, options: pseudonymKeyOption(TEST_PSEUDONYM_KEY) }),
  );
  for (const pool of pools) pool.on('error', () => undefined);
  try {
    const outcomes = await Promise.allSettled(pools.map((pool) => start(pool)));
    const failures = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [String((outcome.reason as Error)?.message ?? outcome.reason)] : [],
    );
    const stops = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' && outcome.value && typeof outcome.value === 'object'
        ? [(outcome.value as { stop?: () => Promise<void> }).stop?.()]
        : [],
    );
    await Promise.all(stops);
    return { failures };
  } finally {
    await Promise.all(pools.map((pool) => pool.end()));
  }
}

describe('many processes starting together on an empty database', () => {
  it('all start their job queues: creating its schema is not a race', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const db = await createTestDatabase({ migrated: false });
      try {
        failures.push(...(await startTogether(db.url, (pool) => startJobQueue(pool, log))).failures);
      } finally {
        await db.drop();
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('all apply the migrations: one applies them, the others wait and find nothing to do', async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      const applied: string[][] = [];
      const { failures } = await startTogether(db.url, async (pool) => {
        applied.push(await withClient(pool, (client) => migrateToLatest(client, log)));
      });
      expect(failures).toEqual([]);
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
