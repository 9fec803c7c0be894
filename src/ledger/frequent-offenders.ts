import type pg from 'pg';
import { z } from 'zod';
import type { FrequentOffenderRow } from '../core/ledger-port.ts';
import type { FrequentRule } from '../core/settings.ts';
import { candidateRow, frequentRow, toAccount } from './rows.ts';

const MAX_FREQUENT = 50;

export interface FrequentOffender extends FrequentOffenderRow {
  offenderId: number;
  /** Of the incidents in the window, those whose account a member named (the link did not). */
  namedByMemberInWindow: number;
}

const judgedRow = frequentRow.extend({ named_by_member_in_window: z.coerce.number().int().nonnegative() });

/** How far the search goes before it judges the whole ledger at once; tests make these small. */
export interface SearchLimits {
  /** Accounts kept from the first pass, most incidents first. */
  candidates: number;
  /** Accounts judged in the first round; each further round judges twice as many. */
  firstRound: number;
}

const DEFAULT_LIMITS: SearchLimits = { candidates: 2000, firstRound: 4 * MAX_FREQUENT };

/**
 * Whose incidents a judgement reads: the collective's own (its reviews decide), and those of the collectives
 * whose shared signals it counts (FREQUENT_COUNT_SHARED; see shared-signals.ts).
 */
export interface JudgedScope {
  collectiveId: string;
  counted: readonly string[];
}

interface Candidate {
  id: number;
  /** Incidents from `lapseDays + windowDays` before the end: never fewer than in the account's window. */
  bound: number;
}

/**
 * The accounts that are frequent offenders at the end of a period, most incidents first. The same rule as
 * profileOffender: judged over the window ending with each account's latest incident before `to`, lapsing
 * `lapseDays` after it, and not while a lead's clearing is newer than that incident.
 *
 * Judging every account (its window, its distinct members) is most of the digest's cost over a large ledger
 * (B4 in `npm run bench`). Counting each account's incidents over the whole span that can matter is a third
 * of that, and the count bounds the account's window from above. So the accounts are judged in order of that
 * bound, through the (offender, time) index, until the fiftieth answer has at least as many incidents as the
 * bound of every account not yet judged. Only when the kept candidates run out first is the whole ledger
 * judged at once, as before.
 */
export async function listFrequentOffenders(
  pool: pg.Pool,
  scope: JudgedScope,
  period: { from: Date; to: Date },
  rule: FrequentRule,
  limits: SearchLimits = DEFAULT_LIMITS,
): Promise<FrequentOffender[]> {
  const candidates = await boundCandidates(pool, scope, period.to, rule, limits.candidates);
  // Accounts left out of a full list have no larger bound than its last; they may still qualify.
  const complete = candidates.length < limits.candidates;
  const answer: FrequentOffender[] = [];
  let judged = 0;
  let round = limits.firstRound;
  for (;;) {
    let end: number;
    const fiftieth = answer[MAX_FREQUENT - 1];
    if (!fiftieth) {
      // Fewer than fifty qualify so far: any account not yet judged might, so judge the next round of them.
      if (judged === candidates.length) {
        if (complete) return answer;
        break;
      }
      end = Math.min(candidates.length, judged + round);
    } else {
      // Only an account whose bound reaches the fiftieth's incidents can take or tie its place.
      const reached = (candidate: Candidate | undefined) =>
        candidate !== undefined && candidate.bound >= fiftieth.incidentsInWindow;
      if (!complete && reached(candidates.at(-1))) break;
      end = judged;
      while (reached(candidates[end])) end += 1;
      if (end === judged) return answer.slice(0, MAX_FREQUENT);
    }
    const ids = candidates.slice(judged, end).map((candidate) => candidate.id);
    answer.push(...(await judgeAccounts(pool, scope, period, rule, ids)));
    answer.sort(byRank);
    judged = end;
    round *= 2;
  }
  return readJudged(await pool.query(judgeSql({ limit: MAX_FREQUENT }), judgeParams(scope, period, rule)));
}

/** Most incidents in the window first; among equals, the account recorded first. */
function byRank(a: FrequentOffender, b: FrequentOffender): number {
  return b.incidentsInWindow - a.incidentsInWindow || a.offenderId - b.offenderId;
}

/**
 * Accounts with enough incidents in the span, and an incident recent enough not to have lapsed, by their
 * incidents in the span: one hash aggregate over the time index, no sort of the span.
 */
async function boundCandidates(
  pool: pg.Pool,
  scope: JudgedScope,
  to: Date,
  rule: FrequentRule,
  limit: number,
): Promise<Candidate[]> {
  const { rows } = await pool.query(
    `SELECT offender_id AS id, count(*) AS bound
     FROM incidents
     WHERE collective_id = ANY($5::text[]) AND offender_id IS NOT NULL
       AND first_reported_at >= $1::timestamptz - make_interval(days => $2::int + $3::int)
       AND first_reported_at < $1
     GROUP BY offender_id
     HAVING count(*) >= $4 AND max(first_reported_at) >= $1::timestamptz - make_interval(days => $2)
     ORDER BY count(*) DESC, offender_id
     LIMIT ${limit}`,
    [to, rule.lapseDays, rule.windowDays, rule.minIncidents, scope.counted],
  );
  return rows.map((row) => candidateRow.parse(row));
}

/** The same rule for the given accounts only, through the (offender, time) index. */
export async function judgeAccounts(
  pool: pg.Pool,
  scope: JudgedScope,
  period: { from: Date; to: Date },
  rule: FrequentRule,
  ids: number[],
): Promise<FrequentOffender[]> {
  if (ids.length === 0) return [];
  return readJudged(
    await pool.query(judgeSql({ limit: ids.length, only: true }), [...judgeParams(scope, period, rule), ids]),
  );
}

function judgeParams(scope: JudgedScope, period: { from: Date; to: Date }, rule: FrequentRule): unknown[] {
  // judgeAccounts adds $9, the accounts it judges.
  return [
    rule.windowDays,
    period.from,
    period.to,
    rule.minIncidents,
    rule.minTargets,
    rule.lapseDays,
    scope.counted,
    scope.collectiveId,
  ];
}

function judgeSql(o: { limit: number; only?: boolean }): string {
  return `WITH judged AS (
       SELECT s.offender_id, max(s.last_at) AS last_at, count(*) AS incidents_in_window,
              count(DISTINCT s.target_key) AS targets_in_window,
              count(*) FILTER (WHERE s.at >= $2) AS incidents_in_period,
              count(*) FILTER (WHERE s.named_by = 'member') AS named_by_member_in_window
       FROM (SELECT offender_id, collective_id, first_reported_at AS at,
                    -- Members of different collectives are different people, even behind equal keys.
                    collective_id || ' ' || target_key AS target_key, offender_named_by AS named_by,
                    max(first_reported_at) OVER (PARTITION BY offender_id) AS last_at
             FROM incidents
             WHERE collective_id = ANY($7::text[])
               AND ${o.only ? 'offender_id = ANY($9::bigint[])' : 'offender_id IS NOT NULL'}
               AND first_reported_at >= $3::timestamptz - make_interval(days => $6::int + $1::int)
               AND first_reported_at < $3) s
       WHERE s.last_at >= $3::timestamptz - make_interval(days => $6)
         AND s.at > s.last_at - make_interval(days => $1)
       GROUP BY s.offender_id
       -- Only accounts the collective met itself: nothing is listed only because another list says so.
       HAVING count(*) >= $4 AND count(DISTINCT s.target_key) >= $5
          AND count(*) FILTER (WHERE s.collective_id = $8) > 0)
     SELECT o.id, o.platform AS o_platform, o.handle AS o_handle, o.display AS o_display,
            o.profile_url AS o_profile_url, j.incidents_in_window, j.targets_in_window, j.incidents_in_period,
            j.named_by_member_in_window
     FROM judged j JOIN offenders o ON o.id = j.offender_id
       LEFT JOIN offender_reviews r ON r.offender_id = o.id AND r.collective_id = $8
     WHERE NOT (r.review IS NOT DISTINCT FROM 'cleared' AND r.reviewed_at >= j.last_at AND r.reviewed_at < $3)
     ORDER BY j.incidents_in_window DESC, o.id LIMIT ${o.limit}`;
}

function readJudged(result: pg.QueryResult): FrequentOffender[] {
  return result.rows.map((raw) => {
    const row = judgedRow.parse(raw);
    return {
      offenderId: row.id,
      account: toAccount(row),
      incidentsInWindow: row.incidents_in_window,
      targetsInWindow: row.targets_in_window,
      incidentsInPeriod: row.incidents_in_period,
      namedByMemberInWindow: row.named_by_member_in_window,
    };
  });
}
