import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { asFleet, type Bot, type ChatAdapter, type Fleet } from '../../src/core/chat-adapter.ts';
import type { Actor } from '../../src/core/command.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
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
  /** Shown once at start: where the ledger is, how to switch people; in the language of whoever types. */
  banner?: string | ((t: Translator) => string);
  /**
   * The language of whoever types here, as a platform locale (`fr-CA`): the terminal's LANG, read once at
   * start-up (see localeOfLang). Each member's /language choice still wins.
   */
  locale?: string;
}

/** The locale a POSIX LANG names (`fr_CA.UTF-8` → `fr-CA`), or undefined for `C`, `POSIX` or nothing. */
export function localeOfLang(lang: string | undefined): string | undefined {
  const tag = lang?.split(/[.@]/)[0]?.replace('_', '-');
  return tag && /^[a-z]{2,3}(?:-[a-z]{2})?$/i.test(tag) ? tag : undefined;
}

function terminalHelp(t: Translator): Reply['sections'][number] {
  return {
    heading: t('terminal.help_heading'),
    lines: [
      t('terminal.help_flag'),
      t('terminal.help_as'),
      t('terminal.help_press'),
      t('terminal.help_quit'),
    ],
  };
}

/**
 * The zero-configuration adapter: one person at a keyboard (or a script on stdin) playing any member. Lines are
 * handled one at a time, in order, so output follows input even when the ledger is slow.
 */
export class TerminalAdapter implements ChatAdapter {
  readonly platform = 'terminal';
  /** Settles when the person quits or the input ends, after the last line was answered. */
  readonly closed: Promise<void>;
  private actor: Actor;
  private lines: Interface | undefined;
  private queue: Promise<void> = Promise.resolve();
  private markClosed: () => void = () => undefined;
  /** The form being filled in, when a command was typed without its text. */
  private form: TerminalForm | undefined;

  constructor(private readonly options: TerminalOptions) {
    this.actor = this.withLocale(terminalActor(DEFAULT_TERMINAL_MEMBER, false));
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
  }

  async start(bots: Bot | Fleet): Promise<void> {
    // One keyboard, one collective: the terminal serves a deployment configured by the environment alone.
    const [bot, ...more] = asFleet(bots).bots;
    if (!bot || more.length > 0) throw new Error('the terminal serves exactly one collective');
    // Everyone is at this one keyboard, so private messages are printed with whom they are for.
    bot.attach('terminal', {
      directMessages: async (recipient, reply) => {
        const who = recipient.slice('terminal:local:'.length);
        // Whoever it is for reads it at this keyboard: in their language.
        const t = await bot.speak(this.withLocale(terminalActor(who, false)));
        this.write(`\n${t('terminal.private_message', { who })}\n${renderText(reply)}`);
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
    const banner = this.options.banner;
    if (banner) this.write(`${typeof banner === 'string' ? banner : banner(await bot.speak(this.actor))}\n`);
    const prompt = async () => {
      if (!interactive) return;
      const { name, isLead } = this.actor;
      lines.setPrompt(isLead ? (await bot.speak(this.actor))('terminal.prompt_lead', { name }) : `${name}> `);
      lines.prompt();
    };
    await prompt();
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
      this.say('info', (await bot.speak(this.actor))('terminal.slash_first'));
      return;
    }
    const { word, rest } = firstWord(trimmed.slice(1));
    const name = (word ?? '').toLowerCase();
    if (name === 'quit' || name === 'exit') {
      this.lines?.close();
      return;
    }
    if (name === 'as') {
      const actor = parseAsCommand(rest, await bot.speak(this.actor));
      if (!actor.ok) {
        this.say('error', actor.error.message);
        return;
      }
      this.actor = this.withLocale(actor.value);
      // Said in the language of whom they now are.
      const now = await bot.speak(this.actor);
      this.say(
        'success',
        now(this.actor.isLead ? 'terminal.now_lead' : 'terminal.now_member', { name: this.actor.name }),
      );
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
      this.say('info', (await bot.speak(this.actor))('terminal.cancelled'));
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
        const t = await bot.speak(actor);
        this.write(
          renderText(
            commandName === 'help' ? { ...reply, sections: [...reply.sections, terminalHelp(t)] } : reply,
          ),
        );
        if (reply.file) {
          // The terminal is the lead's own machine: the file goes into the current folder, private to them, as
          // the CLI's export writes it: whole, created anew (never over an earlier pack, never through a link).
          const saved = await writePackFile(Buffer.from(reply.file.data), undefined, reply.file.filename);
          if (saved.ok) {
            this.say('info', t('terminal.saved', { file: saved.value, folder: process.cwd() }));
          } else {
            this.say('error', t('terminal.not_saved', { reason: saved.error.message }));
          }
        }
      },
      forms: {
        firstAnswer: false,
        open: async (form) => {
          if (form.kind !== 'command') return;
          const command = bot.commands.find(form.name);
          if (!command) return;
          this.form = new TerminalForm(command, (name) => memberFromName(name, this.actor, form.t), form.t);
          await this.showStep(this.form.begin(), bot);
        },
      },
    };
  }

  /** Who types here, with the terminal's locale (its LANG at start-up), if it has one. */
  private withLocale(actor: Actor): Actor {
    return this.options.locale ? { ...actor, locale: this.options.locale } : actor;
  }

  /** A reply that is only a line, for what the terminal answers itself. */
  private say(tone: Reply['tone'], title: string): void {
    this.write(renderText({ tone, title, sections: [] }));
  }

  private write(text: string): void {
    this.options.output.write(text);
  }
}
