import { createCaptureFollowUp } from './capture/capture-follow-up.ts';
import { MARK_REMOVED_ACTION } from './capture/capture-messages.ts';
import type { CaptureStore } from './capture/page-captures.ts';
import type { Bot, PlatformCapabilities, PressAnswer } from './chat-adapter.ts';
import type { Actor } from './command.ts';
import type { EvidenceExporter } from './evidence-port.ts';
import { collectiveLanguage, memberLanguageOf, rememberMemberLanguages } from './i18n/member-language.ts';
import { type Translator, translator } from './i18n/translator.ts';
import { type CardKeeper, createCardKeeper } from './incident/card-sync.ts';
import { createPrivacyWatch } from './incident/channel-privacy.ts';
import { createIncidentDesk } from './incident/incident-desk.ts';
import { CARD_ACTIONS, type CardAction } from './incident/outcomes.ts';
import { TARGET_WANTS, type TargetWants } from './incident/target-wants.ts';
import type { Ledger } from './ledger-port.ts';
import type { FlagLimiter } from './limits/member-limits.ts';
import { purgedMessage } from './rally/purged-message.ts';
import { type MessageSender, RallyEngine } from './rally/rally-engine.ts';
import { createRallyMembership, platformOf } from './rally/rally-membership.ts';
import type { RallyStore } from './rally/rally-store.ts';
import type { CommandRegistry } from './registry.ts';
import { type CoreLogger, describeError, runCommand } from './run-command.ts';
import { createServer } from './serve/serve.ts';
import { unknownButtonReply } from './serve/serve-replies.ts';
import { type CollectiveSettings, DEFAULT_COLLECTIVE_ID } from './settings.ts';

export interface CoreDependencies {
  registry: CommandRegistry;
  ledger: Ledger;
  settings: CollectiveSettings;
  log: CoreLogger;
  /** Injected so tests can move time instead of waiting for it. */
  now: () => Date;
  rallyStore: RallyStore;
  evidence?: EvidenceExporter;
  /** How much one member may flag, and ask of one colleague or of the leads (NO_FLAG_LIMITS in bulk tests). */
  flagLimiter: FlagLimiter;
  /** Where page captures are requested; absent when capture is off (see settings.pageCapture). */
  captures?: CaptureStore;
}

/** What every adapter plugs into: one way in and one command list shared by all platforms, on one ledger. */
export function createBot(given: CoreDependencies): Bot {
  // Every request reads the member's language: through a short memory, not a query each time.
  const ledger: Ledger = Object.assign(Object.create(given.ledger), rememberMemberLanguages(given.ledger));
  const deps: CoreDependencies = { ...given, ledger };
  // What each platform running here declared it offers, by platform name.
  const platforms = new Map<string, PlatformCapabilities>();
  // One card keeper per incident channel: an incident changed on one platform is redrawn on the others where it
  // already has a card.
  const keepers = new Map<string, CardKeeper>();
  const deliver: MessageSender = async (recipient, reply) => {
    const platform = platformOf(recipient);
    const send = platforms.get(platform)?.directMessages;
    if (!send) throw new Error(`no adapter in this process can send private messages on ${platform}`);
    // Where it landed, named by its platform, so whichever process purges can find who redraws it.
    const landed = await send(recipient, reply);
    return landed ? `${platform} ${landed}` : undefined;
  };
  const leadChannels = (which: 'alerts' | 'digests') =>
    [...platforms.values()].flatMap((offer) => offer.leadChannel?.[which]() ?? []);
  const privacy = createPrivacyWatch({
    checkOf: (platform) => {
      const cards = platforms.get(platform)?.cards;
      return cards ? () => cards.privacy() : undefined;
    },
    attached: () => [...platforms.keys()],
    tellLeads: async (platform, reply) => {
      const leads = platforms.get(platform)?.leadChannel?.alerts() ?? [];
      if (leads.length === 0) deps.log.error({ platform }, 'no leads to tell about the incident channel');
      for (const recipient of leads) {
        await deliver(recipient, reply).catch((error: unknown) =>
          deps.log.error({ platform, err: describeError(error) }, 'a lead was not told about the channel'),
        );
      }
    },
    log: deps.log,
    now: deps.now,
    t: translator(collectiveLanguage(deps.settings)),
  });
  const membership = createRallyMembership(
    deps.ledger,
    (platform) => platforms.get(platform)?.membership,
    () => [...platforms.keys()],
    deps.log,
  );
  const rally = new RallyEngine({
    ledger: deps.ledger,
    store: deps.rallyStore,
    settings: deps.settings,
    policy: deps.settings.rally,
    log: deps.log,
    now: deps.now,
    send: deliver,
    membership,
    leadRecipients: () => leadChannels('alerts'),
    // What a scheduled job changed is redrawn where its cards are, never posted anew.
    cardsChanged: async (incidentIds) => {
      await Promise.all(incidentIds.map((incidentId) => redraw(undefined, incidentId)));
    },
  });
  const desk = createIncidentDesk(deps);
  const captures = createCaptureFollowUp({
    ledger: deps.ledger,
    captures: deps.captures,
    rallyStore: deps.rallyStore,
    now: deps.now,
    redraw: (incidentId) => redraw(undefined, incidentId),
  });
  /** Rally work never fails what the person asked for: it is logged, and the tick retries what is due. */
  const quietly = (what: string, incidentId: number, work: () => Promise<void>) =>
    work().catch((error: unknown) =>
      deps.log.error({ incidentId, err: describeError(error) }, `${what} failed`),
    );
  const incidents = {
    ...desk,
    resolve: async (actor: Actor, incidentId: number, outcome: Parameters<typeof desk.resolve>[2]) => {
      const answer = await desk.resolve(actor, incidentId, outcome);
      if (answer.cardChanged)
        await quietly('closing the loop', incidentId, () => rally.afterResolve(incidentId));
      return answer;
    },
  };
  /** Posts the card on `platform` when it has none there yet, and redraws it everywhere it has one. */
  const redraw = async (platform: string | undefined, incidentId: number) => {
    await Promise.all(
      [...keepers].map(([keeperPlatform, keeper]) =>
        keeper(incidentId, keeperPlatform === platform).catch((error: unknown) =>
          // A card that can't be drawn never fails what changed the incident: the flag, the click or the job.
          deps.log.error(
            { incidentId, err: describeError(error) },
            'incident card could not be posted or redrawn',
          ),
        ),
      ),
    );
  };
  const speak = async (actor: Actor | undefined) =>
    translator(
      actor ? await memberLanguageOf(deps.ledger, actor, deps.settings) : collectiveLanguage(deps.settings),
    );
  const handle: Bot['handle'] = async ({ actor, delivery, request }) =>
    runCommand(
      deps.registry,
      request,
      {
        actor,
        delivery,
        now: deps.now(),
        ledger: deps.ledger,
        settings: deps.settings,
        t: await speak(actor),
        flagLimiter: deps.flagLimiter,
        ...(deps.evidence ? { evidence: deps.evidence } : {}),
        // Side by side: asking for the captures never holds up the first alerts.
        afterFlag: async ({ incident, rally: state }, options) => {
          await Promise.all([
            quietly('requesting the page captures', incident.id, () => captures.request(incident)),
            quietly('rallying', incident.id, () => rally.afterFlag(incident.id, state, options)),
          ]);
        },
        afterAttackerNamed: (incidentId) =>
          quietly('requesting the account page capture', incidentId, async () => {
            const incident = await deps.ledger.getIncident(incidentId);
            if (incident) await captures.request(incident);
          }),
        afterRetarget: (incidentId, state) =>
          quietly('asking the person attacked', incidentId, () => rally.afterRetarget(incidentId, state)),
      },
      deps.log,
    );
  const server = createServer({
    commands: deps.registry,
    handle,
    incidents,
    press: (actor, actionId) => press(actor, actionId),
    redraw,
    cardsShown: (platform) => privacy.cardsShown(platform),
    deliversFiles: (platform) => platforms.get(platform)?.fileDelivery ?? false,
    sendPrivately: deliver,
    log: deps.log,
    speak,
  });

  return {
    collectiveId: deps.settings.collectiveId ?? DEFAULT_COLLECTIVE_ID,
    serve: server.serve,
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
    attach(platform, capabilities) {
      platforms.set(platform, capabilities);
      if (capabilities.cards)
        keepers.set(
          platform,
          createCardKeeper(deps.ledger, deps.settings, capabilities.cards, () =>
            privacy.cardsShown(platform),
          ),
        );
    },
    stop: () => server.stop(),
    idle: () => server.idle(),
    handle,
    incidents,
    press: (actor, actionId) => press(actor, actionId),
    rally,
    captures,
    deliver,
    speak,
    digestDestinations: () => leadChannels('digests'),
    memberLeft: (memberId) => membership.left([memberId]),
    reconcileMembers: (platform) => membership.reconcile(platform),
    recheckChannelPrivacy: (platform) => privacy.recheck(platform),
    async redrawPurgedCards() {
      const purged = await deps.ledger.purgedIncidentsWithCards();
      // One incident at a time: a purge of a year's incidents must not burst past the platforms' rate limits.
      for (const incidentId of purged) await redraw(undefined, incidentId);
      await redrawPurgedMessages();
      return purged.length;
    },
  };

  /** The rally's private messages about purged incidents, one at a time, on the platforms running here. */
  async function redrawPurgedMessages(): Promise<void> {
    const redrawers = new Map(
      [...platforms].flatMap(([platform, offer]) =>
        offer.redrawPrivateMessage ? [[platform, offer.redrawPrivateMessage] as const] : [],
      ),
    );
    if (redrawers.size === 0) return;
    const reply = purgedMessage(deps.settings);
    for (const message of await deps.ledger.purgedMessages([...redrawers.keys()], 10_000)) {
      const redrawn = await redrawers
        .get(message.platform)?.(message.ref, reply)
        .then(
          () => true,
          (error: unknown) => {
            deps.log.error(
              { platform: message.platform, err: describeError(error) },
              'a private message of a purged incident could not be redrawn',
            );
            return false;
          },
        );
      await deps.ledger.purgedMessageTried(message.id, redrawn ?? false);
    }
  }

  /** A button on a private message: `rally:on-it:12`, `consent:replies:12`, `card:reported:12`. */
  async function press(actor: Actor, actionId: string): Promise<PressAnswer> {
    const [kind, what = '', id = ''] = actionId.split(':');
    const incidentId = /^\d{1,15}$/.test(id) ? Number(id) : undefined;
    if (incidentId === undefined) return unknownButton(await speak(actor));
    if (kind === 'rally' && (what === 'on-it' || what === 'cant')) {
      return { ...(await rally.respond(actor, incidentId, what)), incidentId };
    }
    if (kind === 'consent' && (TARGET_WANTS as readonly string[]).includes(what)) {
      return { ...(await rally.consent(actor, incidentId, what as TargetWants)), incidentId };
    }
    if (kind === 'card' && (CARD_ACTIONS as readonly string[]).includes(what)) {
      return { ...(await desk.act(actor, incidentId, what as CardAction)), incidentId };
    }
    // From the "post is gone" message: the person attacked (or a lead) records it as removed.
    if (`${kind}:${what}` === MARK_REMOVED_ACTION) {
      return { ...(await incidents.resolve(actor, incidentId, 'removed')), incidentId };
    }
    return unknownButton(await speak(actor));
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

function unknownButton(t: Translator): PressAnswer {
  return { reply: unknownButtonReply(t), cardChanged: false };
}
