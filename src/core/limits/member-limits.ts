import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Delivery, FlagOutcome } from '../ledger-port.ts';

/** At most `points` in any `minutes` (a fixed window that starts with the first one counted). */
export interface LimitRule {
  points: number;
  minutes: number;
}

/**
 * How much one member may ask of the bot and of colleagues. Each process counts on its own (in memory): with
 * several processes behind a load balancer a member may get up to that many times more.
 */
export interface MemberLimitsPolicy {
  /** Flags by one member in a short burst. */
  flagsBurst: LimitRule;
  /** Flags by one member in an hour. */
  flagsHourly: LimitRule;
  /** Flags naming one colleague as the person attacked, each of which asks them what they want. */
  questionsToOneColleague: LimitRule;
  /**
   * Critical flags by one member that page the leads at once. Past it a critical flag is still recorded (and
   * its card shown to the leads); only the page is held back: an urgent flag is never refused.
   */
  leadAlerts: LimitRule;
}

// A pile-on is many posts at once: a member flagging a dozen in ten minutes is doing what we ask of them.
export const DEFAULT_MEMBER_LIMITS: MemberLimitsPolicy = {
  flagsBurst: { points: 15, minutes: 10 },
  flagsHourly: { points: 40, minutes: 60 },
  questionsToOneColleague: { points: 10, minutes: 24 * 60 },
  leadAlerts: { points: 3, minutes: 60 },
};

/** Which limit stopped a flag, so the member is told the right reason. */
export type LimitReason = 'flags' | 'questions';

export interface FlagRequest {
  member: string;
  /** The colleague named as the person attacked, when it is not the member themselves. */
  colleague: string | undefined;
  /** The flag is critical: it alerts the leads. */
  critical: boolean;
  delivery: Delivery;
}

export type FlagAdmission =
  | {
      admitted: true;
      /** False when the flag is critical and its member already paged the leads as often as allowed. */
      pageLeads: boolean;
      /** What the ledger did with the flag: what didn't happen (a retry, a failure) is given back. */
      settle(outcome: FlagOutcome | 'not-saved'): Promise<void>;
    }
  | { admitted: false; reason: LimitReason; retryInMs: number };

export interface FlagLimiter {
  admit(request: FlagRequest): Promise<FlagAdmission>;
}

/** Counts one for `key`; the refusal when it is over the limit (the point is counted all the same). */
function consume(limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes | undefined> {
  return limiter.consume(key).then(
    () => undefined,
    (refusal: unknown) => {
      if (refusal instanceof RateLimiterRes) return refusal;
      throw refusal;
    },
  );
}

/** No limits: for tests and benchmarks that flag in bulk on purpose. */
export const NO_FLAG_LIMITS: FlagLimiter = {
  admit: async () => ({ admitted: true, pageLeads: true, settle: async () => undefined }),
};

/** Deliveries remembered so a retry or double click reuses the first answer instead of counting again. */
const REMEMBERED_DELIVERIES = 10_000;

/**
 * Per-member flag limits on rate-limiter-flexible's in-memory limiter. A delivery is counted once: a retry of
 * it in this process gets the first decision; a retry of one another process recorded is given back on settle.
 */
export function createFlagLimiter(policy: MemberLimitsPolicy): FlagLimiter {
  const limiter = (rule: LimitRule, keyPrefix: string) =>
    new RateLimiterMemory({ keyPrefix, points: rule.points, duration: rule.minutes * 60 });
  const burst = limiter(policy.flagsBurst, 'flags-burst');
  const hourly = limiter(policy.flagsHourly, 'flags-hourly');
  const questions = limiter(policy.questionsToOneColleague, 'questions');
  const leadAlerts = limiter(policy.leadAlerts, 'lead-alerts');
  const decided = new Map<string, Promise<FlagAdmission>>();

  async function decide(request: FlagRequest): Promise<FlagAdmission> {
    let pageLeadsNow = true;
    const counted: Array<{ limiter: RateLimiterMemory; key: string; reason: LimitReason }> = [
      { limiter: burst, key: request.member, reason: 'flags' },
      { limiter: hourly, key: request.member, reason: 'flags' },
    ];
    if (request.colleague) counted.push({ limiter: questions, key: request.colleague, reason: 'questions' });
    const results = await Promise.all(counted.map(({ limiter, key }) => consume(limiter, key)));
    const giveBack = (which: typeof counted) =>
      Promise.all(which.map(({ limiter, key }) => limiter.reward(key))).then(() => undefined);
    const refusedAt = results.findIndex((result) => result !== undefined);
    if (refusedAt >= 0) {
      // A refused flag counts for nothing: whatever was counted for it is given back.
      await giveBack(counted);
      const waits = results.map((result) => result?.msBeforeNext ?? 0);
      return {
        admitted: false,
        reason: counted[refusedAt]?.reason ?? 'flags',
        retryInMs: Math.max(...waits),
      };
    }
    // The leads' page is counted apart: held back past its limit, never a reason to refuse the flag.
    if (request.critical) {
      const paged = { limiter: leadAlerts, key: request.member, reason: 'flags' as const };
      if ((await consume(leadAlerts, request.member)) === undefined) counted.push(paged);
      else {
        await giveBack([paged]);
        pageLeadsNow = false;
      }
    }
    let settled = false;
    return {
      admitted: true,
      pageLeads: pageLeadsNow,
      async settle(outcome) {
        if (settled) return;
        settled = true;
        if (outcome === 'created') return;
        // A co-report adds no incident: it asks nobody again and pages nobody (the incident's page was sent
        // once), but it is still a flag.
        if (outcome === 'co-reported')
          return giveBack(counted.filter((c) => c.limiter === questions || c.limiter === leadAlerts));
        return giveBack(counted);
      },
    };
  }

  return {
    admit(request) {
      const key = `${request.delivery.platform} ${request.delivery.id}`;
      const first = decided.get(key);
      if (first) {
        // The same delivery again: the first decision stands, and nothing more is counted or given back.
        return first.then((answer) =>
          answer.admitted
            ? { admitted: true, pageLeads: answer.pageLeads, settle: async () => undefined }
            : answer,
        );
      }
      const answer = decide(request);
      decided.set(key, answer);
      if (decided.size > REMEMBERED_DELIVERIES) {
        const oldest = decided.keys().next().value;
        if (oldest !== undefined) decided.delete(oldest);
      }
      return answer;
    },
  };
}
