import type { Bot } from './chat-adapter.ts';
import { type CardKeeper, createCardKeeper } from './incident/card-sync.ts';
import { createIncidentDesk } from './incident/incident-desk.ts';
import type { Ledger } from './ledger-port.ts';
import type { CommandRegistry } from './registry.ts';
import { type CoreLogger, describeError, runCommand } from './run-command.ts';
import type { CollectiveSettings } from './settings.ts';

export interface CoreDependencies {
  registry: CommandRegistry;
  ledger: Ledger;
  settings: CollectiveSettings;
  log: CoreLogger;
  /** Injected so tests can move time instead of waiting for it. */
  now: () => Date;
}

/** What every adapter plugs into: one handler and one command list shared by all platforms, on one ledger. */
export function createBot(deps: CoreDependencies): Bot {
  // One keeper per incident channel (a Slack one, a Discord one): an incident changed on one platform is
  // redrawn on the others where it already has a card.
  const keepers: CardKeeper[] = [];
  return {
    commands: deps.registry,
    incidents: createIncidentDesk(deps),
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
    handle: ({ actor, delivery, request }) =>
      runCommand(
        deps.registry,
        request,
        { actor, delivery, now: deps.now(), ledger: deps.ledger, settings: deps.settings },
        deps.log,
      ),
  };
}
