import { PermissionFlagsBits, type TextChannel } from 'discord.js';
import type { ChannelPrivacy } from '../../src/core/incident/channel-privacy.ts';

/**
 * Private means @everyone can't view the channel, as Discord computes it from the @everyone role and the
 * channel's overwrites. Both are kept current by the gateway (the `Guilds` intent), so no request is needed.
 */
export function discordChannelPrivacy(channel: TextChannel): ChannelPrivacy {
  if (!channel.permissionsFor(channel.guild.roles.everyone).has(PermissionFlagsBits.ViewChannel))
    return { private: true };
  return {
    private: false,
    why: 'discord.privacy.everyone_why',
    fix: 'discord.privacy.everyone_fix',
  };
}
