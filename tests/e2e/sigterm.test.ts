import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess } from '../support/bot-process.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-sigterm-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('shieldwall start and SIGTERM', () => {
  it('stops cleanly on SIGTERM: exit code 0, the embedded server shut down, and everything kept', async () => {
    const env = { SHIELDWALL_DATA_DIR: dataDir, SHIELDWALL_TIMEZONE: 'UTC' };
    const first = new BotProcess(env);
    await first.waitFor('Shieldwall is running');
    first.type('/flag https://x.com/SomeTroll/status/901 threat');
    await first.waitFor('Recorded as SW-1');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = new BotProcess(env);
    await second.waitFor('Shieldwall is running');
    second.type('/offender SomeTroll');
    await second.waitFor('1 incident against 1 member');
    second.child.stdin?.end();
    expect(await second.exited).toBe(0);
  });
});
