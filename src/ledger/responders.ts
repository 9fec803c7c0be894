import type pg from 'pg';
import type { ResponderSettings } from '../core/ledger-port.ts';
import { responderRow } from './rows.ts';

export async function getResponder(pool: pg.Pool, memberId: string): Promise<ResponderSettings | null> {
  const result = await pool.query(
    'SELECT member_id, active, platforms FROM responders WHERE member_id = $1',
    [memberId],
  );
  return result.rows[0] ? toSettings(responderRow.parse(result.rows[0])) : null;
}

export async function setResponder(pool: pg.Pool, settings: ResponderSettings): Promise<ResponderSettings> {
  const result = await pool.query(
    `INSERT INTO responders (member_id, active, platforms) VALUES ($1, $2, $3)
     ON CONFLICT (member_id) DO UPDATE SET active = EXCLUDED.active, platforms = EXCLUDED.platforms, updated_at = now()
     RETURNING member_id, active, platforms`,
    [settings.memberId, settings.active, settings.platforms],
  );
  return toSettings(responderRow.parse(result.rows[0]));
}

function toSettings(row: ReturnType<typeof responderRow.parse>): ResponderSettings {
  return { memberId: row.member_id, active: row.active, platforms: row.platforms };
}
