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
    await state.db.pool.query(
      'TRUNCATE incidents, incident_reports, offenders, deliveries, responders, digests_sent, form_stash, purged_messages RESTART IDENTITY CASCADE',
    );
    state.bot = createHarness(state.db);
  });
  return state;
}
