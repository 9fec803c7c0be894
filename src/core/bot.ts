import type { Bot } from './chat-adapter.ts';
import { createCardKeeper } from './incident/card-sync.ts';
import { createIncidentDesk } from './incident/incident-desk.ts';
import type { Ledger } from './ledger-port.ts';
import type { CommandRegistry } from './registry.ts';
import { type CoreLogger, runCommand } from './run-command.ts';
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
  return {
    commands: deps.registry,
    incidents: createIncidentDesk(deps),
    cardKeeper: (channel) => createCardKeeper(deps.ledger, deps.settings, channel),
    handle: ({ actor, delivery, request }) =>
      runCommand(
        deps.registry,
        request,
        { actor, delivery, now: deps.now(), ledger: deps.ledger, settings: deps.settings },
        deps.log,
      ),
  };
}
