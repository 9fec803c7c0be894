import { PermissionFlagsBits } from 'discord.js';
import type { DiscordWorld, PermissionOverwriteSpec } from './discord-world.ts';

const P = PermissionFlagsBits;
/** Permission overwrites as Discord's JSON carries them (decimal strings): seeing a channel, and posting in it. */
export const VIEW_CHANNEL = String(P.ViewChannel);
export const VIEW_AND_SEND = String(P.ViewChannel | P.SendMessages);
export const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);
/** What a fresh guild's @everyone role roughly gets. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.ReadMessageHistory |
  P.EmbedLinks |
  P.AttachFiles |
  P.AddReactions |
  P.UseExternalEmojis |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.SendMessagesInThreads |
  P.Connect |
  P.Speak;

/** Guild-level permissions, as Discord computes them: owner and Administrator get everything. */
export function guildPermissions(world: DiscordWorld, userId: string): bigint {
  if (userId === world.ownerId) return ALL_PERMISSIONS;
  const member = world.members.get(userId);
  let permissions = BigInt(world.roles.get(world.guildId)?.permissions ?? '0');
  for (const roleId of member?.roles ?? [])
    permissions |= BigInt(world.roles.get(roleId)?.permissions ?? '0');
  return permissions & P.Administrator ? ALL_PERMISSIONS : permissions;
}

/** Channel permissions: @everyone overwrite, then role overwrites (deny, then allow), then the member's own. */
export function channelPermissions(world: DiscordWorld, userId: string, channelId: string): bigint {
  let permissions = guildPermissions(world, userId);
  if (permissions & P.Administrator) return permissions;
  const overwrites = world.channels.get(channelId)?.permissionOverwrites ?? [];
  const apply = (o: PermissionOverwriteSpec | undefined): void => {
    if (o) permissions = (permissions & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  apply(overwrites.find((o) => o.type === 0 && o.id === world.guildId));
  const roles = new Set(world.members.get(userId)?.roles ?? []);
  const roleOverwrites = overwrites.filter((o) => o.type === 0 && roles.has(o.id));
  const deny = roleOverwrites.reduce((all, o) => all | BigInt(o.deny), 0n);
  const allow = roleOverwrites.reduce((all, o) => all | BigInt(o.allow), 0n);
  permissions = (permissions & ~deny) | allow;
  apply(overwrites.find((o) => o.type === 1 && o.id === userId));
  return permissions;
}
