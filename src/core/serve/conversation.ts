import type { Actor } from '../command.ts';
import type { Delivery } from '../ledger-port.ts';
import type { Reply } from '../reply.ts';
import type { FormToOpen } from './serve-request.ts';

/**
 * One request's exchange with the person who made it, as a platform offers it. The adapter builds it from the
 * payload; `serve` decides when each part is used. Nothing here decides anything.
 */
export interface Conversation {
  /** The platform's id for this delivery: the ledger records it once, so a retry does nothing twice. */
  delivery: Delivery;
  /** Tells the platform the request arrived (Slack's ack, Discord's deferred reply). `serve` calls it once. */
  acknowledge(): Promise<void>;
  /** Who is asking: a member of the collective, or undefined for anyone else. */
  actor(): Promise<Actor | undefined>;
  /** Answers the person privately, where they asked; a reply's file goes with it. */
  answer(reply: Reply): Promise<void>;
  /** How this platform names /help in the answer to an unknown command (Slack reserves /help). */
  helpCommand?: string;
  /** Forms, where the platform has them. Without, the command runs with what was typed, or asks for it. */
  forms?: ConversationForms;
  /**
   * Checks the people a request names (the person attacked must be a member) and returns what is wrong, by
   * field; before anything is stored.
   */
  checkPeople?(options: Record<string, unknown>): Promise<Record<string, string>>;
  /** Fills in what only the platform can (attached files' content, a picked person's name) before running. */
  prepare?(options: Record<string, unknown>, actor: Actor): Promise<Record<string, unknown>>;
}

export interface ConversationForms {
  /** The form must be the request's first answer (Discord shows a modal instead of acknowledging). */
  firstAnswer: boolean;
  /** Shows a form; absent where this request can't open one (a form's own submission). */
  open?(form: FormToOpen): Promise<void>;
  /**
   * Shows a submitted form's problems in the form itself, instead of acknowledging (Slack's modal errors), so
   * nothing typed is lost. Without it, the problems are answered privately.
   */
  refuseInPlace?(problems: Record<string, string>): Promise<void>;
  /**
   * Answers a refused form so that what was typed is kept for another try (Discord: a button that opens the form
   * again, filled in). Without it, the refusal is answered like any reply.
   */
  answerRefused?(reply: Reply, form: { name: string; given: Record<string, unknown> }): Promise<void>;
}
