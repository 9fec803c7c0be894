import type { Logger } from 'pino';
import type { Bot, Fleet } from '../../src/core/chat-adapter.ts';
import { describeError } from '../../src/core/run-command.ts';
import type { ServedInstallations } from './served-installations.ts';
import { setupFields } from './setup/setup-fields.ts';
import type { SlackEdges } from './slack-edge.ts';
import { connectWorkspace, type WorkspaceSetting } from './slack-workspace.ts';
import type { SlackInstalls, WorkspaceSetup } from './workspace-setups.ts';

/**
 * The workspaces installed with "Add to Slack" and set up in chat: connected at start, connected again with a
 * new bot whenever /setup changes them, and let go when Slack says the app was removed. Each change takes
 * effect from the next request: the edge is swapped, and the bot it replaces is stopped once detached.
 */
export class InstalledWorkspaces {
  constructor(
    readonly installs: SlackInstalls,
    private readonly installations: ServedInstallations,
    private readonly edges: SlackEdges,
    private readonly setting: WorkspaceSetting,
    private readonly log: Logger,
  ) {}

  /**
   * Connects every workspace set up before this start, with its collective's bot from the fleet. One that can't
   * be connected (its token revoked, its channel made public) is logged and left out: the others still start.
   */
  async connectServed(fleet: Fleet): Promise<string[]> {
    const connected: string[] = [];
    for (const setup of await this.installs.setups.served()) {
      const bot = fleet.bot(setup.collectiveId);
      if (this.installations.isConfigured(setup.teamId)) {
        this.log.warn(
          { adapter: 'slack', teamId: setup.teamId },
          'A workspace set up in chat is also configured on the server: the configuration wins',
        );
        continue;
      }
      if (!bot) {
        this.log.error(
          { adapter: 'slack', teamId: setup.teamId, collectiveId: setup.collectiveId },
          'A workspace set up in chat has no bot in this process; it is not served',
        );
        continue;
      }
      try {
        await this.connect(setup, bot, undefined);
        connected.push(setup.teamId);
      } catch (error) {
        this.log.error(
          { adapter: 'slack', teamId: setup.teamId, err: describeError(error) },
          'A workspace set up in chat could not be connected; it is not served',
        );
      }
    }
    return connected;
  }

  /** Serves the workspace with `bot` from the next request on; `replaced` is stopped once nothing reaches it. */
  async connect(setup: WorkspaceSetup, bot: Bot, replaced: Bot | undefined): Promise<void> {
    const installation = await this.installations.installationOf(setup.teamId);
    const botToken = installation?.bot?.token;
    if (!botToken) throw new Error(`No installation with a bot token for Slack workspace ${setup.teamId}.`);
    const { edge, authorization } = await connectWorkspace(
      {
        collectiveId: setup.collectiveId,
        teamId: setup.teamId,
        botToken,
        incidentChannel: setup.incidentChannel,
        ...(setup.leadsChannel ? { leadsChannel: setup.leadsChannel } : {}),
        leads: setup.leads,
      },
      bot,
      { ...this.setting, labels: setupLabels(setup) },
    );
    this.installations.connect(authorization);
    const old = this.edges.put(edge);
    await Promise.all(
      [...new Set([replaced, old?.bot])].filter((gone) => gone && gone !== bot).map((gone) => gone?.stop()),
    );
  }

  /**
   * Installed again (new scopes, a new token) while set up: served from now on with the new token, by a new bot
   * as after any change of its setup. A workspace not set up yet waits for /setup. Never throws: the admin's
   * install page does not depend on it, and a failure is logged.
   */
  async reinstalled(teamId: string): Promise<void> {
    if (this.installations.isConfigured(teamId)) return;
    try {
      const setup = await this.installs.setups.find(teamId);
      if (!setup) return;
      const saved = await this.installs.setups.save(teamId, setupFields(setup), setup.setUpBy);
      await this.connect(saved.setup, saved.bot, saved.replaced);
    } catch (error) {
      this.log.error(
        { adapter: 'slack', teamId, err: describeError(error) },
        'A Slack workspace installed again could not be served with its new token',
      );
    }
  }

  /**
   * app_uninstalled, or the bot's token revoked: the installation is forgotten, the workspace stops being served
   * (its requests get the "not set up" answer) and its bot is stopped. A second notice finds nothing to do.
   */
  async uninstalled(teamId: string, why: 'app_uninstalled' | 'tokens_revoked'): Promise<void> {
    if (this.installations.isConfigured(teamId)) {
      this.log.warn(
        { adapter: 'slack', teamId, why },
        'Slack says a workspace configured on the server removed the app; its configuration is left as it is',
      );
      return;
    }
    const edge = this.edges.remove(teamId);
    this.installations.disconnect(teamId);
    await this.installs.records.delete({ teamId, isEnterpriseInstall: false });
    const bot = await this.installs.setups.uninstalled(teamId);
    await Promise.all([...new Set([bot, edge?.bot])].map((gone) => gone?.stop()));
    if (edge || bot) this.log.info({ adapter: 'slack', teamId, why }, 'A Slack workspace removed the app');
  }
}

/** How a refusal to connect names the channels of a workspace set up in chat. */
function setupLabels(setup: WorkspaceSetup): WorkspaceSetting['labels'] {
  return {
    incidentChannel: `The Slack incident channel of collective "${setup.collectiveId}" (set up with /setup)`,
    leadsChannel: `The Slack leads' channel of collective "${setup.collectiveId}" (set up with /setup)`,
  };
}
