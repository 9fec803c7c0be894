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
  /** Critical flags by one member, each of which alerts the leads at once. */
  leadAlerts: LimitRule;
}

export const DEFAULT_MEMBER_LIMITS: MemberLimitsPolicy = {
  flagsBurst: { points: 5, minutes: 10 },
  flagsHourly: { points: 20, minutes: 60 },
  questionsToOneColleague: { points: 5, minutes: 24 * 60 },
  leadAlerts: { points: 3, minutes: 60 },
};

/** Which limit stopped a flag, so the member is told the right reason. */
export type LimitReason = 'flags' | 'questions' | 'lead-alerts';

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
      /** What the ledger did with the flag: what didn't happen (a retry, a failure) is given back. */
      settle(outcome: FlagOutcome | 'not-saved'): Promise<void>;
    }
  | { admitted: false; reason: LimitReason; retryInMs: number };

export interface FlagLimiter {
  admit(request: FlagRequest): Promise<FlagAdmission>;
}

/** No limits: for tests and benchmarks that flag in bulk on purpose. */
export const NO_FLAG_LIMITS: FlagLimiter = {
  admit: async () => ({ admitted: true, settle: async () => undefined }),
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
    const counted: Array<{ limiter: RateLimiterMemory; key: string; reason: LimitReason }> = [
      { limiter: burst, key: request.member, reason: 'flags' },
      { limiter: hourly, key: request.member, reason: 'flags' },
    ];
    if (request.colleague) counted.push({ limiter: questions, key: request.colleague, reason: 'questions' });
    if (request.critical) counted.push({ limiter: leadAlerts, key: request.member, reason: 'lead-alerts' });
    const results = await Promise.all(
      counted.map(({ limiter, key }) =>
        limiter.consume(key).then(
          () => undefined,
          (refusal: unknown) => {
            if (refusal instanceof RateLimiterRes) return refusal;
            throw refusal;
          },
        ),
      ),
    );
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
    let settled = false;
    return {
      admitted: true,
      async settle(outcome) {
        if (settled) return;
        settled = true;
        if (outcome === 'created') return;
        // A co-report adds no incident: it asks nobody again, but it is still a flag and may raise the severity.
        if (outcome === 'co-reported') return giveBack(counted.filter((c) => c.reason === 'questions'));
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
          answer.admitted ? { admitted: true, settle: async () => undefined } : answer,
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
