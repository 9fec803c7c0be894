import type pg from 'pg';
import { z } from 'zod';
import type { TokenCipher } from './token-cipher.ts';

/**
 * Slack installations ("Add to Slack"), one per workspace or org-wide install (migration 0020). The whole
 * installation, tokens included, is stored sealed by the TokenCipher; only the ids below are in clear.
 * This file knows no Slack library: the adapter turns Bolt's Installation into this record and back.
 */
export interface SlackInstallationIds {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  appId: string | null;
}

export interface SlackInstallationRecord extends SlackInstallationIds {
  /** The installation as Slack gave it, as JSON-able data: stored only sealed. */
  secret: unknown;
}

export interface StoredSlackInstallation extends SlackInstallationRecord {
  installedAt: Date;
  updatedAt: Date;
}

/** Which installation a request needs: the org's for an org-wide install, else the workspace's. */
export interface SlackInstallationQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

export class SlackInstallationError extends Error {}

/**
 * The row's key, as Bolt looks installations up: the enterprise id for an org-wide install, else the team id.
 * Lookups also match the kind, so a team's query never lands on an org's row even if the ids were alike.
 */
export function slackInstallationKey(query: SlackInstallationQuery): string {
  const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!key) {
    throw new SlackInstallationError(
      query.isEnterpriseInstall
        ? 'An org-wide Slack installation needs an enterprise id.'
        : 'A workspace Slack installation needs a team id.',
    );
  }
  return key;
}

/** What each sealed installation is bound to: the table and its row, so it opens nowhere else. */
export const sealContext = (installationKey: string) => `slack_installations:${installationKey}`;

const idsRow = z.object({
  installation_key: z.string(),
  team_id: z.string().nullable(),
  enterprise_id: z.string().nullable(),
  is_enterprise_install: z.boolean(),
  bot_user_id: z.string().nullable(),
  app_id: z.string().nullable(),
  installed_at: z.date(),
  updated_at: z.date(),
});
const sealedRow = idsRow.extend({ sealed: z.instanceof(Buffer) });

/** Stores an installation; installing again replaces the sealed tokens and keeps the first install's date. */
export async function saveSlackInstallation(
  pool: pg.Pool,
  cipher: TokenCipher,
  record: SlackInstallationRecord,
): Promise<void> {
  const key = slackInstallationKey({
    teamId: record.teamId ?? undefined,
    enterpriseId: record.enterpriseId ?? undefined,
    isEnterpriseInstall: record.isEnterpriseInstall,
  });
  const sealed = cipher.seal(JSON.stringify(record.secret), sealContext(key));
  await pool.query(
    `INSERT INTO slack_installations
       (installation_key, team_id, enterprise_id, is_enterprise_install, bot_user_id, app_id, sealed)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (installation_key) DO UPDATE SET
       team_id = EXCLUDED.team_id, enterprise_id = EXCLUDED.enterprise_id,
       is_enterprise_install = EXCLUDED.is_enterprise_install, bot_user_id = EXCLUDED.bot_user_id,
       app_id = EXCLUDED.app_id, sealed = EXCLUDED.sealed, updated_at = now()`,
    [
      key,
      record.teamId,
      record.enterpriseId,
      record.isEnterpriseInstall,
      record.botUserId,
      record.appId,
      sealed,
    ],
  );
}

/** The installation that serves `query`, opened; undefined when there is none. */
export async function findSlackInstallation(
  pool: pg.Pool,
  cipher: TokenCipher,
  query: SlackInstallationQuery,
): Promise<StoredSlackInstallation | undefined> {
  const key = slackInstallationKey(query);
  const result = await pool.query(
    'SELECT * FROM slack_installations WHERE installation_key = $1 AND is_enterprise_install = $2',
    [key, query.isEnterpriseInstall],
  );
  if (result.rows.length === 0) return undefined;
  const row = sealedRow.parse(result.rows[0]);
  return { ...idsOf(row), secret: JSON.parse(cipher.open(row.sealed, sealContext(key))) as unknown };
}

/** Forgets the installation that serves `query` (app_uninstalled, tokens_revoked); true if there was one. */
export async function deleteSlackInstallation(
  pool: pg.Pool,
  query: SlackInstallationQuery,
): Promise<boolean> {
  const result = await pool.query(
    'DELETE FROM slack_installations WHERE installation_key = $1 AND is_enterprise_install = $2',
    [slackInstallationKey(query), query.isEnterpriseInstall],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Every installation's ids and dates, never its secret: for listing, oldest install first. */
export async function listSlackInstallations(
  pool: pg.Pool,
): Promise<(SlackInstallationIds & { installedAt: Date; updatedAt: Date })[]> {
  const result = await pool.query(
    `SELECT installation_key, team_id, enterprise_id, is_enterprise_install, bot_user_id, app_id,
            installed_at, updated_at
       FROM slack_installations ORDER BY installed_at, installation_key`,
  );
  return result.rows.map((row) => idsOf(idsRow.parse(row)));
}

/** The workspaces installed one by one (an org-wide install names no single team). */
export async function listInstalledTeamIds(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query(
    'SELECT team_id FROM slack_installations WHERE team_id IS NOT NULL ORDER BY team_id',
  );
  return result.rows.map((row) => z.string().parse(row.team_id));
}

/** The three operations a Slack installation store needs, bound to one ledger and one key. */
export function slackInstallationRecords(pool: pg.Pool, cipher: TokenCipher) {
  return {
    save: (record: SlackInstallationRecord) => saveSlackInstallation(pool, cipher, record),
    find: (query: SlackInstallationQuery) => findSlackInstallation(pool, cipher, query),
    delete: (query: SlackInstallationQuery) => deleteSlackInstallation(pool, query),
  };
}

function idsOf(row: z.infer<typeof idsRow>) {
  return {
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    isEnterpriseInstall: row.is_enterprise_install,
    botUserId: row.bot_user_id,
    appId: row.app_id,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}
