import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '../../adapters/terminal/terminal-adapter.ts';
import type { Bot } from '../../src/core/chat-adapter.ts';
import { createTestBot } from '../support/core-harness.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';

/** What `/as` answers, in English or in French (after `/language fr`). */
const MARK = /You are now|Vous êtes maintenant/g;

/**
 * A real TerminalAdapter kept running, typed into line by line like a person at the keyboard. Lines are handled
 * in order, so a line's answer is everything printed between the `/as` before it and the `/as` after it.
 */
export class TerminalRig {
  private printed = '';

  private constructor(
    readonly terminal: TerminalAdapter,
    readonly bot: Bot,
    private readonly input: PassThrough,
  ) {}

  static async start(db: TestDatabase): Promise<TerminalRig> {
    const input = new PassThrough();
    const output = new PassThrough();
    const terminal = new TerminalAdapter({ input, output });
    const bot = createTestBot(db);
    const rig = new TerminalRig(terminal, bot, input);
    output.on('data', (chunk) => {
      rig.printed += String(chunk);
    });
    await terminal.start(bot);
    return rig;
  }

  /** Types `lines` as `person` and returns what they were shown. */
  async type(person: { name: string; lead?: boolean }, lines: string[]): Promise<string> {
    const as = `/as ${person.name}${person.lead ? ' lead' : ''}`;
    const start = this.printed.length;
    this.input.write(`${[as, ...lines, as].join('\n')}\n`);
    const shown = await waitUntil(
      () => {
        const text = this.printed.slice(start);
        const marks = [...text.matchAll(MARK)].map((match) => match.index);
        const first = marks[0];
        const last = marks.at(-1);
        return first !== undefined && last !== undefined && first !== last
          ? text.slice(text.indexOf('\n', first) + 1, last)
          : undefined;
      },
      10_000,
      'the terminal to answer',
    );
    return shown;
  }

  /** Private messages printed for `name`. */
  directMessages(name: string): string[] {
    return this.printed
      .split(/\n(?=✉ )/)
      .filter((block) => block.startsWith(`✉ Private message to ${name} `));
  }

  async stop(): Promise<void> {
    this.input.end();
    await this.terminal.closed;
  }
}
