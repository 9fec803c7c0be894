import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-database.ts'],
    // Ledger tests wait on a real server; generous limits avoid flakes on a shared, busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A browser for every flag of every test would load the machine for nothing: the capture tests turn it on.
    env: { CAPTURE: 'off' },
  },
});
