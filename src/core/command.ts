import type { z } from 'zod';
import type { EvidenceExporter } from './evidence-port.ts';
import type { MessageKey, Translator } from './i18n/translator.ts';
import type { Delivery, Ledger, RecordedFlag } from './ledger-port.ts';
import type { FlagLimiter } from './limits/member-limits.ts';
import type { RallyState } from './rally/rally-store.ts';
import type { Reply } from './reply.ts';
import type { Result } from './result.ts';
import type { CollectiveSettings } from './settings.ts';

/** Who is asking. The id carries its platform (`terminal:local:alice`, `slack:T1:U1`); only adapters build it. */
export interface Actor {
  id: string;
  name: string;
  isLead: boolean;
  /** The language their platform reports for them (Discord's interaction locale, Slack's user locale), if any. */
  locale?: string;
}

/** The narrow world a handler sees: who, which delivery, when, the ledger and the collective's settings. */
export interface CommandContext {
  actor: Actor;
  delivery: Delivery;
  now: Date;
  ledger: Ledger;
  settings: CollectiveSettings;
  /** Speaks the member's language: their /language choice, else their platform's, else the collective's. */
  t: Translator;
  /** How many flags a member may send, and ask of one colleague or of the leads, in a while. */
  flagLimiter?: FlagLimiter;
  /** Evidence packs, where this process can build them. */
  evidence?: EvidenceExporter;
  /**
   * Starts the rally once a flag is in the ledger. It never fails the flag: whatever goes wrong is logged, and
   * the rally's tick retries what is due.
   */
  afterFlag?: (recorded: RecordedFlag, options: { pageLeads: boolean }) => Promise<void>;
  /** Once who was attacked changed: the new person attacked is asked (or the rally goes on); never fails. */
  afterRetarget?: (incidentId: number, rally: RallyState) => Promise<void>;
  /** Once a correction named the attacker's account: its page is captured too, when capture is on; never fails. */
  afterAttackerNamed?: (incidentId: number) => Promise<void>;
}

/**
 * What an option holds, so each platform can offer the right control: text (or a choice when `choices` is set),
 * a member of the collective (a user picker; the value is `{ id, name }`), a yes/no box, or attached files.
 */
export type OptionKind = 'text' | 'member' | 'yes-no' | 'files';

/**
 * One option of a command, as chat platforms with typed options (Discord) and forms present it. `name` is the
 * keyword members type, the same in every language; what the option says about itself is a catalogue key, so
 * each reader sees it in their language.
 */
export interface CommandOption {
  name: string;
  /** A short label for a form field. */
  label?: MessageKey;
  description: MessageKey;
  required: boolean;
  kind?: OptionKind;
  /** A member option that means the person filling in the form unless they change it (a form preselects them). */
  defaultsToSelf?: boolean;
  choices?: readonly string[];
  /** Labels for the choices, by choice, in the reader's language, where a word alone would not say enough. */
  choiceLabels?: (t: Translator) => Readonly<Record<string, string>>;
  /** Free text that may run over several lines (a form shows a text area). */
  multiline?: boolean;
  /** Only asked when this other option was left empty (forms that ask one question at a time skip it). */
  onlyWithout?: string;
}

/**
 * A command is data: adapters, the help text and Discord's registration all read the same definition. Input
 * arrives either as free text (terminal, Slack) or as named options (Discord); both end in `args`, validated
 * with zod before the handler runs. `name` is the English keyword members type everywhere (Slack has no
 * localized commands); what the command says about itself is catalogue keys, rendered in the reader's language.
 */
export interface CommandDefinition<Args = unknown> {
  name: string;
  summary: MessageKey;
  usage: MessageKey;
  examples: MessageKey[];
  access: 'member' | 'lead';
  options: CommandOption[];
  /**
   * With no input at all, adapters that can show a form (a Slack modal, a Discord modal, questions in the
   * terminal) ask for the options field by field instead of answering with the usage line.
   */
  form?: { title: MessageKey; submit?: MessageKey };
  /** Turns the words after the command into the shape `args` validates. */
  parseText(text: string, t: Translator): Result<unknown>;
  /**
   * Turns named options (Discord's, a form's) into that shape, where they differ from it; by default they are
   * validated as they are.
   */
  parseOptions?(options: Record<string, unknown>, t: Translator): Result<unknown>;
  args: z.ZodType<Args>;
  run(args: Args, context: CommandContext): Promise<Reply>;
  /** What to tell the person when `run` fails unexpectedly: that it did not happen, and how to try again. */
  notDone?: { said: MessageKey; tryAgain: MessageKey };
}

/** Erases the args type so definitions of different commands fit in one registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry validates args with each command's own schema.
export type AnyCommand = CommandDefinition<any>;
