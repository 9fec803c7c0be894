import type pg from 'pg';
import type {
  WorkspaceSetup,
  WorkspaceSetupFields,
  WorkspaceSetups,
} from '../../adapters/slack/workspace-setups.ts';
import { type CollectiveConfig, collectiveSlack } from '../config/collective-config.ts';
import type { Config } from '../config/config.ts';
import type { GrowingFleet } from '../core/chat-adapter.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import {
  findWorkspaceSetup,
  markWorkspaceUninstalled,
  type WorkspaceSetup as StoredSetup,
  saveWorkspaceSetup,
  servedWorkspaceSetups,
  workspaceCollectiveId,
} from '../ledger/workspace-setups.ts';
import type { CollectiveBuilder } from './serve-collectives.ts';

/**
 * A workspace set up in chat, as a collective: its own name, language, zone, leads and channels; the rest
 * (the frequent-offender rule, the rally, safety lines, the digest's schedule) as the environment gives them.
 */
export function collectiveOfSetup(setup: StoredSetup, config: Config): CollectiveConfig {
  const defaults = config.collectiveDefaults;
  return {
    id: setup.collectiveId,
    settings: {
      ...defaults,
      collectiveId: setup.collectiveId,
      collectiveName: setup.name,
      language: setup.language,
      timezone: setup.timezone,
      sharesSignals: setup.sharesSignals,
    },
    digestCron: config.digestCron,
    slack: collectiveSlack(setup),
  };
}

/** The workspaces set up in chat and still installed, as collectives to serve at start. */
export async function collectivesSetUpInChat(pool: pg.Pool, config: Config): Promise<CollectiveConfig[]> {
  const configured = new Set(config.collectives.map((collective) => collective.id));
  return (await servedWorkspaceSetups(pool))
    .filter((setup) => !configured.has(setup.collectiveId))
    .map((setup) => collectiveOfSetup(setup, config));
}

/**
 * The Slack adapter's port to workspaces set up in chat: each setup is kept in the ledger, and its collective is
 * served from then on by a bot of its own in the fleet, with its digest scheduled. A change of setup (a new
 * name, language, leads) builds the collective a new bot, since a bot's settings are fixed when it is made.
 */
export function chatSetups(deps: {
  pool: pg.Pool;
  config: Config;
  fleet: GrowingFleet;
  build: CollectiveBuilder;
  jobs: JobQueue;
}): WorkspaceSetups {
  const { pool, config, fleet, build, jobs } = deps;
  const view = (setup: StoredSetup): WorkspaceSetup => ({
    teamId: setup.teamId,
    collectiveId: setup.collectiveId,
    name: setup.name,
    incidentChannel: setup.incidentChannel,
    leadsChannel: setup.leadsChannel,
    leads: setup.leads,
    language: setup.language,
    timezone: setup.timezone,
    sharesSignals: setup.sharesSignals,
    setUpBy: setup.setUpBy,
    setUpAt: setup.setUpAt,
  });
  // The stored setup's collective gets a new bot in the fleet, with its digest scheduled.
  const serveStored = async (stored: StoredSetup) => {
    const served = build(collectiveOfSetup(stored, config));
    const replaced = fleet.remove(stored.collectiveId);
    fleet.add(served.bot);
    // Schedules are kept by name: a second call for the same collective only updates its schedule.
    await jobs.scheduleDigest({
      ledger: served.ledger,
      settings: served.settings,
      cron: served.digestCron,
    });
    return { setup: view(stored), bot: served.bot, replaced };
  };
  return {
    served: async () => (await servedWorkspaceSetups(pool)).map(view),
    async find(teamId) {
      const setup = await findWorkspaceSetup(pool, teamId);
      return setup ? view(setup) : undefined;
    },
    async save(teamId: string, fields: WorkspaceSetupFields, by: string) {
      const saved = await saveWorkspaceSetup(pool, { teamId, ...fields, setUpBy: by, setUpAt: new Date() });
      return serveStored(saved);
    },
    async serve(teamId) {
      const stored = await findWorkspaceSetup(pool, teamId);
      return stored ? serveStored(stored) : undefined;
    },
    async uninstalled(teamId) {
      const collectiveId = workspaceCollectiveId(teamId);
      if (await markWorkspaceUninstalled(pool, teamId, new Date())) await jobs.unscheduleDigest(collectiveId);
      return fleet.remove(collectiveId);
    },
    release: (teamId) => fleet.remove(workspaceCollectiveId(teamId)),
  };
}
