import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../src/ledger/embedded-server.ts';
import { isProcessAlive } from '../../src/ledger/process-alive.ts';
import { createLogger } from '../../src/log/logger.ts';
import { BotProcess } from '../support/bot-process.ts';

const FLAGS = 40;
/** Flags typed before the server is killed; the rest arrive while it is down and after it is back. */
const BEFORE_KILL = 8;

let dataDir: string;
let bot: BotProcess | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-killed-'));
  await chmod(dataDir, 0o755); // as root the server runs as `postgres`, which must be able to enter it
});
afterEach(async () => {
  bot?.child.kill('SIGKILL');
  await bot?.exited;
  // Never leave a server behind, whatever happened above.
  const pid = await serverPid().catch(() => 0);
  if (pid > 0 && isProcessAlive(pid)) process.kill(pid, 'SIGQUIT');
  await rm(dataDir, { recursive: true, force: true });
});

/** Started through and through: the banner comes out before the job queue is working. */
async function startBot(env: Record<string, string> = {}): Promise<BotProcess> {
  const started = new BotProcess({
    SHIELDWALL_DATA_DIR: dataDir,
    SHIELDWALL_TIMEZONE: 'UTC',
    // One member types every flag here: the limits on a member's flags are not what this test is about.
    LIMIT_FLAGS_BURST: '1000',
    LIMIT_FLAGS_PER_HOUR: '10000',
    ...env,
  });
  await started.waitFor('Shieldwall is running', 60_000);
  const log = path.join(dataDir, 'shieldwall.log');
  while (!(await readFile(log, 'utf8')).includes('Shieldwall started')) await sleep(50);
  return started;
}

async function serverPid(): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** What an out-of-memory killer does: SIGKILL to the postmaster, nothing to the bot. */
async function killServer(): Promise<void> {
  const pid = await serverPid();
  process.kill(pid, 'SIGKILL');
  while (isProcessAlive(pid)) await sleep(10);
}

const postUrl = (i: number) => `https://x.com/KilledTroll${i}/status/${5000 + i}`;

describe('the embedded PostgreSQL server killed under a running bot', () => {
  it('is started again: later flags are saved, and every answer told the truth', async () => {
    bot = await startBot();
    for (let i = 0; i < FLAGS; i += 1) {
      if (i === BEFORE_KILL) {
        await bot.waitFor('Recorded as');
        await killServer();
      }
      bot.type(`/flag ${postUrl(i)} threat`);
      await sleep(60);
    }
    // The terminal answers line by line, in order: one headline per flag.
    const headlines = () => bot?.printed.match(/^.*(Recorded as SW-\d+|NOT saved).*$/gm) ?? [];
    const answered = async (count: number) => {
      for (const deadline = Date.now() + 60_000; headlines().length < count && Date.now() < deadline; )
        await sleep(50);
    };
    await answered(FLAGS);
    // How long the restart takes is the machine's (seconds on a loaded one): flags go on, one at a time, until
    // one is saved again. That one must come, long before a minute is out.
    let typed = FLAGS;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; typed += 1) {
      if (/Recorded as/.test(headlines()[typed - 1] ?? '')) break;
      bot.type(`/flag ${postUrl(typed)} threat`);
      await answered(typed + 1);
    }
    const answers = headlines();
    const recorded = answers.flatMap((line, i) => (/Recorded as/.test(line) ? [i] : []));
    const refused = answers.flatMap((line, i) => (/NOT saved/.test(line) ? [i] : []));
    expect(recorded.length + refused.length).toBe(typed);
    // Flags after the restart are saved again: the last one typed, at least.
    expect(recorded).toContain(typed - 1);
    expect(recorded.some((i) => i > BEFORE_KILL)).toBe(true);

    const url = await ledgerUrl();
    const ledger = new pg.Client({ connectionString: url });
    await ledger.connect();
    try {
      const stored = await ledger.query('SELECT canonical_url FROM incidents');
      const urls = new Set(stored.rows.map((row) => String(row.canonical_url)));
      for (const i of recorded) expect(urls).toContain(`https://x.com/i/status/${5000 + i}`);
      for (const i of refused) expect(urls).not.toContain(`https://x.com/i/status/${5000 + i}`);
    } finally {
      await ledger.end();
    }
    expect(bot.child.exitCode).toBeNull();
    bot.type('/quit');
    expect(await bot.exited).toBe(0);
  }, 120_000);

  it('can still be stopped once its server process is gone (it waited for ever, and the bot ended with 13)', async () => {
    const server = await startEmbeddedServer(dataDir, createLogger('silent'));
    await killServer();
    await server.stop();
    expect(server.running()).toBe(false);
  });

  it('stops the bot, non-zero and saying why, when the server can not be started again', async () => {
    bot = await startBot({ SHIELDWALL_LEDGER_GRACE_SECONDS: '5' });
    // A data directory PostgreSQL refuses: it reads PG_VERSION only when it starts.
    await writeFile(path.join(dataDir, 'pg', 'PG_VERSION'), 'not a version\n');
    await killServer();
    expect(await bot.exited).toBe(1);
    expect(bot.printed).toMatch(
      /Shieldwall stopped: The embedded PostgreSQL server of the ledger stopped and could not be started again for 5 s \(.+\)/,
    );
  }, 60_000);
});

/** The embedded ledger's address, from the files it keeps beside its data. */
async function ledgerUrl(): Promise<string> {
  const password = (await readFile(path.join(dataDir, 'db-password'), 'utf8')).trim();
  const port = (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[3];
  return `postgres://shieldwall:${encodeURIComponent(password)}@127.0.0.1:${port}/shieldwall`;
}
