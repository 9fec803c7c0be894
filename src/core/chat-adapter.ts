import type { Actor } from './command.ts';
import type { CardChannel } from './incident/card-sync.ts';
import type { DeskAnswer, IncidentDesk } from './incident/incident-desk.ts';
import type { Delivery } from './ledger-port.ts';
import type { MessageSender, RallyEngine } from './rally/rally-engine.ts';
import type { CommandRegistry } from './registry.ts';
import type { Reply } from './reply.ts';
import type { CommandRequest } from './run-command.ts';

/** A command as an adapter hands it to the core: who, which delivery, and what they asked. */
export interface IncomingCommand {
  actor: Actor;
  delivery: Delivery;
  request: CommandRequest;
}

export type CommandHandler = (incoming: IncomingCommand) => Promise<Reply>;

/** What pressing a button did: a private reply, and the incident whose card needs redrawing. */
export interface PressAnswer extends DeskAnswer {
  incidentId?: number;
}

/**
 * Values a form carries between requests (a slash command and its form's submission), kept in the ledger so
 * any process, or the same one after a restart, can take them. Each is taken once and lives 15 minutes
 * (Discord's form lifetime). Values must be JSON; file contents are never kept, only what names the file.
 */
export interface FormStore {
  stash(key: string, value: unknown): Promise<void>;
  take(key: string): Promise<unknown>;
}

/** The core as adapters see it: the handler, and the commands (for forms, help and registration). */
export interface Bot {
  handle: CommandHandler;
  commands: CommandRegistry;
  forms: FormStore;
  /** The incident card's buttons and each member's home view. */
  incidents: IncidentDesk;
  /** Alerts, consent and closing the loop; its tick and deliveries are driven by the job queue. */
  rally: RallyEngine;
  /**
   * An adapter offers to deliver messages for its platform (ids starting `platform:`: a member gets a direct
   * message, a channel a post), and names where critical incidents reach its leads and where digests go.
   */
  attachMessenger(
    platform: string,
    send: MessageSender,
    destinations?: { leadAlerts?: () => string[]; digests?: () => string[] },
  ): void;
  /** Sends a message through the adapter of the recipient's platform. */
  deliver: MessageSender;
  /** The leads' channels of every platform running here, for the weekly digest. */
  digestDestinations(): string[];
  /** A button on a private message (a reply's `actions`), pressed by `actor`. */
  press(actor: Actor, actionId: string): Promise<PressAnswer>;
  /**
   * A keeper of incident cards in one channel: call it with an incident id whenever the incident changed. It
   * posts or redraws the card there and redraws the incident's cards on other platforms; it never throws.
   */
  cardKeeper(channel: CardChannel): (incidentId: number) => Promise<void>;
}

/**
 * The edge every platform plugs in through: it turns transport into IncomingCommands and renders Replies. Few
 * required methods; platform extras (modals, ephemeral replies) are optional and checked for by the caller.
 */
export interface ChatAdapter {
  readonly platform: string;
  start(bot: Bot): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply to a destination the adapter understands (a channel or user id). */
  send(destination: string, reply: Reply): Promise<void>;
}
