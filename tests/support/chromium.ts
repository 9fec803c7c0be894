import { existsSync } from 'node:fs';

/**
 * Whether the browser tests run: when Debian's Chromium is installed, and always in CI, which installs it and
 * sets SHIELDWALL_REQUIRE_CHROMIUM so that a missing browser fails them instead of skipping them. `npm test` on
 * a machine without Chromium skips them, as the README says.
 */
export const CHROMIUM_TESTS_RUN =
  existsSync('/usr/bin/chromium') || process.env.SHIELDWALL_REQUIRE_CHROMIUM === '1';
