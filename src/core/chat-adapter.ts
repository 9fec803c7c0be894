import type { CaptureFollowUp } from './capture/capture-follow-up.ts';
import type { Actor } from './command.ts';
import type { Translator } from './i18n/translator.ts';
import type { CardChannel } from './incident/card-sync.ts';
import type { DeskAnswer, IncidentDesk } from './incident/incident-desk.ts';
import type { Delivery } from './ledger-port.ts';
import type { MessageSender, RallyEngine } from './rally/rally-engine.ts';
import type { CommandRegistry } from './registry.ts';
import type { Reply } from './reply.ts';
import type { CommandRequest } from './run-command.ts';
import type { Conversation } from './serve/conversation.ts';
import type { ServeRequest } from './serve/serve-request.ts';

/** A command as the core runs it: who, which delivery, and what they asked. */
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

/**
 * Who belongs to the collective on a platform, as the platform says now. The rally asks it before choosing a
 * responder and before every private message to a member, so nobody removed from the incident channel is
 * told about an incident. It throws when the platform can't tell (the core then neither sends nor deactivates).
 */
export interface MembershipCheck {
  isMember(memberId: string): Promise<boolean>;
}

/**
 * What a platform offers the core, declared by its adapter when it connects (`Bot.attach`). Each is optional and
 * the core checks for it: without cards no card is drawn there, without direct messages nobody there is alerted.
 * Forms are offered per request, in the `Conversation`.
 */
export interface PlatformCapabilities {
  /** The collective's incident channel, where each incident's card is posted and kept up to date. */
  cards?: CardChannel;
  /** Private messages: a member id gets a direct message, a channel id a post (alerts, digests). */
  directMessages?: MessageSender;
  /**
   * Redraws a private message `directMessages` sent, by what it resolved to: a retention purge turns the rally's
   * messages about an incident into a note that its details were removed.
   */
  redrawPrivateMessage?: (landed: string, reply: Reply) => Promise<void>;
  /** Where critical incidents reach the leads at once, and where the weekly digest goes. */
  leadChannel?: { alerts(): string[]; digests(): string[] };
  /** Whether a reply's file (an evidence pack) reaches the person who asked, privately. */
  fileDelivery: boolean;
  /** Required: without it the core could not keep people who left out of the rally. */
  membership: MembershipCheck;
}

/** The core as adapters see it: one collective's bot. */
export interface Bot {
  /** The collective it serves (`default` when the environment configures the only one). */
  readonly collectiveId: string;
  /**
   * The one way in, for every kind of request: acknowledging, who is asking, refusing outsiders, forms, running,
   * answering truthfully and redrawing the card are decided here; the conversation only carries them out.
   */
  serve(request: ServeRequest, conversation: Conversation): Promise<void>;
  /** The commands, for forms, help and registration. */
  commands: CommandRegistry;
  /** What a platform's form carries between its requests, kept in the ledger. */
  forms: FormStore;
  /** An adapter declares what its platform offers, before it takes requests. */
  attach(platform: string, capabilities: PlatformCapabilities): void;
  /** Takes no new requests (they are told nothing changed) and waits for those under way. */
  stop(): Promise<void>;
  /**
   * Resolves once no request is under way: a request's answer reaches the member before its card is drawn, so
   * whoever needs the ledger still afterwards (a test resetting it) waits for this.
   */
  idle(): Promise<void>;
  /** Runs one command; `serve` uses it, and so do the core's own tests and benchmarks. */
  handle: CommandHandler;
  /** The incident card's actions and each member's home view, as `serve` uses them. */
  incidents: IncidentDesk;
  /** A button on a private message (`rally:on-it:12`), pressed by `actor`. */
  press(actor: Actor, actionId: string): Promise<PressAnswer>;
  /** Alerts, consent and closing the loop; its tick and deliveries are driven by the job queue. */
  rally: RallyEngine;
  /** Page captures: requested after each flag; the capture jobs report back through it. */
  captures: CaptureFollowUp;
  /** Sends a message through the adapter of the recipient's platform. */
  deliver: MessageSender;
  /**
   * Speaks to this member in their language (their /language choice, else their platform's, else the
   * collective's); to someone not known yet, in the collective's. For what an adapter says itself.
   */
  speak(actor: Actor | undefined): Promise<Translator>;
  /** The leads' channels of every platform running here, for the weekly digest. */
  digestDestinations(): string[];
  /**
   * An adapter tells the core that someone left the collective (left or was removed from the incident channel):
   * they stop being a responder, and nothing still queued for them is sent.
   */
  memberLeft(memberId: string): Promise<void>;
  /**
   * Stops being responders everyone the platform no longer counts as a member (left while the bot was down, or
   * a change no event told us about): at start-up and periodically. `platform` limits it to one platform.
   * Returns how many responders were deactivated; it never throws (failures are logged).
   */
  reconcileMembers(platform?: string): Promise<number>;
  /**
   * Checks again that each incident channel (or `platform`'s) is private: on the platform's change events and
   * periodically. A channel that stopped being private gets no more cards and its leads are told; never throws.
   */
  recheckChannelPrivacy(platform?: string): Promise<void>;
  /**
   * Redraws the cards of incidents whose personal data was purged, without the details, wherever this process
   * has a card channel, and the rally's private messages about them on the platforms it runs; each redrawn is
   * forgotten. Returns how many incidents had cards to redraw.
   */
  redrawPurgedCards(): Promise<number>;
}

/**
 * The collectives one process serves, each with its own bot. A platform adapter serving several of them (one
 * Slack app in several workspaces, one Discord application in several servers) finds each request's bot here,
 * by the collective its workspace or server belongs to; nothing is ever served by another collective's bot.
 */
export interface Fleet {
  readonly bots: readonly Bot[];
  /** The bot of a collective served here; undefined for any other. */
  bot(collectiveId: string): Bot | undefined;
}

/** A fleet that grows and shrinks while it serves: collectives set up, or removed, in chat. */
export interface GrowingFleet extends Fleet {
  /** Serves a collective from now on; a collective is served by one bot at a time. */
  add(bot: Bot): void;
  /** Stops routing to a collective (its workspace removed the app); returns its bot, to stop it. */
  remove(collectiveId: string): Bot | undefined;
  /**
   * Stops every bot, when the process stops. A bot added later (a setup that lands while stopping) is stopped as
   * it joins, so it never starts work the stopping process could not finish.
   */
  close(): Promise<void>;
}

/** The collectives' bots, one per collective; a single one, as a deployment configured by the environment has. */
export function fleetOf(bots: Bot | readonly Bot[]): GrowingFleet {
  const byId = new Map<string, Bot>();
  let closed = false;
  const fleet: GrowingFleet = {
    get bots() {
      return [...byId.values()];
    },
    bot: (collectiveId) => byId.get(collectiveId),
    add(bot) {
      if (byId.has(bot.collectiveId)) throw new Error('two bots serve the same collective');
      byId.set(bot.collectiveId, bot);
      // A bot takes no new request from the moment stop() is called, and this one has none under way yet.
      if (closed) void bot.stop();
    },
    async close() {
      closed = true;
      await Promise.all([...byId.values()].map((bot) => bot.stop()));
    },
    remove(collectiveId) {
      const bot = byId.get(collectiveId);
      byId.delete(collectiveId);
      return bot;
    },
  };
  for (const bot of Array.isArray(bots) ? bots : [bots as Bot]) fleet.add(bot);
  return fleet;
}

/**
 * The edge every platform plugs in through: it turns transport into requests for `Bot.serve` and draws the
 * core's replies. `start` connects and declares the platform's capabilities with `Bot.attach`, for one bot or
 * for each bot of a fleet its options map to the platform's workspaces or servers.
 */
export interface ChatAdapter {
  readonly platform: string;
  start(bots: Bot | Fleet): Promise<void>;
  stop(): Promise<void>;
}

/** What `start` was given, as a fleet. */
export function asFleet(bots: Bot | Fleet): Fleet {
  return 'bots' in bots ? bots : fleetOf(bots);
}
