import { platformLabel } from '../post-url/platform-label.ts';
import type { Platform } from '../post-url/types.ts';
import { type AttackChannel, CHANNEL_INFO } from './attack-channel.ts';

/**
 * Where an attack with no public link happened, as a label: "Phone call or text", and for a direct message
 * the platform it came on, "Direct message on Instagram".
 */
export function attackPlaceText(channel: AttackChannel, platform: Platform): string {
  const { label } = CHANNEL_INFO[channel];
  const onPlatform = platform !== 'offline' && platform !== 'email' && platform !== 'web';
  return channel === 'dm' && onPlatform ? `${label} on ${platformLabel(platform)}` : label;
}
