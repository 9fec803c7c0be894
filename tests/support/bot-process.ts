import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/shieldwall.mjs');

/** The real `shieldwall start` in a child process, talked to through its stdin and stdout like a person would. */
export class BotProcess {
  private output = '';
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  /** `bin` and `cwd`: another checkout's shieldwall.mjs, run from its folder (default: this one's). */
  constructor(env: Record<string, string>, options: { bin?: string; cwd?: string } = {}) {
    // The terminal speaks the language LANG names: the tests read English unless one sets LANG itself.
    const base: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
    delete base.DATABASE_URL;
    this.child = spawn(process.execPath, [options.bin ?? BIN, 'start'], {
      env: { ...base, ...env },
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => {
      this.output += String(chunk);
    });
    this.child.stderr?.on('data', (chunk) => {
      this.output += String(chunk);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get printed(): string {
    return this.output;
  }

  type(line: string): void {
    this.child.stdin?.write(`${line}\n`);
  }

  /** Waits until the output contains `text` (bounded, so a broken bot fails the test instead of hanging it). */
  async waitFor(text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for "${text}"; the bot printed:\n${this.output}`);
      if (this.child.exitCode !== null)
        throw new Error(`the bot exited (${this.child.exitCode}):\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
