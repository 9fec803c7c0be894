import type { MessageKey, Translator } from '../i18n/translator.ts';
import type { AttackChannel } from '../incident/attack-channel.ts';
import { platformLabel } from '../post-url/platform-label.ts';
import type { AccountRef, Platform } from '../post-url/types.ts';

// Where an attack happened and who did it, in the reader's language: the digest and evidence packs both say it.
// Platforms' own names (Instagram, X (Twitter)) are the same in every language; only the generic ones change.

const GENERIC_PLATFORMS: Partial<Record<Platform, MessageKey>> = {
  email: 'digest.platform.email',
  web: 'digest.platform.web',
  offline: 'digest.platform.offline',
};

export function platformName(t: Translator, platform: Platform): string {
  const key = GENERIC_PLATFORMS[platform];
  return key ? t(key) : platformLabel(platform);
}

/** "@SomeTroll on X (Twitter)"; a person known only by name is on no platform: just the name. */
export function accountOn(t: Translator, account: AccountRef): string {
  return account.platform === 'offline'
    ? account.display
    : t('digest.account_on', { account: account.display, platform: platformName(t, account.platform) });
}

/** "Jo Bloggs (named by a member)": a member's word, not the link's. */
export function namedByMember(t: Translator, name: string): string {
  return t('digest.named_by_member', { name });
}

export function channelName(t: Translator, channel: AttackChannel): string {
  return t(`digest.channel.${channel}`);
}

/** "Phone call or text", and for a direct message the platform it came on: "Direct message on Instagram". */
export function placeName(t: Translator, channel: AttackChannel, platform: Platform): string {
  const onPlatform = platform !== 'offline' && platform !== 'email' && platform !== 'web';
  return channel === 'dm' && onPlatform
    ? t('digest.channel_on', { channel: channelName(t, channel), platform: platformName(t, platform) })
    : channelName(t, channel);
}
