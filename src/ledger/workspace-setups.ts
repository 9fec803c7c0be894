import type pg from 'pg';
import { z } from 'zod';
import { LANGUAGES } from '../core/i18n/language.ts';

/** A Slack workspace set up in chat as a collective: where it meets, who leads it, how it speaks. */
export interface WorkspaceSetup {
  teamId: string;
  collectiveId: string;
  name: string;
  incidentChannel: string;
  leadsChannel: string | null;
  leads: string[];
  language: (typeof LANGUAGES)[number];
  timezone: string;
  setUpBy: string;
  setUpAt: Date;
  /** Recorded on its collective: shares its offender signals (counts only) with the other collectives. */
  sharesSignals: boolean;
}

const setupRow = z.object({
  team_id: z.string(),
  collective_id: z.string(),
  name: z.string(),
  incident_channel: z.string(),
  leads_channel: z.string().nullable(),
  leads: z.array(z.string()),
  language: z.enum(LANGUAGES),
  timezone: z.string(),
  set_up_by: z.string(),
  set_up_at: z.date(),
  shares_signals: z.boolean(),
});

const COLUMNS =
  'team_id, collective_id, name, incident_channel, leads_channel, leads, language, timezone, set_up_by, set_up_at';
// Each setup with whether its collective shares.
const SELECT = `SELECT ${COLUMNS.split(', ')
  .map((column) => `s.${column}`)
  .join(', ')}, c.shares_signals FROM workspace_setups s JOIN collectives c ON c.id = s.collective_id`;

function toSetup(raw: unknown): WorkspaceSetup {
  const row = setupRow.parse(raw);
  return {
    teamId: row.team_id,
    collectiveId: row.collective_id,
    name: row.name,
    incidentChannel: row.incident_channel,
    leadsChannel: row.leads_channel,
    leads: row.leads,
    language: row.language,
    timezone: row.timezone,
    setUpBy: row.set_up_by,
    setUpAt: row.set_up_at,
    sharesSignals: row.shares_signals,
  };
}

/** The collective id of a workspace set up in chat: its team id, lower-cased, so it never collides with a file's. */
export function workspaceCollectiveId(teamId: string): string {
  return `slack-${teamId.toLowerCase()}`;
}

/**
 * Records a workspace's setup (its collective too, sharing signals unless it says otherwise), or changes it;
 * setting up again after an uninstall serves it again.
 */
export async function saveWorkspaceSetup(
  pool: pg.Pool,
  setup: Omit<WorkspaceSetup, 'collectiveId'>,
): Promise<WorkspaceSetup> {
  const collectiveId = workspaceCollectiveId(setup.teamId);
  await pool.query(
    `INSERT INTO collectives (id, shares_signals) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET shares_signals = EXCLUDED.shares_signals`,
    [collectiveId, setup.sharesSignals],
  );
  await pool.query(
    `INSERT INTO workspace_setups (${COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (team_id) DO UPDATE SET name = EXCLUDED.name, incident_channel = EXCLUDED.incident_channel,
       leads_channel = EXCLUDED.leads_channel, leads = EXCLUDED.leads, language = EXCLUDED.language,
       timezone = EXCLUDED.timezone, set_up_by = EXCLUDED.set_up_by, set_up_at = EXCLUDED.set_up_at,
       uninstalled_at = NULL`,
    [
      setup.teamId,
      collectiveId,
      setup.name,
      setup.incidentChannel,
      setup.leadsChannel,
      setup.leads,
      setup.language,
      setup.timezone,
      setup.setUpBy,
      setup.setUpAt,
    ],
  );
  const saved = await findWorkspaceSetup(pool, setup.teamId);
  if (!saved) throw new Error('a workspace setup just saved is not found');
  return saved;
}

/** The workspaces set up in chat and still installed. */
export async function servedWorkspaceSetups(pool: pg.Pool): Promise<WorkspaceSetup[]> {
  const result = await pool.query(`${SELECT} WHERE s.uninstalled_at IS NULL ORDER BY s.set_up_at, s.team_id`);
  return result.rows.map(toSetup);
}

export async function findWorkspaceSetup(pool: pg.Pool, teamId: string): Promise<WorkspaceSetup | undefined> {
  const result = await pool.query(`${SELECT} WHERE s.team_id = $1 AND s.uninstalled_at IS NULL`, [teamId]);
  return result.rows[0] ? toSetup(result.rows[0]) : undefined;
}

/**
 * The workspace removed the app: it is no longer served, and shares nothing from then on (its incidents stay,
 * under retention). Installing and setting it up again serves it, sharing as /setup then says.
 */
export async function markWorkspaceUninstalled(pool: pg.Pool, teamId: string, at: Date): Promise<boolean> {
  // One statement, so the workspace is never seen removed and still sharing.
  const result = await pool.query(
    `WITH removed AS (
       UPDATE workspace_setups SET uninstalled_at = $2 WHERE team_id = $1 AND uninstalled_at IS NULL
       RETURNING collective_id
     )
     UPDATE collectives SET shares_signals = false WHERE id IN (SELECT collective_id FROM removed)
     RETURNING id`,
    [teamId, at],
  );
  return result.rowCount === 1;
}
