import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createHarness, type Harness } from './core-harness.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** A migrated database for the test file, emptied before each test, with a fresh bot and clock on it. */
export function useFreshLedger(): { db: TestDatabase; bot: Harness } {
  const state = {} as { db: TestDatabase; bot: Harness };
  beforeAll(async () => {
    state.db = await createTestDatabase();
  });
  afterAll(async () => {
    await state.db.drop();
  });
  beforeEach(async () => {
    await emptyLedger(state.db);
    state.bot = createHarness(state.db);
  });
  return state;
}

/** Empties every table of the ledger (the rest follow by CASCADE) and restarts its numbering: SW-1 comes next. */
export async function emptyLedger(db: TestDatabase): Promise<void> {
  await db.pool.query(
    'TRUNCATE incidents, incident_reports, offenders, deliveries, responders, digests_sent, form_stash, purged_messages, member_languages, workspace_setups, slack_installations RESTART IDENTITY CASCADE',
  );
  // The collective of a deployment configured by the environment stays, as a migrated ledger has it.
  await db.pool.query(`DELETE FROM collectives WHERE id <> 'default'`);
  await db.pool.query(`UPDATE collectives SET shares_signals = true`);
}
