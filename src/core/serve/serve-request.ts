import type { Translator } from '../i18n/translator.ts';
import type { CommandInput } from '../run-command.ts';

/**
 * Every kind of request a member can make, whatever the platform: adapters translate a payload into one of
 * these and hand it to `serve`, which owns the rest of the sequence.
 */
export type ServeRequest =
  /** A slash command (or a line in the terminal): free text, or named options. */
  | { kind: 'command'; name: string; input: CommandInput }
  /** A submitted form for a command, field by field. */
  | { kind: 'form'; name: string; options: Record<string, unknown> }
  /** A refused form opened again with what was typed (undefined: the platform no longer has it). */
  | { kind: 'reopen'; name: string; given: Record<string, unknown> | undefined }
  /** A button under an incident card. */
  | { kind: 'card'; action: CardButton; incidentId: number }
  /** A button on a private message (a rally alert, the consent question), carrying the core's action id. */
  | { kind: 'press'; actionId: string }
  /** The outcome chosen when resolving an incident. */
  | { kind: 'resolve'; incidentId: number; outcome: string }
  /** A member's own view (Slack's App Home). */
  | { kind: 'home' }
  /** A button or form this version does not draw (an old message, a forged id): answered kindly, nothing read. */
  | { kind: 'unknown'; what: 'button' | 'form' };

export const CARD_BUTTONS = ['supported', 'reported', 'wording', 'resolve'] as const;
export type CardButton = (typeof CARD_BUTTONS)[number];

/** A form the core asks a platform to show: a command's fields, or how an incident ended. */
export type FormToOpen =
  /** `t` speaks the member's language: the form's title, labels and hints are said in it. */
  | { kind: 'command'; name: string; given: Record<string, unknown>; t: Translator }
  | { kind: 'resolve'; incidentId: number };
