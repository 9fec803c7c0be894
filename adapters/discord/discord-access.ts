import {
  DiscordAPIError,
  type GuildMember,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type TextChannel,
} from 'discord.js';
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

  /**
   * The actor behind an interaction. In a direct message (a rally alert's buttons) there is no member in the
   * interaction, so the server's member record is fetched for that user.
   */
  async actorOf(interaction: {
    member: unknown;
    guildId: string | null;
    user: { id: string };
  }): Promise<Actor | undefined> {
    if (interaction.guildId) return this.actor(interaction.member as GuildMember | null, interaction.guildId);
    const member = await this.incidentChannel.guild.members.fetch(interaction.user.id).catch(() => undefined);
    return this.actor(member, this.guildId);
  }

  /**
   * Whether a user still belongs to the collective, as Discord says now: fetched afresh, because without the
   * privileged members intent no event tells us that their roles changed or that they left the server.
   */
  async isMember(userId: string): Promise<boolean> {
    const member = await this.incidentChannel.guild.members
      .fetch({ user: userId, force: true })
      .catch((error: unknown) => {
        if (isGone(error)) return undefined;
        throw error;
      });
    return this.actor(member, this.guildId) !== undefined;
  }

  actor(member: GuildMember | null | undefined, guildId: string | null): Actor | undefined {
    if (!member || guildId !== this.guildId) return undefined;
    const isLead = this.leadRole !== undefined && member.roles.cache.has(this.leadRole);
    if (!isLead && !this.canSeeIncidents(member)) return undefined;
    return { id: discordMemberId(this.guildId, member.id), name: member.displayName, isLead };
  }
}

/** Discord's answer for someone who is no longer on the server (or whose account is gone). */
function isGone(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownMember || error.code === RESTJSONErrorCodes.UnknownUser)
  );
}
