import { Worker } from 'node:worker_threads';
import type { FakeSlackOptions } from '../tests/fakes/fake-slack.ts';

/** What the main thread asks of the fake's thread: a wait for response URL posts, or for calls to `method`. */
export interface WaitRequest {
  type: 'wait';
  id: number;
  method?: string;
  count: number;
  timeoutMs: number;
}

/** What the main thread asks of the fake's thread: the calls to `method` it accepted so far. */
export interface CallsRequest {
  type: 'calls';
  id: number;
  method: string;
}

/** A call the fake accepted: its body, and when it arrived (the fake's `Date.now()`, in its own thread). */
export interface ArrivedCall {
  body: Record<string, unknown>;
  at: number;
}

type FromThread =
  | { type: 'ready'; apiUrl: string; responseUrlBase: string }
  | { type: 'waited'; id: number; error?: string }
  | { type: 'calls'; id: number; calls: ArrivedCall[] };

/**
 * The fake Slack on a thread of its own. Real Slack answers from elsewhere; in the bench's process its HTTP
 * server would share the app's event loop, and answering the flags' replies and cards would slow the very
 * acknowledgements B2 measures, while the bare app has nothing to answer.
 */
export class FakeSlackThread {
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly listings = new Map<number, (calls: ArrivedCall[]) => void>();
  private nextId = 0;

  private constructor(
    private readonly worker: Worker,
    readonly apiUrl: string,
    private readonly responseUrlBase: string,
  ) {
    worker.on('message', (message: FromThread) => {
      if (message.type === 'calls') {
        this.listings.get(message.id)?.(message.calls);
        this.listings.delete(message.id);
        return;
      }
      if (message.type !== 'waited') return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve();
    });
  }

  static async start(options: FakeSlackOptions): Promise<FakeSlackThread> {
    // Module hooks are not inherited by threads: the thread registers tsx itself, then loads its TypeScript.
    const entry = new URL('./fake-slack-worker.ts', import.meta.url).href;
    const worker = new Worker(
      `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
      { eval: true, workerData: options },
    );
    const ready = await new Promise<Extract<FromThread, { type: 'ready' }>>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: FromThread) => {
        if (message.type === 'ready') resolve(message);
      });
    });
    return new FakeSlackThread(worker, ready.apiUrl, ready.responseUrlBase);
  }

  responseUrl(id: string): string {
    return `${this.responseUrlBase}${encodeURIComponent(id)}`;
  }

  /** Until the fake has taken `count` posts to response URLs in all. */
  waitForResponseUrlPosts(count: number, timeoutMs: number): Promise<void> {
    return this.waitFor({ count, timeoutMs });
  }

  /** Until the fake has accepted `count` calls to a Web API method in all. */
  waitForCalls(method: string, count: number, timeoutMs: number): Promise<void> {
    return this.waitFor({ method, count, timeoutMs });
  }

  /** The calls to a Web API method the fake has accepted so far, with when each arrived. */
  callsTo(method: string): Promise<ArrivedCall[]> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.listings.set(id, resolve);
      this.worker.postMessage({ type: 'calls', id, method } satisfies CallsRequest);
    });
  }

  private waitFor(wait: Omit<WaitRequest, 'type' | 'id'>): Promise<void> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'wait', id, ...wait } satisfies WaitRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' });
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }
}
