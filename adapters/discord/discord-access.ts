import { type GuildMember, PermissionFlagsBits, type TextChannel } from 'discord.js';
import type { Actor } from '../../src/core/command.ts';
import { discordMemberId } from './discord-ids.ts';

/**
 * Who may use Shieldwall on Discord: whoever can see the incident channel, as Discord itself computes it from
 * their roles and the channel's overwrites. Leads hold the lead role. Everyone else is refused.
 */
export class DiscordAccess {
  constructor(
    private readonly incidentChannel: TextChannel,
    private readonly leadRole: string | undefined,
  ) {}

  get guildId(): string {
    return this.incidentChannel.guildId;
  }

  canSeeIncidents(member: GuildMember): boolean {
    return this.incidentChannel.permissionsFor(member).has(PermissionFlagsBits.ViewChannel);
  }

  actor(member: GuildMember | null | undefined, guildId: string | null): Actor | undefined {
    if (!member || guildId !== this.guildId) return undefined;
    const isLead = this.leadRole !== undefined && member.roles.cache.has(this.leadRole);
    if (!isLead && !this.canSeeIncidents(member)) return undefined;
    return { id: discordMemberId(this.guildId, member.id), name: member.displayName, isLead };
  }
}
