import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { LedgerInstallationStore } from './installation-store.ts';

/** What Bolt hands each request of a served workspace: its bot token and who the bot is there. */
export interface WorkspaceAuthorization {
  teamId: string;
  botToken: string;
  botId?: string;
  botUserId?: string;
}

/**
 * The tokens every request is authorized with, in one place. Workspaces connected at start (from the server's
 * configuration, or set up in chat) answer from memory, so a request costs no query; a workspace installed but
 * not served here is first looked up in case another process set it up, else answers from its sealed
 * installation; any other gets no token at all, so its listeners run and tell its people, kindly, that
 * Shieldwall isn't set up there (Bolt would otherwise drop the request).
 */
export class ServedInstallations implements InstallationStore {
  readonly #connected = new Map<string, WorkspaceAuthorization>();
  readonly #configured = new Set<string>();
  readonly #sealed: LedgerInstallationStore | undefined;
  readonly #unserved: ((teamId: string) => Promise<void>) | undefined;

  /**
   * `unserved`: called for a request from a workspace installed but not connected here, before it is answered;
   * it connects the workspace if another process set it up.
   */
  constructor(sealed?: LedgerInstallationStore, unserved?: (teamId: string) => Promise<void>) {
    this.#sealed = sealed;
    this.#unserved = unserved;
  }

  /** A workspace the server's configuration names: never installed, changed or uninstalled in chat. */
  configure(authorization: WorkspaceAuthorization): void {
    this.#configured.add(authorization.teamId);
    this.#connected.set(authorization.teamId, authorization);
  }

  /** A workspace set up in chat, connected: its requests are authorized from memory from now on. */
  connect(authorization: WorkspaceAuthorization): void {
    this.#connected.set(authorization.teamId, authorization);
  }

  disconnect(teamId: string): void {
    if (!this.#configured.has(teamId)) this.#connected.delete(teamId);
  }

  isConfigured(teamId: string): boolean {
    return this.#configured.has(teamId);
  }

  /** A copy each time: Bolt writes the request's user into the object it is given. */
  authorizationOf(teamId: string | undefined): WorkspaceAuthorization | undefined {
    const found = teamId === undefined ? undefined : this.#connected.get(teamId);
    return found ? { ...found } : undefined;
  }

  /** The workspace's own sealed installation ("Add to Slack"), or undefined. */
  installationOf(teamId: string): Promise<Installation | undefined> {
    return this.#sealed ? this.#sealed.installationOf(teamId) : Promise.resolve(undefined);
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    if (!this.#sealed) throw new Error('Slack installations are not kept here.');
    await this.#sealed.storeInstallation(installation);
  }

  fetchInstallation = async (query: InstallationQuery<boolean>): Promise<Installation> => {
    const connected = query.isEnterpriseInstall ? undefined : this.authorizationOf(query.teamId);
    if (connected) return installationWith(connected);
    const sealed =
      query.teamId && !query.isEnterpriseInstall ? await this.installationOf(query.teamId) : undefined;
    if (sealed && query.teamId && this.#unserved) {
      await this.#unserved(query.teamId);
      const now = this.authorizationOf(query.teamId);
      if (now) return installationWith(now);
    }
    return sealed ?? tokenless(query);
  };

  deleteInstallation = async (query: InstallationQuery<boolean>): Promise<void> => {
    await this.#sealed?.deleteInstallation(query);
  };
}

/** A connected workspace's token, in the shape Bolt's installer reads its authorization from. */
function installationWith(authorization: WorkspaceAuthorization): Installation<'v2', false> {
  return {
    team: { id: authorization.teamId },
    enterprise: undefined,
    user: { id: '', token: undefined, scopes: undefined },
    bot: {
      token: authorization.botToken,
      id: authorization.botId ?? '',
      userId: authorization.botUserId ?? '',
      scopes: [],
    },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

/** No token: the request reaches the listeners, which find no edge for it and refuse it kindly. */
function tokenless(query: InstallationQuery<boolean>): Installation {
  return {
    team: query.teamId ? { id: query.teamId } : undefined,
    enterprise: query.enterpriseId ? { id: query.enterpriseId } : undefined,
    user: { id: '', token: undefined, scopes: undefined },
    isEnterpriseInstall: query.isEnterpriseInstall,
    authVersion: 'v2',
  } as Installation;
}
