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

  it('starts and stops many times in a row with flags under way: exit 0 every time, and every "Recorded" is kept', async () => {
    const env = { SHIELDWALL_DATA_DIR: dataDir, SHIELDWALL_TIMEZONE: 'UTC' };
    const codes: (number | null)[] = [];
    let recorded = 0;
    for (let round = 0; round < 6; round += 1) {
      const bot = new BotProcess(env);
      await bot.waitFor('Shieldwall is running');
      for (let n = 0; n < 5; n += 1) bot.type(`/flag https://x.com/LoopTroll/status/${round * 10 + n} hate`);
      // Stopped while the flags are still being recorded: some finish, the rest never started.
      await new Promise((resolve) => setTimeout(resolve, 20 * round));
      bot.child.kill('SIGTERM');
      codes.push(await bot.exited);
      recorded += bot.printed.match(/Recorded as SW-\d+/g)?.length ?? 0;
    }
    expect(codes).toEqual(codes.map(() => 0));
    const check = new BotProcess(env);
    await check.waitFor('Shieldwall is running');
    check.type('/offender LoopTroll');
    check.child.stdin?.end();
    expect(await check.exited).toBe(0);
    if (recorded === 0) expect(check.printed).toContain('No incidents are recorded for that account');
    else expect(check.printed).toContain(`${recorded} incident${recorded === 1 ? '' : 's'} against 1 member`);
  }, 120_000);
});
