import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Bot } from '../core/chat-adapter.ts';
import { describeError } from '../core/run-command.ts';
import type { EnqueueDelivery } from '../ledger/rally-store.ts';

const DELIVER = 'rally-deliver';
const TICK = 'rally-tick';

export interface JobQueue {
  /** Creates delivery jobs inside the caller's transaction (see createPgRallyStore). */
  enqueue: EnqueueDelivery;
  /** Starts working: deliveries, and the rally tick every minute. Call once the adapters can send. */
  work(bot: Bot): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Postgres-backed job queue (pg-boss), on the ledger's own connection pool, so the embedded server and a
 * real one behave the same. Any number of bot processes can share it: each job runs in one of them, a failed
 * delivery is retried with backoff, and scheduled ticks fire once per minute across them all.
 */
export interface JobQueueOptions {
  pollingSeconds?: number;
  /** Delivery workers in this process; each sends its batch in turn, paced by the adapters. */
  deliveryWorkers?: number;
}

export async function startJobQueue(
  pool: pg.Pool,
  log: Logger,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    // Schedules are checked often enough that a due tick is never more than a little late.
    cronMonitorIntervalSeconds: 10,
  });
  boss.on('error', (error) => log.error({ err: describeError(error) }, 'job queue error'));
  await boss.start();
  await boss.createQueue(DELIVER, { name: DELIVER, retryLimit: 20, retryDelay: 5, retryBackoff: true });
  await boss.createQueue(TICK, { name: TICK, policy: 'singleton' });
  return {
    enqueue: async (client, messageIds) => {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      for (const messageId of messageIds) await boss.send(DELIVER, { messageId }, { db });
    },
    async work(bot) {
      const pollingIntervalSeconds = options.pollingSeconds ?? 1;
      // Several workers with large batches: a busy worker goes straight on to its next batch, and the
      // adapters' pacing, not the polling interval, sets the pace of a big wave.
      for (let worker = 0; worker < (options.deliveryWorkers ?? 4); worker += 1) {
        await boss.work<{ messageId: number }>(
          DELIVER,
          { pollingIntervalSeconds, batchSize: 25 },
          async (jobs) => {
            for (const job of jobs) await bot.rally.deliver(job.data.messageId);
          },
        );
      }
      await boss.work(TICK, { pollingIntervalSeconds }, async () => {
        await bot.rally.tick();
      });
      await boss.schedule(TICK, '* * * * *');
    },
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}
