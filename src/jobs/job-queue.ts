import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { CaptureFollowUp } from '../core/capture/capture-follow-up.ts';
import { asFleet, type Bot, type Fleet } from '../core/chat-adapter.ts';
import { describeError } from '../core/run-command.ts';
import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import { WorkInFlight } from '../core/work-in-flight.ts';
import type { CaptureJobs } from '../ledger/page-captures.ts';
import type { DeliveryJobs, EnqueueDelivery } from '../ledger/rally-store.ts';
import { type RetentionPolicy, retentionApplies, runRetention } from '../ledger/retention.ts';
import { foldOffenderSignals } from '../ledger/shared-signals.ts';
import { withClient } from '../ledger/transaction.ts';
import { type CaptureWork, requestMissedCaptures, runCapture, runRechecks } from './capture-jobs.ts';
import { type DigestSchedule, digestSchedules } from './digest-schedules.ts';
import { createQueues, digestQueue, MEMBERS_CRON, QUEUES, RECHECK_CRON } from './queues.ts';

export type { DigestSchedule } from './digest-schedules.ts';

// Any fixed number, the same in every Shieldwall process; it only names the lock.
const QUEUE_SETUP_LOCK = 7_447_001;
// pg-boss completes or fails a job after its handler without awaiting the call (pg-boss issue #577): with the
// ledger unreachable at that moment (its server restarting), the rejection would end the process. Such a job
// stays active and runs again once it expires, so these two statements may fail quietly.
const SETTLES_JOBS = /SET completed_on = now\(\)|WITH deleted_jobs AS/;
// How long stop() waits for jobs under way (pg-boss's own default), before closing regardless.
const STOP_TIMEOUT_MS = 30_000;

async function withAdvisoryLock(pool: pg.Pool, key: number, work: () => Promise<void>): Promise<void> {
  await withClient(pool, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    }
  });
}

export interface JobQueue extends DeliveryJobs, CaptureJobs {
  /** Creates delivery jobs inside the caller's transaction (see createPgRallyStore). */
  enqueue: EnqueueDelivery;
  /**
   * Starts working: deliveries, the rally tick every minute, responders checked against the platforms' members
   * and the incident channels' privacy every 15 minutes, and the weekly digest on its schedule (sending a
   * digest missed while the bot was down straight away). Call once the adapters can send.
   *
   * With a fleet, each collective's deliveries go through its own bot, and each has its own digest schedule
   * (a digest's settings name the collective); the rally tick and the members' check run for every bot.
   */
  work(
    bots: Bot | Fleet,
    digests?: DigestSchedule | readonly DigestSchedule[],
    retention?: RetentionPolicy,
    capture?: CaptureWork,
    /** Where captures report back; with several collectives, each incident's own bot (see app/capture-routing). */
    captureFollowUp?: CaptureFollowUp,
  ): Promise<void>;
  /**
   * A collective served from now on (set up in chat while the process runs): its digest gets its schedule, at
   * once, or when `work` starts if it has not yet. Its deliveries, rally tick and members' check need nothing:
   * they find its bot in the fleet `work` was given.
   */
  scheduleDigest(digest: DigestSchedule): Promise<void>;
  /** A collective served no more (its workspace removed the app): its digest is no longer due each week. */
  unscheduleDigest(collectiveId: string): Promise<void>;
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
  /** The first wait before a capture is tried again (doubling each time); tests shorten it. */
  captureRetrySeconds?: number;
}

export async function startJobQueue(
  pool: pg.Pool,
  log: Logger,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  // Every statement pg-boss sends and every handler we give it is counted, so stop() can wait for the last one.
  const inFlight = new WorkInFlight();
  let stopping = false;
  const boss = new PgBoss({
    db: {
      executeSql: (text, values) =>
        inFlight
          .track(() => pool.query(text, values))
          .catch((error: unknown) => {
            if (!SETTLES_JOBS.test(text)) throw error;
            log.warn({ err: describeError(error) }, 'a job could not be marked done; it will run again');
            // pg-boss reads "no job affected" from this.
            return undefined as unknown as pg.QueryResult;
          }),
    },
    // Schedules are checked often enough that a due tick is never more than a little late.
    cronMonitorIntervalSeconds: 10,
  });
  boss.on('error', (error) => log.error({ err: describeError(error) }, 'job queue error'));
  // Creating pg-boss's schema (in start) and the queues is DDL: processes starting at once on an empty database
  // collide on it (a duplicate schema, deadlocks), so they take turns. pg-boss's own lock around its schema
  // does not cover the check before it.
  await withAdvisoryLock(pool, QUEUE_SETUP_LOCK, async () => {
    await boss.start();
    await createQueues(boss, options);
  });
  const captureWorkers: string[] = [];
  // Aborted at stop(): captures and checks under way end at once and run again after the restart.
  const stopCaptures = new AbortController();
  const deliveryWorkers: string[] = [];
  // Set by work(): how a collective's digest is scheduled, then and for collectives set up later.
  let scheduleDigest: ((digest: DigestSchedule) => Promise<void>) | undefined;
  // Digests of collectives set up before work() started (a request between the adapters' start and it).
  const digestsBeforeWork: DigestSchedule[] = [];
  // A handler that a fetch already under way at stop() hands jobs to refuses them: they go back to the queue,
  // for this process after a restart or for another process, instead of starting work while the pool closes.
  const handler =
    <T>(work: (jobs: PgBoss.Job<T>[]) => Promise<unknown>) =>
    (jobs: PgBoss.Job<T>[]) =>
      inFlight.track(async () => {
        if (stopping) throw new Error('Shieldwall is stopping; the job will run again');
        await work(jobs);
      });
  return {
    enqueue: async (client, messageIds, collectiveId) => {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      // One statement for the whole wave: a wave of 500 alerts inserts its jobs in one round trip, not 500.
      await boss.insert(
        messageIds.map((messageId) => ({ name: QUEUES.deliver, data: { messageId, collectiveId } })),
        { db },
      );
    },
    wake() {
      // Workers in other processes find the jobs at their next poll.
      for (const id of deliveryWorkers) boss.notifyWorker(id);
    },
    enqueueCaptures: async (client, captureIds) => {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      await boss.insert(
        captureIds.map((captureId) => ({ name: QUEUES.capture, data: { captureId } })),
        { db },
      );
    },
    wakeCaptures() {
      for (const id of captureWorkers) boss.notifyWorker(id);
    },
    async work(bots, digests, retention, capture, captureFollowUp) {
      const fleet = asFleet(bots);
      const botOf = (collectiveId: string | undefined) => {
        const bot = fleet.bot(collectiveId ?? DEFAULT_COLLECTIVE_ID);
        // Another process serves it (a deployment split by collective), or its configuration was removed: the
        // job fails here and is retried, never sent by a bot of another collective.
        if (!bot) throw new Error('no bot here serves the collective of this job');
        return bot;
      };
      const everyBot = async (work: (bot: Bot) => Promise<unknown>) => {
        for (const bot of fleet.bots) await work(bot);
      };
      const pollingIntervalSeconds = options.pollingSeconds ?? 1;
      // Several workers with large batches: a busy worker goes straight on to its next batch, and the
      // adapters' pacing, not the polling interval, sets the pace of a big wave.
      for (let worker = 0; worker < (options.deliveryWorkers ?? 4); worker += 1) {
        const workerId = await boss.work<{ messageId: number; collectiveId?: string }>(
          QUEUES.deliver,
          { pollingIntervalSeconds, batchSize: 25 },
          handler(async (jobs) => {
            // Each message on its own: one the platform refuses (a responder who left, DMs closed) is retried
            // alone. Throwing would fail the whole batch: the alerts after it would wait for pg-boss's retries
            // (5 s at the soonest, longer each time, and each could stop at it again). pg-boss then completes
            // only the jobs still active.
            const failed: string[] = [];
            let lastError: unknown;
            for (const job of jobs) {
              try {
                await botOf(job.data.collectiveId).rally.deliver(job.data.messageId);
              } catch (error) {
                failed.push(job.id);
                lastError = error;
              }
            }
            if (failed.length > 0) {
              log.warn({ err: describeError(lastError), failed: failed.length }, 'rally delivery failed');
              for (const id of failed) await boss.fail(QUEUES.deliver, id, describeError(lastError));
            }
          }),
        );
        deliveryWorkers.push(workerId);
      }
      await boss.work(
        QUEUES.tick,
        { pollingIntervalSeconds },
        handler(() => everyBot((bot) => bot.rally.tick())),
      );
      await boss.schedule(QUEUES.tick, '* * * * *');
      // The shared offender counts take in the flags and corrections since the last fold (see shared-signals.ts).
      await boss.work(
        QUEUES.signals,
        { pollingIntervalSeconds },
        handler(() => foldOffenderSignals(pool)),
      );
      await boss.schedule(QUEUES.signals, '* * * * *');
      await boss.work(
        QUEUES.members,
        { pollingIntervalSeconds },
        // The incident channels' privacy too: a channel made public sends a bot no event on Slack.
        handler(() =>
          everyBot(async (bot) => {
            await bot.recheckChannelPrivacy();
            await bot.reconcileMembers();
          }),
        ),
      );
      await boss.schedule(QUEUES.members, MEMBERS_CRON);
      const schedules = digests === undefined ? [] : 'cron' in digests ? [digests] : digests;
      scheduleDigest = digestSchedules({
        boss,
        pollingIntervalSeconds,
        botOf,
        handler: (work) => handler(() => work()),
        setUp: (work) => withAdvisoryLock(pool, QUEUE_SETUP_LOCK, work),
      });
      for (const digest of [...schedules, ...digestsBeforeWork.splice(0)]) await scheduleDigest(digest);
      const only = fleet.bots.length === 1 ? fleet.bots[0] : undefined;
      const follow = captureFollowUp ?? only?.captures;
      if (capture && !follow) throw new Error('captures need to know which bot reports back');
      if (capture && follow) {
        // One capture at a time per worker: each drives a browser page, the heaviest work this process does.
        for (let worker = 0; worker < capture.concurrency; worker += 1) {
          const workerId = await boss.work<{ captureId: number }>(
            QUEUES.capture,
            { pollingIntervalSeconds, batchSize: 1 },
            handler(async ([job]) => {
              if (job)
                await runCapture(capture, follow, job.data.captureId, log, stopCaptures.signal, () =>
                  Promise.all(fleet.bots.map((bot) => bot.idle())).then(() => undefined),
                );
            }),
          );
          captureWorkers.push(workerId);
        }
        await boss.work(
          QUEUES.recheck,
          { pollingIntervalSeconds },
          // And first, any capture request a process lost when it died right after the flag.
          handler(async () => {
            await requestMissedCaptures(capture, follow, () => new Date());
            await runRechecks(capture, follow, () => new Date(), log, stopCaptures.signal);
          }),
        );
        await boss.schedule(QUEUES.recheck, RECHECK_CRON);
      }
      if (retention && retentionApplies(retention)) {
        await boss.work(
          QUEUES.purge,
          { pollingIntervalSeconds },
          handler(async () => {
            const { closed, purged } = await runRetention(pool, retention, new Date());
            if (closed > 0)
              log.info({ closed, ...retention }, 'open incidents with no activity closed as lapsed');
            if (purged > 0) log.info({ purged, ...retention }, 'personal data of incidents purged');
            // Also catches incidents purged by hand (`shieldwall purge`), which has no chat to redraw them in.
            await everyBot((bot) => bot.redrawPurgedCards());
          }),
        );
        await boss.schedule(QUEUES.purge, '17 3 * * *', {}, { tz: schedules[0]?.settings.timezone ?? 'UTC' });
        await boss.send(QUEUES.purge, {});
      }
    },
    async scheduleDigest(digest) {
      if (scheduleDigest) await scheduleDigest(digest);
      else digestsBeforeWork.push(digest);
    },
    async unscheduleDigest(collectiveId) {
      // Schedules live in the database, for every process: one unschedule ends it everywhere.
      await boss.unschedule(digestQueue(collectiveId));
    },
    async stop() {
      stopping = true;
      stopCaptures.abort();
      // pg-boss waits for the handlers it sees running; then we wait for what its stop does not: a fetch that
      // was under way, its handler, and the completions it sends without awaiting them.
      await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
      if (!(await inFlight.settled(STOP_TIMEOUT_MS)))
        log.warn('job queue still busy after stop; closing anyway');
    },
  };
}
