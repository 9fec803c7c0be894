import type { Interaction } from 'discord.js';
import type { DiscordEdge } from './discord-edge.ts';
import { readReplyActionGuild } from './discord-ids.ts';

/**
 * The servers one client serves, each through its own edge and its collective's bot. Requests find theirs by
 * the server they come from; none is ever served by another server's edge.
 */
export class DiscordServers {
  private readonly byGuild: ReadonlyMap<string, DiscordEdge>;

  constructor(readonly edges: readonly DiscordEdge[]) {
    this.byGuild = new Map(edges.map((edge) => [edge.access.guildId, edge]));
  }

  /** The edge of a server served here; undefined for any other. */
  ofGuild(guildId: string | null | undefined): DiscordEdge | undefined {
    return guildId ? this.byGuild.get(guildId) : undefined;
  }

  /**
   * Where an interaction is served: its server's edge. In a direct message (a rally alert's buttons), the server
   * its button names; for a button sent before buttons named one, the one server served here, else the first
   * whose collective counts the user as a member. Undefined: nobody here serves it.
   */
  async of(interaction: Interaction): Promise<DiscordEdge | undefined> {
    if (interaction.guildId) return this.ofGuild(interaction.guildId);
    const named = interaction.isButton() ? readReplyActionGuild(interaction.customId) : undefined;
    if (named) return this.ofGuild(named);
    // With one server, its bot refuses outsiders itself, as it always did.
    if (this.edges.length === 1) return this.edges[0];
    for (const edge of this.edges) {
      if (await edge.access.isMember(interaction.user.id).catch(() => false)) return edge;
    }
    return undefined;
  }
}
