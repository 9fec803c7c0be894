import type pg from 'pg';
import type { ResponderSettings } from '../core/ledger-port.ts';
import { responderRow } from './rows.ts';

const COLUMNS = 'member_id, active, platforms, timezone, quiet_start, quiet_end, daily_cap, paused';

export async function getResponder(
  pool: pg.Pool,
  collectiveId: string,
  memberId: string,
): Promise<ResponderSettings | null> {
  const result = await pool.query(
    `SELECT ${COLUMNS} FROM responders WHERE member_id = $1 AND collective_id = $2`,
    [memberId, collectiveId],
  );
  return result.rows[0] ? toSettings(responderRow.parse(result.rows[0])) : null;
}

/** A member id names its workspace or server, which belongs to one collective: the first one it was set in. */
export async function setResponder(
  pool: pg.Pool,
  collectiveId: string,
  settings: ResponderSettings,
): Promise<ResponderSettings> {
  const result = await pool.query(
    `INSERT INTO responders (member_id, active, platforms, timezone, quiet_start, quiet_end, daily_cap, paused,
                             collective_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (member_id) DO UPDATE SET active = EXCLUDED.active, platforms = EXCLUDED.platforms,
       timezone = EXCLUDED.timezone, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
       daily_cap = EXCLUDED.daily_cap, paused = EXCLUDED.paused, updated_at = now()
     WHERE responders.collective_id = EXCLUDED.collective_id
     RETURNING ${COLUMNS}`,
    [
      settings.memberId,
      settings.active,
      settings.platforms,
      settings.timezone,
      settings.quietHours?.start ?? null,
      settings.quietHours?.end ?? null,
      settings.dailyCap,
      settings.paused,
      collectiveId,
    ],
  );
  if (!result.rows[0]) throw new Error('this member is a responder of another collective');
  return toSettings(responderRow.parse(result.rows[0]));
}

export async function activeResponders(pool: pg.Pool, collectiveId: string): Promise<string[]> {
  const result = await pool.query(
    'SELECT member_id FROM responders WHERE collective_id = $1 AND active ORDER BY member_id',
    [collectiveId],
  );
  return result.rows.map((row) => String(row.member_id));
}

export async function deactivateResponders(
  pool: pg.Pool,
  collectiveId: string,
  memberIds: readonly string[],
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const result = await pool.query(
    `UPDATE responders SET active = false, updated_at = now()
     WHERE member_id = ANY ($1::text[]) AND collective_id = $2 AND active RETURNING member_id`,
    [memberIds, collectiveId],
  );
  return result.rows.map((row) => String(row.member_id));
}

export function toSettings(row: ReturnType<typeof responderRow.parse>): ResponderSettings {
  return {
    memberId: row.member_id,
    active: row.active,
    platforms: row.platforms,
    timezone: row.timezone,
    quietHours:
      row.quiet_start !== null && row.quiet_end !== null
        ? { start: row.quiet_start, end: row.quiet_end }
        : null,
    dailyCap: row.daily_cap,
    paused: row.paused,
  };
}
