import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/capture/find-chromium.ts';
import { CHROMIUM_TESTS_RUN } from '../support/chromium.ts';

describe('finding the Chromium to drive', () => {
  it('takes CHROMIUM_PATH only when an executable is there', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'find-chromium-'));
    const browser = path.join(dir, 'chromium');
    try {
      await writeFile(browser, '#!/bin/sh\n');
      await chmod(browser, 0o644);
      // Root may open any file, but X_OK still needs an execute bit.
      expect(await findChromium(browser)).toEqual({ missing: expect.stringContaining(browser) });
      await chmod(browser, 0o755);
      expect(await findChromium(browser)).toEqual({ path: browser });
      expect(await findChromium(path.join(dir, 'nothing'))).toHaveProperty('missing');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!CHROMIUM_TESTS_RUN)("finds Debian's chromium without CHROMIUM_PATH", async () => {
    expect(await findChromium()).toEqual({ path: '/usr/bin/chromium' });
  });
});
