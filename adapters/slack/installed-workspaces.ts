import type { Logger } from 'pino';
import type { Bot, Fleet } from '../../src/core/chat-adapter.ts';
import { describeError } from '../../src/core/run-command.ts';
import type { ServedInstallations } from './served-installations.ts';
import { setupFields } from './setup/setup-fields.ts';
import type { SlackEdge, SlackEdges } from './slack-edge.ts';
import { connectWorkspace, type WorkspaceSetting } from './slack-workspace.ts';
import type { SlackInstalls, WorkspaceSetup } from './workspace-setups.ts';

/**
 * The workspaces installed with "Add to Slack" and set up in chat: connected at start, connected again with a
 * new bot whenever /setup changes them, and let go when Slack says the app was removed. Each change takes
 * effect from the next request: the edge is swapped, and the bot it replaces is stopped once detached.
 *
 * Several processes may share the ledger behind one balancer, and any of them may take a workspace's /setup.
 * The others catch up: at once when a request comes from a workspace set up elsewhere, and for changes and
 * removals by reading the ledger's setups every few seconds (refresh). Changes to one workspace run one at a
 * time, so a refresh never undoes a /setup taken meanwhile.
 */
export class InstalledWorkspaces {
  /** Each workspace served here, by when the setup its bot was made from was last set up or changed. */
  readonly #servedVersion = new Map<string, number>();
  /** The change running for each workspace; the next one waits for it. */
  readonly #changing = new Map<string, Promise<void>>();
  /** Every change still running, so stopping waits for them rather than closing the ledger under them. */
  readonly #running = new Set<Promise<void>>();
  /** Workspaces set up elsewhere that could not be connected here, by when: tried again after a while. */
  readonly #failedAt = new Map<string, number>();

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

  /**
   * Runs `change` once the workspace's previous change is done. Used for every change of what serves a
   * workspace: /setup, an install, an uninstall, and catching up with another process.
   */
  exclusive<T>(teamId: string, change: () => Promise<T>): Promise<T> {
    const previous = this.#changing.get(teamId) ?? Promise.resolve();
    const result = previous.then(change);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.#changing.set(teamId, done);
    this.#running.add(done);
    void done.then(() => {
      this.#running.delete(done);
      if (this.#changing.get(teamId) === done) this.#changing.delete(teamId);
    });
    return result;
  }

  /** Resolves once every change under way is done: stopping waits for it. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
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
    this.#servedVersion.set(setup.teamId, setup.setUpAt.getTime());
    this.#failedAt.delete(setup.teamId);
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
      await this.exclusive(teamId, async () => {
        const setup = await this.installs.setups.find(teamId);
        if (!setup) return;
        const saved = await this.installs.setups.save(teamId, setupFields(setup), setup.setUpBy);
        await this.connect(saved.setup, saved.bot, saved.replaced);
      });
    } catch (error) {
      this.log.error(
        { adapter: 'slack', teamId, err: describeError(error) },
        'A Slack workspace installed again could not be served with its new token',
      );
    }
  }

  /**
   * A request came from a workspace installed but not served here: another process may have taken its /setup.
   * If the ledger says it is set up, it is served from this request on. Never throws: the request then gets
   * the "not set up" answer, and a workspace that can't be connected is tried again after a while, not on
   * each request.
   */
  async servedElsewhere(teamId: string): Promise<void> {
    if (this.installations.isConfigured(teamId)) return;
    const failedAt = this.#failedAt.get(teamId);
    if (failedAt !== undefined && Date.now() - failedAt < RETRY_FAILED_MS) return;
    await this.exclusive(teamId, async () => {
      if (this.installations.authorizationOf(teamId)) return;
      await this.catchUp(teamId, 'A Slack workspace set up by another process is served here too');
    }).catch(() => undefined);
  }

  /**
   * Catches up with the ledger's setups, for what other processes changed: a workspace set up or changed there
   * gets a new bot here, and one removed there is let go. Never throws; a failure is logged, and the next
   * refresh tries again.
   */
  refresh(): Promise<void> {
    const run = this.refreshNow();
    this.#running.add(run);
    void run.then(() => this.#running.delete(run));
    return run;
  }

  private async refreshNow(): Promise<void> {
    let stored: WorkspaceSetup[];
    try {
      stored = await this.installs.setups.served();
    } catch (error) {
      this.log.error(
        { adapter: 'slack', err: describeError(error) },
        'The setups in the ledger could not be read',
      );
      return;
    }
    const inLedger = new Set<string>();
    const changes: Promise<unknown>[] = [];
    for (const setup of stored) {
      if (this.installations.isConfigured(setup.teamId)) continue;
      inLedger.add(setup.teamId);
      const failedAt = this.#failedAt.get(setup.teamId);
      if (failedAt !== undefined && Date.now() - failedAt < RETRY_FAILED_MS) continue;
      const stamp = setup.setUpAt.getTime();
      const isCurrent = () => (this.#servedVersion.get(setup.teamId) ?? -Infinity) >= stamp;
      if (isCurrent()) continue;
      changes.push(
        this.exclusive(setup.teamId, async () => {
          // A /setup taken here meanwhile is newer than what was read.
          if (isCurrent()) return;
          await this.catchUp(
            setup.teamId,
            'A Slack workspace set up or changed by another process is served anew',
          );
        }).catch(() => undefined),
      );
    }
    for (const teamId of this.#servedVersion.keys()) {
      if (inLedger.has(teamId)) continue;
      changes.push(
        this.exclusive(teamId, async () => {
          // Set up here after the setups were read.
          if (!this.#servedVersion.has(teamId) || (await this.installs.setups.find(teamId))) return;
          const edge = this.detach(teamId);
          await stopAll(this.installs.setups.release(teamId), edge?.bot);
          this.log.info(
            { adapter: 'slack', teamId },
            'A Slack workspace removed through another process is served no more',
          );
        }).catch((error) =>
          this.log.error(
            { adapter: 'slack', teamId, err: describeError(error) },
            'A removed Slack workspace could not be let go',
          ),
        ),
      );
    }
    await Promise.all(changes);
  }

  /** Serves the workspace from its stored setup with a new bot; logs `what` when it does, or why it can't. */
  private async catchUp(teamId: string, what: string): Promise<void> {
    try {
      const served = await this.installs.setups.serve(teamId);
      if (!served) return;
      await this.connect(served.setup, served.bot, served.replaced);
      this.log.info({ adapter: 'slack', teamId }, what);
    } catch (error) {
      this.#failedAt.set(teamId, Date.now());
      this.log.error(
        { adapter: 'slack', teamId, err: describeError(error) },
        'A Slack workspace set up in chat could not be connected; it is not served here',
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
    await this.exclusive(teamId, async () => {
      // Refused from the next request on, before the ledger is told.
      const edge = this.detach(teamId);
      await this.installs.records.delete({ teamId, isEnterpriseInstall: false });
      const bot = await this.installs.setups.uninstalled(teamId);
      await stopAll(bot, edge?.bot);
      if (edge || bot) this.log.info({ adapter: 'slack', teamId, why }, 'A Slack workspace removed the app');
    });
  }

  /** The workspace's requests get the "not set up" answer from now on. Returns the edge that served it. */
  private detach(teamId: string): SlackEdge | undefined {
    const edge = this.edges.remove(teamId);
    this.installations.disconnect(teamId);
    this.#servedVersion.delete(teamId);
    this.#failedAt.delete(teamId);
    return edge;
  }
}

/** Stops each bot once, whichever of them are set. */
async function stopAll(...bots: (Bot | undefined)[]): Promise<void> {
  await Promise.all([...new Set(bots)].map((bot) => bot?.stop()));
}

/**
 * How long a workspace set up elsewhere that could not be connected here waits before it is tried again: not on
 * every request, and not so long that a passing Slack error keeps it unserved here for long.
 */
const RETRY_FAILED_MS = 60_000;

/** How a refusal to connect names the channels of a workspace set up in chat. */
function setupLabels(setup: WorkspaceSetup): WorkspaceSetting['labels'] {
  return {
    incidentChannel: `The Slack incident channel of collective "${setup.collectiveId}" (set up with /setup)`,
    leadsChannel: `The Slack leads' channel of collective "${setup.collectiveId}" (set up with /setup)`,
  };
}
