import type PgBoss from 'pg-boss';
import type { Bot } from '../core/chat-adapter.ts';
import type { Ledger } from '../core/ledger-port.ts';
import { type CollectiveSettings, DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import { createDigestQueue, digestQueue, QUEUES } from './queues.ts';
import { sendDueDigests } from './weekly-digest.ts';

/** What a collective's weekly digest needs besides its bot: its ledger, its settings and its schedule. */
export interface DigestSchedule {
  ledger: Ledger;
  settings: CollectiveSettings;
  cron: string;
}

/** What scheduling digests needs from the job queue that works them. */
export interface DigestWorkDeps {
  boss: PgBoss;
  pollingIntervalSeconds: number;
  /** The bot serving a collective in this process now; throws when none does, so the job is retried. */
  botOf(collectiveId: string): Bot;
  /** Wraps a job's work the way every handler of the queue is (counted, refused while stopping). */
  handler(work: () => Promise<unknown>): PgBoss.WorkHandler<object>;
  /** Runs DDL (creating a queue) under the lock processes take turns with. */
  setUp(work: () => Promise<void>): Promise<void>;
}

/**
 * Each collective's digest on its own queue and schedule, in its own time zone. A collective scheduled again
 * (its setup changed with /setup, here or in another process) keeps its one worker, which sends what is current
 * when the digest is due: the latest settings, through the bot serving it then, never a replaced one's.
 */
export function digestSchedules(deps: DigestWorkDeps): (digest: DigestSchedule) => Promise<void> {
  const { boss, pollingIntervalSeconds, botOf, handler, setUp } = deps;
  const byQueue = new Map<string, DigestSchedule>();
  const sendDue = (queue: string) => {
    const digest = byQueue.get(queue);
    if (!digest) throw new Error('no digest is scheduled on this queue');
    const bot = botOf(digest.settings.collectiveId ?? DEFAULT_COLLECTIVE_ID);
    return sendDueDigests({
      ...digest,
      now: () => new Date(),
      destinations: () => bot.digestDestinations(),
      send: bot.deliver,
    });
  };
  return async (digest) => {
    const queue = digestQueue(digest.settings.collectiveId ?? DEFAULT_COLLECTIVE_ID);
    const worked = byQueue.has(queue);
    byQueue.set(queue, digest);
    if (!worked) {
      if (queue !== QUEUES.digest) await setUp(() => createDigestQueue(boss, queue));
      await boss.work(
        queue,
        { pollingIntervalSeconds },
        handler(() => sendDue(queue)),
      );
    }
    await boss.schedule(queue, digest.cron, {}, { tz: digest.settings.timezone });
    // Catch up: a digest whose hour passed while no bot was running goes out now.
    await boss.send(queue, {});
  };
}
