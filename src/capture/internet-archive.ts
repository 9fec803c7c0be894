import { z } from 'zod';

/**
 * The Internet Archive's Save Page Now 2 API: ask it to save a public page, then poll the job until it says where
 * the copy is. Optional (off unless the collective turns it on); a failure is a value, never a throw, because the
 * bot's own capture is the evidence and the archive's copy is only a second witness.
 */
export type ArchiveResult = { ok: true; archiveUrl: string } | { ok: false; reason: string };

export interface InternetArchive {
  save(url: string, signal?: AbortSignal): Promise<ArchiveResult>;
}

export interface InternetArchiveOptions {
  baseUrl?: string;
  /** The account's S3-style keys (archive.org/account/s3.php); SPN2 gives keyed users higher limits. */
  accessKey?: string;
  secretKey?: string;
  /** Between status polls. */
  pollMs?: number;
  /** The whole save, request to archived copy. SPN2 gives a capture about two minutes before it gives up. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

// The capture request answers a job id, or (with HTTP 200) an error such as a daily limit reached.
const submitAnswer = z.union([
  z.object({ job_id: z.string().regex(/^[\w-]{1,100}$/) }),
  z.object({ status: z.literal('error'), status_ext: z.string().optional() }),
]);

const statusAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({
    status: z.literal('success'),
    // The Wayback Machine's YYYYMMDDhhmmss.
    timestamp: z.string().regex(/^\d{14}$/),
    original_url: z.string().min(1),
  }),
  z.object({ status: z.literal('error'), status_ext: z.string().optional() }),
]);

/** Thrown inside save() only, and turned into its `reason`. */
class ArchiveFailure extends Error {}

export function createInternetArchive(options: InternetArchiveOptions = {}): InternetArchive {
  const baseUrl = (options.baseUrl ?? 'https://web.archive.org').replace(/\/+$/, '');
  const pollMs = options.pollMs ?? 3000;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.accessKey && options.secretKey) {
    headers.Authorization = `LOW ${options.accessKey}:${options.secretKey}`;
  }

  async function askJson(path: string, init: RequestInit, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { ...init, headers, signal });
    } catch (error) {
      if (signal.aborted) throw error;
      // Network errors can quote the request; the reason stays generic so neither keys nor the page leak.
      throw new ArchiveFailure('unreachable');
    }
    if (!response.ok) {
      // An unread body holds its connection open.
      await response.body?.cancel().catch(() => {});
      throw new ArchiveFailure(response.status === 429 ? 'rate-limited' : `http-${response.status}`);
    }
    try {
      return await response.json();
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ArchiveFailure('bad-answer');
    }
  }

  async function run(url: string, signal: AbortSignal): Promise<ArchiveResult> {
    const submitted = submitAnswer.safeParse(
      await askJson('/save', { method: 'POST', body: new URLSearchParams({ url }) }, signal),
    );
    if (!submitted.success) return { ok: false, reason: 'bad-answer' };
    if (!('job_id' in submitted.data)) return { ok: false, reason: errorCode(submitted.data.status_ext) };
    const statusPath = `/save/status/${encodeURIComponent(submitted.data.job_id)}`;
    for (;;) {
      await sleep(pollMs, signal);
      const parsed = statusAnswer.safeParse(await askJson(statusPath, { method: 'GET' }, signal));
      if (!parsed.success) return { ok: false, reason: 'bad-answer' };
      const answer = parsed.data;
      if (answer.status === 'success') {
        return { ok: true, archiveUrl: `${baseUrl}/web/${answer.timestamp}/${answer.original_url}` };
      }
      if (answer.status === 'error') return { ok: false, reason: errorCode(answer.status_ext) };
    }
  }

  return {
    async save(url, signal) {
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      try {
        return await run(url, combined);
      } catch (error) {
        if (error instanceof ArchiveFailure) return { ok: false, reason: error.message };
        if (signal?.aborted) return { ok: false, reason: 'aborted' };
        if (deadline.aborted) return { ok: false, reason: 'timed-out' };
        return { ok: false, reason: 'error' };
      }
    },
  };
}

/** SPN2's `status_ext` (e.g. `error:too-many-daily-captures`); its `message` is left out, as it can name the page. */
function errorCode(statusExt: string | undefined): string {
  return statusExt && /^error:[a-z0-9-]{1,60}$/.test(statusExt) ? statusExt : 'error:unknown';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
