import { REST, Routes } from 'discord.js';
import type { CommandRegistry } from '../../src/core/registry.ts';
import { discordCommandDefinitions } from './discord-commands.ts';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** One server (instant, good for trying it out); without it, global (may take up to an hour to appear). */
  guildId?: string;
  apiUrl?: string;
  registry: CommandRegistry;
}

/**
 * Replaces the application's slash commands with the registry's, in one bulk overwrite: running it again is
 * harmless, and a command removed from the registry disappears from Discord.
 */
export async function registerDiscordCommands(options: RegisterOptions): Promise<string[]> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const definitions = discordCommandDefinitions(options.registry);
  await rest.put(route, { body: definitions });
  return definitions.map((definition) => definition.name);
}
