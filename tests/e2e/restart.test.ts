import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, BotProcess } from '../support/bot-process.ts';
import { createTestDatabase } from '../support/test-database.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-e2e-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  // Never leave a server behind, whatever happened above.
  const pid = Number(
    (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
  );
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {}
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('shieldwall start, as a person runs it', () => {
  it('keeps everything across a quit, and across being killed hard', async () => {
    const env = { SHIELDWALL_DATA_DIR: dataDir, SHIELDWALL_TIMEZONE: 'UTC' };

    const first = new BotProcess(env);
    await first.waitFor('Shieldwall is running');
    first.type('/flag https://twitter.com/SomeTroll/status/123?s=20 threat he said he would find me');
    await first.waitFor('Recorded as SW-1');
    first.type('/quit');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = new BotProcess(env);
    await second.waitFor('Shieldwall is running');
    second.type('/as bob');
    second.type('/flag https://x.com/sometroll/status/123');
    await second.waitFor('Added you to SW-1: 2 members');
    second.child.kill('SIGKILL');
    await second.exited;

    const third = new BotProcess(env);
    await third.waitFor('Shieldwall is running');
    // The killed bot's server was still running; the new one stopped it before starting its own.
    expect(await readFile(path.join(dataDir, 'shieldwall.log'), 'utf8')).toContain(
      'left running by an earlier Shieldwall',
    );
    third.type('/offender SomeTroll');
    await third.waitFor('1 incident against 1 member');
    third.type('/as cy');
    third.type('/flag https://x.com/SomeTroll/status/124 hate');
    await third.waitFor('Recorded as SW-2');
    third.child.stdin?.end();
    expect(await third.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('npx shieldwall migrate brings a PostgreSQL server database up to date, and is safe to run twice', async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      for (const expected of ['The server ledger is up to date.', 'The server ledger is up to date.']) {
        const run = spawnSync(process.execPath, [BIN, 'migrate'], {
          env: {
            ...process.env,
            DATABASE_URL: db.url,
            SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
            LOG_LEVEL: 'silent',
          },
          encoding: 'utf8',
        });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain(expected);
      }
      const tables = await db.pool.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual([
        'audit_log',
        'collectives',
        'deliveries',
        'digests_sent',
        'form_stash',
        'incident_actions',
        'incident_cards',
        'incident_files',
        'incident_reports',
        'incidents',
        'install_key_check',
        'member_languages',
        'offender_links',
        'offender_reviews',
        'offender_signal_changes',
        'offender_signals',
        'offenders',
        'page_captures',
        'pseudonym_key_check',
        'purged_messages',
        'rally_messages',
        'responders',
        'schema_migrations',
        'slack_installations',
        'workspace_setups',
      ]);
    } finally {
      await db.drop();
    }
  }, 60_000);

  it('refuses to start with a wrong setting, naming it', async () => {
    const bot = new BotProcess({ SHIELDWALL_DATA_DIR: dataDir, SHIELDWALL_TIMEZONE: 'Nowhere/Land' });
    expect(await bot.exited).toBe(1);
    expect(bot.printed).toContain('SHIELDWALL_TIMEZONE must be a time zone name');
  }, 60_000);
});
