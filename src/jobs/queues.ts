import type PgBoss from 'pg-boss';
import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';

/** The job queues, by name: the same in every Shieldwall process on one database. */
export const QUEUES = {
  deliver: 'rally-deliver',
  tick: 'rally-tick',
  digest: 'weekly-digest',
  purge: 'retention-purge',
  members: 'members-reconcile',
  capture: 'page-capture',
  recheck: 'post-recheck',
  signals: 'signals-fold',
} as const;

// Captured posts due a check are looked for this often; a check is due a day or a week after the flag.
export const RECHECK_CRON = '*/10 * * * *';
// How often responders are checked against the platforms' member lists, for leavings no event told us about
// (the live check before each alert already keeps them from being alerted meanwhile), and the incident channels
// checked to be still private (the check before each card already keeps details out meanwhile).
export const MEMBERS_CRON = '*/15 * * * *';

/** The default collective keeps the queue its digests always had; every other collective has its own. */
export function digestQueue(collectiveId: string): string {
  return collectiveId === DEFAULT_COLLECTIVE_ID ? QUEUES.digest : `${QUEUES.digest}-${collectiveId}`;
}

const DIGEST_OPTIONS = { policy: 'singleton', retryLimit: 10, retryBackoff: true } as const;

/** Creates every queue a process works (DDL: the caller holds the setup lock). */
export async function createQueues(boss: PgBoss, options: { captureRetrySeconds?: number }): Promise<void> {
  await boss.createQueue(QUEUES.deliver, {
    name: QUEUES.deliver,
    retryLimit: 20,
    retryDelay: 5,
    retryBackoff: true,
  });
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: 'singleton' });
  await createDigestQueue(boss, QUEUES.digest);
  await boss.createQueue(QUEUES.purge, { name: QUEUES.purge, policy: 'singleton' });
  await boss.createQueue(QUEUES.members, { name: QUEUES.members, policy: 'singleton' });
  // A capture whose process died mid-way expires and runs again after a few minutes, not pg-boss's 15.
  await boss.createQueue(QUEUES.capture, {
    name: QUEUES.capture,
    retryLimit: 10,
    retryDelay: options.captureRetrySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await boss.createQueue(QUEUES.recheck, {
    name: QUEUES.recheck,
    policy: 'singleton',
    expireInSeconds: 1800,
  });
  await boss.createQueue(QUEUES.signals, { name: QUEUES.signals, policy: 'singleton' });
}

/** A collective's digest queue: one run at a time, retried with backoff (DDL: the caller holds the setup lock). */
export async function createDigestQueue(boss: PgBoss, queue: string): Promise<void> {
  await boss.createQueue(queue, { name: queue, ...DIGEST_OPTIONS });
}
