import type { CommandHandler, PressAnswer } from '../chat-adapter.ts';
import type { Actor } from '../command.ts';
import type { Translator } from '../i18n/translator.ts';
import type { CardsShown } from '../incident/channel-privacy.ts';
import type { IncidentDesk } from '../incident/incident-desk.ts';
import type { MessageSender } from '../rally/rally-engine.ts';
import type { CommandRegistry } from '../registry.ts';
import type { Reply } from '../reply.ts';
import type { CoreLogger } from '../run-command.ts';
import type { Conversation } from './conversation.ts';
import type { ServeRequest } from './serve-request.ts';

export interface ServeDependencies {
  commands: CommandRegistry;
  handle: CommandHandler;
  incidents: IncidentDesk;
  press(actor: Actor, actionId: string): Promise<PressAnswer>;
  /** Posts (on `platform`) or redraws an incident's cards; never throws. */
  redraw(platform: string, incidentId: number): Promise<void>;
  /** Whether `platform`'s incident channel may show incidents now (it is still private). */
  cardsShown(platform: string): Promise<CardsShown>;
  /** Whether `platform` can deliver a reply's file. */
  deliversFiles(platform: string): boolean;
  /** A private message by another way, for an answer the conversation could not carry. */
  sendPrivately: MessageSender;
  log: CoreLogger;
  /** Speaks to this member in their language, or in the collective's when who is asking is not known yet. */
  speak(actor: Actor | undefined): Promise<Translator>;
}

export interface Server {
  /** The one way in: the whole sequence of a request, from acknowledging it to redrawing the card. */
  serve(request: ServeRequest, conversation: Conversation): Promise<void>;
  /** Takes no new work (it is answered that nothing changed) and waits for the requests under way. */
  stop(timeoutMs?: number): Promise<void>;
  /** Waits until no request is under way (its card drawn too), without stopping. */
  idle(timeoutMs?: number): Promise<void>;
}

/** The answer to give, and the incident whose card it changed. What happens after this never changes it. */
export interface Answer {
  reply: Reply;
  incidentId?: number | undefined;
  /** A refused form: what was typed, so the platform can offer it again. */
  refusedForm?: { name: string; given: Record<string, unknown> };
}
