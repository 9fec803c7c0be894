import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';

/**
 * Where installations are kept, sealed: the ledger's slack-installations.ts (`slackInstallationRecords`)
 * fits this shape. Declared here because an adapter doesn't import the ledger; start-up hands it over.
 */
export interface InstallationRecords {
  save(record: InstallationRecord): Promise<void>;
  find(lookup: InstallationLookup): Promise<InstallationRecord | undefined>;
  delete(lookup: InstallationLookup): Promise<unknown>;
}

export interface InstallationRecord {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  appId: string | null;
  /** Bolt's whole Installation, tokens included: the records keep it only sealed. */
  secret: unknown;
}

export interface InstallationLookup {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

// What every stored installation must hold for Bolt to authorize with it; the rest passes through untouched.
const storedInstallation = z.looseObject({
  team: z.looseObject({ id: z.string() }).optional(),
  enterprise: z.looseObject({ id: z.string() }).optional(),
  user: z.looseObject({ id: z.string() }),
  bot: z.looseObject({ token: z.string(), userId: z.string(), id: z.string() }).optional(),
  isEnterpriseInstall: z.boolean().optional(),
});

/**
 * Bolt's InstallationStore for many workspaces ("Add to Slack"), on the ledger. One installation per workspace,
 * or per org for an org-wide install; installing again replaces it. Tokens never reach a log from here.
 */
export class LedgerInstallationStore implements InstallationStore {
  readonly #records: InstallationRecords;

  constructor(records: InstallationRecords) {
    this.#records = records;
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    await this.#records.save({
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      botUserId: installation.bot?.userId ?? null,
      appId: installation.appId ?? null,
      secret: installation,
    });
  }

  fetchInstallation = async (query: InstallationQuery<boolean>): Promise<Installation> => {
    const found = await this.workspaceOrOrg(lookupOf(query));
    // Bolt expects a throw here, and answers the request as unauthorized.
    if (!found) throw new Error(`No Slack installation for ${describe(query)}.`);
    return found;
  };

  /** The workspace's own installation (not an org-wide one), or undefined when it has none. */
  installationOf(teamId: string): Promise<Installation | undefined> {
    return this.workspaceOrOrg({ teamId, isEnterpriseInstall: false });
  }

  private async workspaceOrOrg(lookup: InstallationLookup): Promise<Installation | undefined> {
    const found = await this.#records.find(lookup);
    // Checked for what authorizing needs; the rest is Slack's own answer, sealed by this store and bound to
    // its row, so it is taken as the Installation it was.
    return found ? (storedInstallation.parse(found.secret) as unknown as Installation) : undefined;
  }

  /**
   * app_uninstalled, or tokens_revoked for the bot: the installation goes. tokens_revoked for one user
   * (`userId`): only that user's token is forgotten, and the workspace's bot keeps working.
   */
  deleteInstallation = async (query: InstallationQuery<boolean>): Promise<void> => {
    const lookup = lookupOf(query);
    if (!query.userId) {
      await this.#records.delete(lookup);
      return;
    }
    const found = await this.#records.find(lookup);
    if (!found) return;
    const installation = storedInstallation.parse(found.secret);
    if (installation.user.id !== query.userId) return;
    await this.#records.save({ ...found, secret: { ...installation, user: { id: installation.user.id } } });
  };
}

function lookupOf(query: InstallationQuery<boolean>): InstallationLookup {
  return {
    teamId: query.teamId,
    enterpriseId: query.enterpriseId,
    isEnterpriseInstall: query.isEnterpriseInstall,
  };
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`;
}
