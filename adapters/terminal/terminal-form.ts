import type { AnyCommand, CommandOption } from '../../src/core/command.ts';
import { checkForm, checkFormField } from '../../src/core/command-form.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
import type { MemberRef } from '../../src/core/ledger-port.ts';
import type { Result } from '../../src/core/result.ts';

/** Turns a typed name into the member it means (the terminal has no user picker). */
export type MemberFromName = (name: string) => Result<MemberRef>;

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
  /** Set once every question was asked: a corrected answer then goes straight back to the whole-form check. */
  private reviewing = false;
  /** Files can't be attached in a terminal, so those questions are not asked. */
  private readonly questions: CommandOption[];

  constructor(
    private readonly command: AnyCommand,
    private readonly memberFromName: MemberFromName,
    /** Speaks the member's language: the questions are asked in it. */
    private readonly t: Translator,
  ) {
    this.questions = command.options.filter((option) => option.kind !== 'files');
  }

  get name(): string {
    return this.command.name;
  }

  /** The form's heading and its first question. */
  begin(): FormStep {
    const title = this.t(this.command.form?.title ?? this.command.summary);
    return { kind: 'ask', text: `${this.t('cmd.form.begin', { title })}\n${this.question()}` };
  }

  answer(line: string): FormStep {
    const text = line.trim();
    if (text.toLowerCase() === '/cancel') return { kind: 'cancelled' };
    const option = this.current();
    if (!option) return { kind: 'done', options: this.answers };
    let value: unknown = text === '' ? undefined : text;
    if (option.kind === 'member' && value !== undefined) {
      const member = this.memberFromName(text);
      if (!member.ok) return { kind: 'ask', text: `✗ ${member.error.message}\n${this.question()}` };
      value = member.value;
    }
    const problem = checkFormField(this.command, option.name, value, this.t);
    if (problem) return { kind: 'ask', text: `✗ ${problem}\n${this.question()}` };
    if (value === undefined) delete this.answers[option.name];
    else this.answers[option.name] = value;
    // Once reviewing, a corrected answer goes back to the check; one left empty moves on to the next question
    // (a link left out may be replaced by where it happened).
    this.index =
      this.reviewing && value !== undefined ? this.questions.length : this.nextIndex(this.index + 1);
    return this.current() ? { kind: 'ask', text: this.question() } : this.finish();
  }

  /** Answers that only fit together are judged last; the question they point at is asked again. */
  private finish(): FormStep {
    this.reviewing = true;
    const errors = checkForm(this.command, this.answers, this.t);
    const wrong = this.questions.findIndex((question) => errors[question.name] !== undefined);
    if (wrong === -1) return { kind: 'done', options: this.answers };
    this.index = wrong;
    return { kind: 'ask', text: `✗ ${errors[this.questions[wrong]?.name ?? '']}\n${this.question()}` };
  }

  private nextIndex(from: number): number {
    let index = from;
    for (; index < this.questions.length; index++) {
      const dependsOn = this.questions[index]?.onlyWithout;
      if (dependsOn === undefined || this.answers[dependsOn] === undefined) break;
    }
    return index;
  }

  private current(): CommandOption | undefined {
    return this.questions[this.index];
  }

  private question(): string {
    const option = this.current();
    if (!option) return '';
    const { t } = this;
    const asked = t(option.description);
    const question = option.required ? asked : t('cmd.form.optional', { question: asked });
    const labels = option.choiceLabels?.(t) ?? {};
    const choices = option.choices
      ? `\n  ${t('cmd.form.one_of', { choices: option.choices.map((c) => (labels[c] ? `${c} (${labels[c]})` : c)).join(', ') })}`
      : option.kind === 'yes-no'
        ? `\n  ${t('cmd.form.yes_or_no')}`
        : option.kind === 'member'
          ? `\n  ${t('cmd.form.member_name')}`
          : '';
    return `? ${question}${choices}`;
  }
}
