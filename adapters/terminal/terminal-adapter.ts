import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot, ChatAdapter } from '../../src/core/chat-adapter.ts';
import type { Actor } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Conversation } from '../../src/core/serve/conversation.ts';
import { firstWord } from '../../src/core/text-words.ts';
import { writePackFile } from '../../src/evidence/write-pack-file.ts';
import { renderText, sanitizeForTerminal } from './render-text.ts';
import { type FormStep, TerminalForm } from './terminal-form.ts';
import {
  DEFAULT_TERMINAL_MEMBER,
  memberFromName,
  parseAsCommand,
  terminalActor,
} from './terminal-identity.ts';

export interface TerminalOptions {
  input: Readable;
  output: Writable;
  /** Shown once at start: where the ledger is, how to switch people. */
  banner?: string;
}

const TERMINAL_HELP: Reply['sections'][number] = {
  heading: 'In this terminal',
  lines: [
    '/flag on its own asks for the link, the category, what the person attacked wants and the wording, one at a time.',
    '/as <name> acts as another member; /as <name> lead as an association lead.',
    '/press <button> presses a button of a private message (shown under it).',
    '/quit (or Ctrl-D) leaves; everything stays in the ledger.',
  ],
};

/**
 * The zero-configuration adapter: one person at a keyboard (or a script on stdin) playing any member. Lines are
 * handled one at a time, in order, so output follows input even when the ledger is slow.
 */
export class TerminalAdapter implements ChatAdapter {
  readonly platform = 'terminal';
  /** Settles when the person quits or the input ends, after the last line was answered. */
  readonly closed: Promise<void>;
  private actor: Actor = terminalActor(DEFAULT_TERMINAL_MEMBER, false);
  private lines: Interface | undefined;
  private queue: Promise<void> = Promise.resolve();
  private markClosed: () => void = () => undefined;
  /** The form being filled in, when a command was typed without its text. */
  private form: TerminalForm | undefined;

  constructor(private readonly options: TerminalOptions) {
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
  }

  async start(bot: Bot): Promise<void> {
    // Everyone is at this one keyboard, so private messages are printed with whom they are for.
    bot.attach('terminal', {
      directMessages: async (recipient, reply) => {
        const who = recipient.slice('terminal:local:'.length);
        this.write(`\n✉ Private message to ${who} (/as ${who} to answer it):\n${renderText(reply)}`);
      },
      leadChannel: { alerts: () => ['terminal:local:leads'], digests: () => [] },
      fileDelivery: true,
      // Whoever types at this keyboard is the collective; nobody can be removed from it.
      membership: { isMember: async () => true },
    });
    const interactive = Boolean((this.options.input as { isTTY?: boolean }).isTTY);
    const lines = createInterface({
      input: this.options.input,
      output: this.options.output,
      terminal: interactive,
    });
    this.lines = lines;
    if (this.options.banner) this.write(`${this.options.banner}\n`);
    const prompt = () => {
      if (!interactive) return;
      lines.setPrompt(`${this.actor.name}${this.actor.isLead ? ' (lead)' : ''}> `);
      lines.prompt();
    };
    prompt();
    lines.on('line', (line) => {
      this.queue = this.queue.then(() => this.handleLine(line, bot)).then(prompt);
    });
    lines.on('SIGINT', () => lines.close());
    lines.on('close', () => {
      void this.queue.then(() => this.markClosed());
    });
  }

  async stop(): Promise<void> {
    this.lines?.close();
    await this.closed;
  }

  private async handleLine(line: string, bot: Bot): Promise<void> {
    if (this.form) return this.showStep(this.form.answer(line), bot);
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (!trimmed.startsWith('/')) {
      this.say('info', 'Commands start with a slash. Type /help to see them.');
      return;
    }
    const { word, rest } = firstWord(trimmed.slice(1));
    const name = (word ?? '').toLowerCase();
    if (name === 'quit' || name === 'exit') {
      this.lines?.close();
      return;
    }
    if (name === 'as') {
      const actor = parseAsCommand(rest);
      if (!actor.ok) {
        this.say('error', actor.error.message);
        return;
      }
      this.actor = actor.value;
      this.say('success', `You are now ${this.actor.name}, ${this.actor.isLead ? 'a lead' : 'a member'}.`);
      return;
    }
    if (name === 'press') return bot.serve({ kind: 'press', actionId: rest.trim() }, this.conversation(bot));
    await bot.serve({ kind: 'command', name, input: { text: rest } }, this.conversation(bot, name));
  }

  private async showStep(step: FormStep, bot: Bot): Promise<void> {
    if (step.kind === 'ask') {
      this.write(`${sanitizeForTerminal(step.text)}\n`);
      return;
    }
    const name = this.form?.name ?? '';
    this.form = undefined;
    if (step.kind === 'cancelled') {
      this.say('info', 'Cancelled; nothing was recorded.');
      return;
    }
    await bot.serve({ kind: 'form', name, options: step.options }, this.conversation(bot, name));
  }

  /** One line's exchange: the person at the keyboard, answered on the screen, forms as questions. */
  private conversation(bot: Bot, commandName?: string): Conversation {
    const actor = this.actor;
    return {
      delivery: { platform: 'terminal', id: randomUUID() },
      acknowledge: async () => undefined,
      actor: async () => actor,
      answer: async (reply) => {
        this.write(
          renderText(
            commandName === 'help' ? { ...reply, sections: [...reply.sections, TERMINAL_HELP] } : reply,
          ),
        );
        if (reply.file) {
          // The terminal is the lead's own machine: the file goes into the current folder, private to them, as
          // the CLI's export writes it: whole, created anew (never over an earlier pack, never through a link).
          const saved = await writePackFile(Buffer.from(reply.file.data), undefined, reply.file.filename);
          if (saved.ok) {
            this.say('info', `Saved it as ${saved.value} in ${process.cwd()} (readable only by you).`);
          } else {
            this.say('error', `It was not saved: ${saved.error.message}`);
          }
        }
      },
      forms: {
        firstAnswer: false,
        open: async (form) => {
          if (form.kind !== 'command') return;
          const command = bot.commands.find(form.name);
          if (!command) return;
          this.form = new TerminalForm(command, (name) => memberFromName(name, this.actor), form.t);
          await this.showStep(this.form.begin(), bot);
        },
      },
    };
  }

  /** A reply that is only a line, for what the terminal answers itself. */
  private say(tone: Reply['tone'], title: string): void {
    this.write(renderText({ tone, title, sections: [] }));
  }

  private write(text: string): void {
    this.options.output.write(text);
  }
}
