import type pg from 'pg';
import type { FrequentOffenderRow } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import { frequentRow, toAccount } from './rows.ts';

const MAX_FREQUENT = 50;

export interface FrequentOffender extends FrequentOffenderRow {
  offenderId: number;
}

/** How many accounts, most incidents first, are counted without their members before those are judged. */
const CANDIDATES = 4 * MAX_FREQUENT;

/**
 * The accounts that are frequent offenders at the end of a period, most incidents first. The same rule as
 * profileOffender: judged over the window ending with each account's latest incident before `to`, lapsing
 * `lapseDays` after it, and not while a lead's clearing is newer than that incident. Only incidents from
 * `lapseDays + windowDays` before `to` can count, and the scan walks the (offender, time) index in order.
 *
 * Counting distinct members is most of the cost over a large ledger (B4 in `npm run bench`), so the accounts
 * are first ranked on incidents alone, and members are counted for the leading candidates only. The ranking is
 * the final order, so the first accounts that also attacked enough members are the answer; only when too few
 * of the candidates do is the whole ledger judged at once.
 */
export async function listFrequentOffenders(
  pool: pg.Pool,
  period: { from: Date; to: Date },
  rule: FrequentRule,
): Promise<FrequentOffender[]> {
  const ranked = await pool.query(judgeSql({ members: false, limit: CANDIDATES }), judgeParams(period, rule));
  const ids = ranked.rows.map((row) => Number(row.id));
  const judged = await judgeAccounts(pool, period, rule, ids);
  const byId = new Map(judged.map((row) => [row.offenderId, row]));
  const answer = ids.flatMap((id) => byId.get(id) ?? []).slice(0, MAX_FREQUENT);
  if (answer.length === MAX_FREQUENT || ids.length < CANDIDATES) return answer;
  return readJudged(
    await pool.query(judgeSql({ members: true, limit: MAX_FREQUENT }), judgeParams(period, rule)),
  );
}

/** The same rule for the given accounts only, through the (offender, time) index. */
export async function judgeAccounts(
  pool: pg.Pool,
  period: { from: Date; to: Date },
  rule: FrequentRule,
  ids: number[],
): Promise<FrequentOffender[]> {
  if (ids.length === 0) return [];
  return readJudged(
    await pool.query(judgeSql({ members: true, limit: ids.length, only: true }), [
      ...judgeParams(period, rule),
      ids,
    ]),
  );
}

function judgeParams(period: { from: Date; to: Date }, rule: FrequentRule): unknown[] {
  return [rule.windowDays, period.from, period.to, rule.minIncidents, rule.minTargets, rule.lapseDays];
}

function judgeSql(o: { members: boolean; limit: number; only?: boolean }): string {
  const members = o.members ? 'count(DISTINCT s.target_key)' : '0';
  // Without members, $5 (the members the rule asks for) is still named: PostgreSQL types every parameter.
  return `WITH judged AS (
       SELECT s.offender_id, max(s.last_at) AS last_at, count(*) AS incidents_in_window,
              ${members} AS targets_in_window, count(*) FILTER (WHERE s.at >= $2) AS incidents_in_period
       FROM (SELECT offender_id, first_reported_at AS at, target_key,
                    max(first_reported_at) OVER (PARTITION BY offender_id) AS last_at
             FROM incidents
             WHERE ${o.only ? 'offender_id = ANY($7::bigint[])' : 'offender_id IS NOT NULL'}
               AND first_reported_at >= $3::timestamptz - make_interval(days => $6::int + $1::int)
               AND first_reported_at < $3) s
       WHERE s.last_at >= $3::timestamptz - make_interval(days => $6)
         AND s.at > s.last_at - make_interval(days => $1)
       GROUP BY s.offender_id
       HAVING count(*) >= $4 ${o.members ? 'AND count(DISTINCT s.target_key) >= $5' : 'AND $5::int IS NOT NULL'})
     SELECT o.id, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
            o.profile_url AS o_profile_url, j.incidents_in_window, j.targets_in_window, j.incidents_in_period
     FROM judged j JOIN offenders o ON o.id = j.offender_id
     WHERE NOT (o.review IS NOT DISTINCT FROM 'cleared' AND o.reviewed_at >= j.last_at AND o.reviewed_at < $3)
     ORDER BY j.incidents_in_window DESC, o.id LIMIT ${o.limit}`;
}

function readJudged(result: pg.QueryResult): FrequentOffender[] {
  return result.rows.map((raw) => {
    const row = frequentRow.parse(raw);
    return {
      offenderId: row.id,
      account: toAccount(row),
      incidentsInWindow: row.incidents_in_window,
      targetsInWindow: row.targets_in_window,
      incidentsInPeriod: row.incidents_in_period,
    };
  });
}
