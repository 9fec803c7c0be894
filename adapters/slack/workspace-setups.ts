import type { Bot } from '../../src/core/chat-adapter.ts';
import type { InstallationRecords } from './installation-store.ts';

/**
 * "Add to Slack": a workspace installs the app through Slack's OAuth flow (its tokens sealed in the ledger),
 * and its admin then sets it up as a collective with /setup in its private incident channel, so a new
 * association joins without anyone editing the server.
 */
export interface SlackInstalls {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state, so a redirect that did not start here is refused. */
  stateSecret: string;
  /** Where the installations are kept, sealed (the ledger's slack-installations.ts). */
  records: InstallationRecords;
  setups: WorkspaceSetups;
  /** How often setups changed by other processes are read (10 s by default); tests shorten it. */
  refreshMs?: number;
}

/** What /setup decides for a workspace. */
export interface WorkspaceSetupFields {
  name: string;
  incidentChannel: string;
  leadsChannel: string | null;
  /** Slack user ids of the association leads. */
  leads: string[];
  language: 'en' | 'fr';
  timezone: string;
  /** Offender signals shared with the other collectives: counts, never who was attacked. */
  sharesSignals: boolean;
}

export interface WorkspaceSetup extends WorkspaceSetupFields {
  teamId: string;
  collectiveId: string;
  /** The Slack user id of whoever last ran /setup. */
  setUpBy: string;
  /** When it was last set up or changed, in any process: what tells a process its bot is out of date. */
  setUpAt: Date;
}

/** The collectives set up in chat, kept in the ledger; start-up implements it with the fleet of bots. */
export interface WorkspaceSetups {
  /** The workspaces set up and still installed; their bots are in the fleet the adapter was started with. */
  served(): Promise<WorkspaceSetup[]>;
  find(teamId: string): Promise<WorkspaceSetup | undefined>;
  /**
   * Records a setup, new or changed, and returns the bot that serves the workspace from now on: a new one,
   * already in the fleet; `replaced` is the bot it replaces, for the adapter to stop once it is detached.
   */
  save(
    teamId: string,
    fields: WorkspaceSetupFields,
    by: string,
  ): Promise<{ setup: WorkspaceSetup; bot: Bot; replaced: Bot | undefined }>;
  /**
   * A workspace set up, or changed, by another process sharing the ledger: the bot that serves its stored setup
   * here from now on, made and put in the fleet as by save(); undefined when it is not set up (or was removed).
   */
  serve(teamId: string): Promise<{ setup: WorkspaceSetup; bot: Bot; replaced: Bot | undefined } | undefined>;
  /** The workspace removed the app: it is no longer served. Returns its bot, out of the fleet, to stop. */
  uninstalled(teamId: string): Promise<Bot | undefined>;
  /** Another process recorded the workspace's removal: its bot leaves this process's fleet, to be stopped. */
  release(teamId: string): Bot | undefined;
}
