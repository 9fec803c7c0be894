import type { AttackChannel } from '../incident/attack-channel.ts';
import type { NamedBy } from '../ledger-port.ts';
import { platformLabel } from '../post-url/platform-label.ts';
import type { AccountRef, Platform } from '../post-url/types.ts';
import type { MessageKey, Translator } from './translator.ts';

// Where an attack happened and who did it, in the reader's language: every message, card, digest and evidence
// pack says it with these words (keys in the `vocabulary` section). Platforms' own names (Instagram,
// X (Twitter)) are the same in every language; only the generic ones are translated.

const GENERIC_PLATFORMS: Partial<Record<Platform, MessageKey>> = {
  email: 'platform.email',
  web: 'platform.web',
  offline: 'platform.offline',
};

/** "Instagram", "X (Twitter)", "Email", "the website", "Off-platform". */
export function platformName(t: Translator, platform: Platform): string {
  const key = GENERIC_PLATFORMS[platform];
  return key ? t(key) : platformLabel(platform);
}

/** "Phone call or text": where an attack with no public link happened. */
export function channelName(t: Translator, channel: AttackChannel): string {
  return t(`channel.${channel}`);
}

/**
 * "Phone call or text", and for a direct message the platform it came on: "Direct message on Instagram" (not
 * for an email address, a website or no platform said: just "Direct message").
 */
export function placeName(t: Translator, channel: AttackChannel, platform: Platform | null): string {
  return channel === 'dm' && platform !== null && GENERIC_PLATFORMS[platform] === undefined
    ? t('channel.dm_on', { platform: platformName(t, platform) })
    : channelName(t, channel);
}

/** Where it happened: the platform of a post, or the place of an attack with no link. */
export function whereText(
  t: Translator,
  incident: { platform: Platform; channel: AttackChannel | null },
): string {
  return incident.channel === null
    ? platformName(t, incident.platform)
    : placeName(t, incident.channel, incident.platform);
}

/**
 * "@SomeTroll on X (Twitter)"; a person known only by name is on no platform: just the name. Said beside an
 * incident on `besides`, an account on that same platform is just its name too.
 */
export function accountOn(t: Translator, account: AccountRef, besides?: Platform): string {
  return account.platform === 'offline' || account.platform === besides
    ? account.display
    : t('who.on_platform', { account: account.display, platform: platformName(t, account.platform) });
}

/** "Jo Bloggs (named by a member)": a member's word, not the link's. */
export function namedByMember(t: Translator, account: string): string {
  return t('who.named_by_member', { account });
}

/** "unknown": nobody could say who. */
export const unknownAccount = (t: Translator): string => t('who.unknown');

/** An incident's attacker: plainly unknown, or the account ({@link accountOn}), saying so when a member named it. */
export function attackerOn(
  t: Translator,
  account: AccountRef | null,
  namedBy: NamedBy | null,
  besides?: Platform,
): string {
  if (account === null) return unknownAccount(t);
  const named = accountOn(t, account, besides);
  return namedBy === 'member' ? namedByMember(t, named) : named;
}
