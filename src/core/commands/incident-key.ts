import type { Delivery } from '../ledger-port.ts';
import type { NormalizedPost } from '../post-url/types.ts';
import type { FlagPlace } from './flag-place.ts';

/**
 * The key an incident is deduplicated on. A post is its own incident. An email, or an attack with no public
 * link, has no address of its own, so it is one incident per attacker, channel and day in the collective's
 * zone: colleagues flagging the same call that day join one incident. An unknown attacker never merges: the
 * delivery that flagged it is its key.
 */
export function incidentKey(
  flag: FlagPlace,
  { delivery, day }: { delivery: Delivery; day: string },
): NormalizedPost {
  const { post, place, platform, attacker } = flag;
  if (post !== null && post.kind !== 'email') return { ...post, account: attacker };
  if (post !== null || (place?.channel === 'email' && attacker?.platform === 'email')) {
    // Flagging the sender's address and flagging "an email from" that address are the same thing.
    const sender = attacker ?? post?.account;
    return {
      platform: 'email',
      kind: 'email',
      canonicalUrl: `mailto:${sender?.handle}#${day}`,
      account: sender ?? null,
    };
  }
  const who =
    attacker === null
      ? `unknown:${delivery.platform}:${delivery.id}`
      : `${attacker.platform}:${attacker.handle}`;
  const where = place?.platform ? `${place.channel}:${place.platform}` : (place?.channel ?? 'other');
  return { platform, kind: 'offline', canonicalUrl: `offline:${where}:${who}#${day}`, account: attacker };
}
