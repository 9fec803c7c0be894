import type { AnyCommand, CommandOption } from '../../src/core/command.ts';
import { checkFormField } from '../../src/core/command-form.ts';

export type FormStep =
  | { kind: 'ask'; text: string }
  | { kind: 'done'; options: Record<string, unknown> }
  | { kind: 'cancelled' };

/**
 * A command's form as questions, one option at a time. A wrong answer is explained and the same question asked
 * again, so a frightened person never has to start over.
 */
export class TerminalForm {
  private index = 0;
  private readonly answers: Record<string, unknown> = {};

  constructor(private readonly command: AnyCommand) {}

  get name(): string {
    return this.command.name;
  }

  /** The form's heading and its first question. */
  begin(): FormStep {
    const title = this.command.form?.title ?? this.command.summary;
    return {
      kind: 'ask',
      text: `${title}. Answer each question, or type /cancel to stop.\n${this.question()}`,
    };
  }

  answer(line: string): FormStep {
    const text = line.trim();
    if (text.toLowerCase() === '/cancel') return { kind: 'cancelled' };
    const option = this.current();
    if (!option) return { kind: 'done', options: this.answers };
    const value = text === '' ? undefined : text;
    const problem = checkFormField(this.command, option.name, value);
    if (problem) return { kind: 'ask', text: `✗ ${problem}\n${this.question()}` };
    if (value !== undefined) this.answers[option.name] = value;
    this.index += 1;
    return this.current() ? { kind: 'ask', text: this.question() } : { kind: 'done', options: this.answers };
  }

  private current(): CommandOption | undefined {
    return this.command.options[this.index];
  }

  private question(): string {
    const option = this.current();
    if (!option) return '';
    const skip = option.required ? '' : ' (press Enter to skip)';
    const choices = option.choices ? `\n  One of: ${option.choices.join(', ')}` : '';
    return `? ${option.description}${skip}${choices}`;
  }
}
