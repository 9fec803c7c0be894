import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** CaptureSite, run in a child process: the same pages, served without the bot's event loop. */
export class RemoteCaptureSite {
  private constructor(
    private readonly child: ChildProcess,
    readonly origin: string,
    readonly pageBytes: number,
  ) {}

  static async start(): Promise<RemoteCaptureSite> {
    const child = fork(path.join(import.meta.dirname, 'capture-site-main.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { origin, pageBytes } = await new Promise<{ origin: string; pageBytes: number }>(
      (resolve, reject) => {
        child.once('message', (message) => resolve(message as { origin: string; pageBytes: number }));
        child.once('exit', (code) => reject(new Error(`the capture site ended (${code})`)));
      },
    );
    return new RemoteCaptureSite(child, origin, pageBytes);
  }

  /** `https://x.com/i/status/1` → `http://127.0.0.1:port/x.com/i/status/1` (see CaptureWork.addressFor). */
  addressFor = (url: string): string => {
    const parsed = new URL(url);
    return `${this.origin}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
  };

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}
