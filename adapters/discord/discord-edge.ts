import type { Client, TextChannel } from 'discord.js';
import type { Logger } from 'pino';
import type { Bot } from '../../src/core/chat-adapter.ts';
import type { DiscordAccess } from './discord-access.ts';
import type { FormStash } from './discord-form.ts';

/** What every Discord listener works with, built once when the adapter is ready. */
export interface DiscordEdge {
  bot: Bot;
  client: Client;
  incidentChannel: TextChannel;
  access: DiscordAccess;
  stash: FormStash;
  /** Downloads attached screenshots (from Discord's file hosts only) into their `content`. */
  fetchScreenshots(files: unknown[]): Promise<unknown[]>;
  log: Logger;
}
