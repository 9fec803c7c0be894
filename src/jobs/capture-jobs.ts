import type { Logger } from 'pino';
import type { CaptureFollowUp } from '../core/capture/capture-follow-up.ts';
import type { CaptureResult, PageArchive, PageCapturer } from '../core/capture/page-capturer.ts';
import { type CaptureStore, nextCheckAt } from '../core/capture/page-captures.ts';
import { describeError } from '../core/run-command.ts';

/** Everything the capture jobs use; absent when capture is off or there is no browser. */
export interface CaptureWork {
  capturer: PageCapturer;
  store: CaptureStore;
  /** Off by default (CAPTURE_ARCHIVE). */
  archive?: PageArchive;
  /** Days after the flag to check again whether the post is still up. */
  recheckDays: readonly number[];
  /** Tries for a capture that failed for a passing reason, before its failure is kept. */
  attempts: number;
  /** Captures in this process at once. */
  concurrency: number;
  /**
   * Tests only: where the browser really goes for a page's address (a server on loopback standing in for a
   * platform, whose links the ledger accepts only on public hosts).
   */
  addressFor?: (url: string) => string;
}

/** Failures worth another try later: the page may load next time. Others (a login wall, a 404) will not change. */
const PASSING: ReadonlySet<CaptureResult['outcome'] | string> = new Set([
  'timed-out',
  'unreachable',
  'error',
]);

/** Thrown to have pg-boss try the capture again later, with its backoff. */
export class CaptureRetry extends Error {}

/**
 * One capture job: runs the capture once per incident, page and address (a job run again after a restart finds
 * it done, or still pending and captures it), keeps the result whole or keeps why it failed, and reports back.
 */
export async function runCapture(
  work: CaptureWork,
  follow: CaptureFollowUp,
  captureId: number,
  log: Logger,
  signal: AbortSignal,
  quiet: () => Promise<void> = async () => undefined,
): Promise<void> {
  // Members first: a capture starts, and keeps its bytes, only while no request is being answered.
  await quiet();
  const task = await work.store.begin(captureId);
  if (!task) return;
  const address = work.addressFor?.(task.url) ?? task.url;
  const result = await work.capturer.capture(address, signal);
  // Stopping is not the page's fault: the job runs again after the restart, and nothing is kept now.
  if (signal.aborted) throw new CaptureRetry('Shieldwall is stopping; the capture will run again');
  if (result.outcome === 'failed' && PASSING.has(result.reason) && task.attempts < work.attempts)
    throw new CaptureRetry(`capture failed (${result.reason}); it will be tried again`);
  await quiet();
  const next =
    task.page === 'post' && result.outcome === 'captured'
      ? nextCheckAt(task.firstReportedAt, work.recheckDays, 0)
      : null;
  if (!(await work.store.finish(captureId, result, next))) return;
  log.info(
    { incidentId: task.incidentId, page: task.page, outcome: result.outcome, ...failure(result) },
    'page capture ended',
  );
  if (result.outcome === 'captured' && work.archive) {
    const archived = await work.archive.save(address, signal);
    if (archived.ok) await work.store.archived(captureId, archived.archiveUrl);
    else
      log.warn({ incidentId: task.incidentId, reason: archived.reason }, 'the public archive kept no copy');
  }
  // Kept already: a card that could not be redrawn, or a message not queued, must not run the capture again.
  await follow
    .finished(task.incidentId, task.page, result)
    .catch((error: unknown) =>
      log.error(
        { incidentId: task.incidentId, err: describeError(error) },
        'a capture was kept but not told',
      ),
    );
}

/** How far back a lost capture request is made good: a post flagged longer ago may be gone already. */
const MISSED_WITHIN_MS = 86_400_000;

/** Asks again for the captures of recent incidents that have none (their request was lost). */
export async function requestMissedCaptures(
  work: CaptureWork,
  follow: CaptureFollowUp,
  now: () => Date,
): Promise<number> {
  const missed = await work.store.uncaptured(new Date(now().getTime() - MISSED_WITHIN_MS), 50);
  await follow.requestMissed(missed);
  return missed.length;
}

/** Checks again the captured posts whose time has come: still up, gone (told to those concerned), or unknown. */
export async function runRechecks(
  work: CaptureWork,
  follow: CaptureFollowUp,
  now: () => Date,
  log: Logger,
  signal: AbortSignal,
): Promise<number> {
  const due = await work.store.dueChecks(now(), 20);
  for (const check of due) {
    if (signal.aborted) break;
    const liveness = await work.capturer.check(work.addressFor?.(check.url) ?? check.url, signal);
    if (signal.aborted) break;
    const next =
      liveness.state === 'gone'
        ? null
        : nextCheckAt(check.firstReportedAt, work.recheckDays, check.checksDone + 1);
    // On the job's clock, which the checks were scheduled on.
    await work.store.checked(check.captureId, { ...liveness, at: now() }, next);
    if (liveness.state === 'up') await follow.stillUp(check.incidentId);
    if (liveness.state === 'gone') {
      log.info({ incidentId: check.incidentId, reason: liveness.reason }, 'a flagged post is gone');
      await follow
        .gone(check.incidentId)
        .catch((error: unknown) =>
          log.error(
            { incidentId: check.incidentId, err: describeError(error) },
            'nobody was told the post is gone',
          ),
        );
    }
  }
  return due.length;
}

function failure(result: CaptureResult) {
  return result.outcome === 'failed' ? { reason: result.reason } : {};
}
