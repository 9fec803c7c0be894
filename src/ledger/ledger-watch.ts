import type pg from 'pg';
import type { Logger } from '../log/logger.ts';
import type { EmbeddedServer } from './embedded-server.ts';

const CHECK_EVERY_MS = 1_000;
// A server that accepts connections but never answers counts as down too.
const PROBE_TIMEOUT_MS = 5_000;

export interface LedgerWatch {
  /** False from the moment the ledger is found down until it answers again. */
  isUp(): boolean;
  stop(): void;
}

export interface LedgerWatchOptions {
  pool: pg.Pool;
  /** The embedded server, restarted when its process dies; undefined for a server in DATABASE_URL. */
  embedded: EmbeddedServer | undefined;
  graceSeconds: number;
  /** Called once, with a one-line reason, when the ledger has been down longer than the grace period. */
  onLost: (reason: string) => void;
  log: Logger;
}

/**
 * Watches the ledger while the bot runs. A dead embedded server (killed, say, by an out-of-memory killer) is
 * started again on its port, and the pool's next connections reach it. A ledger down for longer than the grace
 * period, because the restart keeps failing or the server in DATABASE_URL is gone, is reported through `onLost`,
 * so that the process ends and a service manager starts a fresh one, instead of refusing every flag for ever.
 */
export function watchLedger(options: LedgerWatchOptions): LedgerWatch {
  const { pool, embedded, log } = options;
  let downSince: number | undefined;
  let problem = '';
  let checking = false;
  let stopped = false;

  const markDown = (reason: string) => {
    if (downSince === undefined) log.error({ reason }, 'the ledger is down');
    downSince ??= Date.now();
    problem = reason;
  };
  const check = async () => {
    if (embedded && !embedded.running()) {
      markDown('its server process ended');
      log.warn('starting the embedded PostgreSQL server again');
      await embedded.restart();
      log.info('the embedded PostgreSQL server is running again');
    }
    await answersWithin(pool, PROBE_TIMEOUT_MS);
    if (downSince !== undefined) log.info({ downMs: Date.now() - downSince }, 'the ledger answers again');
    downSince = undefined;
  };
  const tick = () => {
    if (stopped) return;
    if (downSince !== undefined && Date.now() - downSince > options.graceSeconds * 1000) {
      stopped = true;
      clearInterval(timer);
      const what = embedded
        ? 'The embedded PostgreSQL server of the ledger stopped and could not be started again'
        : "Can't reach the PostgreSQL server in DATABASE_URL";
      options.onLost(
        `${what} for ${options.graceSeconds} s (${problem}); stopping, so that Shieldwall can be started afresh.`,
      );
      return;
    }
    if (checking) return;
    checking = true;
    check()
      .catch((error: unknown) => markDown(oneLine(error)))
      .finally(() => {
        checking = false;
      });
  };
  // Unref'd: the watch never keeps a process alive that has nothing else left to do.
  const timer = setInterval(tick, CHECK_EVERY_MS).unref();
  return {
    isUp: () => downSince === undefined,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

async function answersWithin(pool: pg.Pool, timeoutMs: number): Promise<void> {
  let timeout: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('SELECT 1'),
      new Promise((_, reject) => {
        timeout = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timeout);
  }
}

/** An error code when there is one (connection errors), else the first line of the message, kept short. */
function oneLine(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}
