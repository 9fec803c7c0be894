import type pg from 'pg';
import { isLanguage, type Language } from '../core/i18n/language.ts';

/** The language a member chose with /language, or null when they never chose one. */
export async function memberLanguage(pool: pg.Pool, memberId: string): Promise<Language | null> {
  const result = await pool.query('SELECT language FROM member_languages WHERE member_id = $1', [memberId]);
  const language: unknown = result.rows[0]?.language;
  return isLanguage(language) ? language : null;
}

export async function forgetMemberLanguages(pool: pg.Pool, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await pool.query('DELETE FROM member_languages WHERE member_id = ANY ($1::text[])', [memberIds]);
}

/** Keeps a member's choice; choosing again replaces it. */
export async function setMemberLanguage(pool: pg.Pool, memberId: string, language: Language): Promise<void> {
  await pool.query(
    `INSERT INTO member_languages (member_id, language) VALUES ($1, $2)
     ON CONFLICT (member_id) DO UPDATE SET language = EXCLUDED.language, chosen_at = now()`,
    [memberId, language],
  );
}
