import pThrottle from 'p-throttle';
import type { MessageSender } from '../src/core/rally/rally-engine.ts';

/**
 * Spaces private messages out so a wave of alerts stays under the platform's rate limit instead of bouncing
 * off it: a 429 costs its Retry-After plus the client's backoff, far more than waiting our turn. Strict mode
 * keeps any one-second window at the limit, which is how platforms count.
 */
export function paced(perSecond: number | undefined, send: MessageSender): MessageSender {
  if (!perSecond) return send;
  return pThrottle({ limit: perSecond, interval: 1000, strict: true })(send);
}
