import type { Translator } from '../i18n/translator.ts';
import { platformLabel } from '../post-url/platform-label.ts';
import type { Platform } from '../post-url/types.ts';
import type { AttackChannel } from './attack-channel.ts';

/**
 * Where an attack with no public link happened, as a label: "Phone call or text", and for a direct message
 * the platform it came on, "Direct message on Instagram".
 */
export function attackPlaceText(channel: AttackChannel, platform: Platform, t: Translator): string {
  const onPlatform = platform !== 'offline' && platform !== 'email' && platform !== 'web';
  return channel === 'dm' && onPlatform
    ? t('flag.place_dm_on', { platform: platformLabel(platform) })
    : t('flag.place_label', { channel });
}
