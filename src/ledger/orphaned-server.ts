import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger.ts';
import { isProcessAlive } from './process-alive.ts';

/**
 * A Shieldwall killed with SIGKILL leaves its embedded server running, holding the data directory. Ask that
 * server for a fast shutdown (what `pg_ctl stop -m fast` sends), then an immediate one if it lingers.
 */
export async function stopOrphanedServer(pgDir: string, log: Logger): Promise<void> {
  const pid = await readServerPid(pgDir);
  if (pid === undefined || !isProcessAlive(pid) || !(await isPostgres(pid))) return;
  log.warn({ pid }, 'stopping an embedded PostgreSQL server left running by an earlier Shieldwall');
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
  ] as const) {
    process.kill(pid, signal);
    for (let waited = 0; waited < waitMs; waited += 100) {
      if (!isProcessAlive(pid)) return;
      await sleep(100);
    }
  }
  throw new Error(`An earlier embedded PostgreSQL server (process ${pid}) would not stop; stop it by hand.`);
}

/** The server's process id, from the first line of the pid file it writes while running. */
export async function readServerPid(pgDir: string): Promise<number | undefined> {
  const pidFile = await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(pidFile.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Guards against a recycled pid: only signal a process that is a PostgreSQL server. */
async function isPostgres(pid: number): Promise<boolean> {
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return commandLine === undefined ? true : commandLine.includes('postgres');
}
