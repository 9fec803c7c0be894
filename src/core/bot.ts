import type { Bot, PressAnswer } from './chat-adapter.ts';
import type { Actor } from './command.ts';
import type { EvidenceExporter } from './evidence-port.ts';
import { type CardKeeper, createCardKeeper } from './incident/card-sync.ts';
import { createIncidentDesk } from './incident/incident-desk.ts';
import { CARD_ACTIONS, type CardAction } from './incident/outcomes.ts';
import { TARGET_WANTS, type TargetWants } from './incident/target-wants.ts';
import type { Ledger } from './ledger-port.ts';
import { type MessageSender, RallyEngine } from './rally/rally-engine.ts';
import type { RallyStore } from './rally/rally-store.ts';
import type { CommandRegistry } from './registry.ts';
import { errorReply, type Reply } from './reply.ts';
import { type CoreLogger, describeError, runCommand } from './run-command.ts';
import type { CollectiveSettings } from './settings.ts';

export interface CoreDependencies {
  registry: CommandRegistry;
  ledger: Ledger;
  settings: CollectiveSettings;
  log: CoreLogger;
  /** Injected so tests can move time instead of waiting for it. */
  now: () => Date;
  rallyStore: RallyStore;
  evidence?: EvidenceExporter;
}

/** What every adapter plugs into: one handler and one command list shared by all platforms, on one ledger. */
export function createBot(deps: CoreDependencies): Bot {
  // One keeper per incident channel (a Slack one, a Discord one): an incident changed on one platform is
  // redrawn on the others where it already has a card.
  const keepers: CardKeeper[] = [];
  // Private messages go out through the adapter whose platform the recipient id names (`slack:…`, `discord:…`).
  const senders = new Map<string, MessageSender>();
  const leadSources: (() => string[])[] = [];
  const digestSources: (() => string[])[] = [];
  const deliver: MessageSender = async (recipient, reply) => {
    const send = senders.get(recipient.split(':')[0] ?? '');
    if (!send) throw new Error(`no adapter in this process can reach ${recipient.split(':')[0]}`);
    await send(recipient, reply);
  };
  const rally = new RallyEngine({
    ledger: deps.ledger,
    store: deps.rallyStore,
    settings: deps.settings,
    policy: deps.settings.rally,
    log: deps.log,
    now: deps.now,
    send: deliver,
    leadRecipients: () => leadSources.flatMap((source) => source()),
  });
  const desk = createIncidentDesk(deps);
  /** Rally work never fails what the person asked for: it is logged, and the tick retries what is due. */
  const quietly = (what: string, incidentId: number, work: () => Promise<void>) =>
    work().catch((error: unknown) =>
      deps.log.error({ incidentId, err: describeError(error) }, `${what} failed`),
    );

  return {
    commands: deps.registry,
    forms: {
      stash: (key, value) => {
        const now = deps.now();
        return deps.ledger.stashForm(
          key,
          withoutFileContents(value),
          new Date(now.getTime() + FORM_LIFETIME_MS),
          now,
        );
      },
      take: (key) => deps.ledger.takeForm(key, deps.now()),
    },
    incidents: {
      ...desk,
      resolve: async (actor, incidentId, outcome) => {
        const answer = await desk.resolve(actor, incidentId, outcome);
        if (answer.cardChanged)
          await quietly('closing the loop', incidentId, () => rally.afterResolve(incidentId));
        return answer;
      },
    },
    rally,
    attachMessenger(platform, send, { leadAlerts, digests } = {}) {
      senders.set(platform, send);
      if (leadAlerts) leadSources.push(leadAlerts);
      if (digests) digestSources.push(digests);
    },
    deliver,
    digestDestinations: () => digestSources.flatMap((source) => source()),
    press: (actor, actionId) => press(actor, actionId),
    cardKeeper: (channel) => {
      const own = createCardKeeper(deps.ledger, deps.settings, channel);
      keepers.push(own);
      // A card that can't be drawn never fails what the person asked for: the flag or the click is recorded.
      const logged = (keeper: CardKeeper, incidentId: number, post: boolean) =>
        keeper(incidentId, post).catch((error: unknown) =>
          deps.log.error(
            { incidentId, err: describeError(error) },
            'incident card could not be posted or redrawn',
          ),
        );
      return async (incidentId) => {
        await Promise.all(keepers.map((keeper) => logged(keeper, incidentId, keeper === own)));
      };
    },
    handle: async ({ actor, delivery, request }) => {
      const reply = await runCommand(
        deps.registry,
        request,
        {
          actor,
          delivery,
          now: deps.now(),
          ledger: deps.ledger,
          settings: deps.settings,
          ...(deps.evidence ? { evidence: deps.evidence } : {}),
          afterFlag: ({ incident, rally: state }) =>
            quietly('rallying', incident.id, () => rally.afterFlag(incident.id, state)),
        },
        deps.log,
      );
      return reply;
    },
  };

  /** A button on a private message: `rally:on-it:12`, `consent:replies:12`, `card:reported:12`. */
  async function press(actor: Actor, actionId: string): Promise<PressAnswer> {
    const [kind, what = '', id = ''] = actionId.split(':');
    const incidentId = /^\d{1,15}$/.test(id) ? Number(id) : undefined;
    if (incidentId === undefined) return unknownButton();
    if (kind === 'rally' && (what === 'on-it' || what === 'cant')) {
      return { ...(await rally.respond(actor, incidentId, what)), incidentId };
    }
    if (kind === 'consent' && (TARGET_WANTS as readonly string[]).includes(what)) {
      return { ...(await rally.consent(actor, incidentId, what as TargetWants)), incidentId };
    }
    if (kind === 'card' && (CARD_ACTIONS as readonly string[]).includes(what)) {
      return { ...(await desk.act(actor, incidentId, what as CardAction)), incidentId };
    }
    return unknownButton();
  }
}

/** How long a form's stashed values are kept: Discord's lifetime for a form (a modal's interaction). */
const FORM_LIFETIME_MS = 15 * 60_000;

/** A file's bytes (a downloaded screenshot) never go into a stash: only what names and locates the file. */
function withoutFileContents(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? undefined : item)),
  );
}

function unknownButton(): PressAnswer {
  return { reply: unknownButtonReply(), cardChanged: false };
}

/** The answer to a button this version does not draw (an old message, a forged id): nothing is read or written. */
export function unknownButtonReply(): Reply {
  return errorReply({
    code: 'button.unknown',
    message: "That button isn't one I know any more; nothing was changed.",
  });
}
