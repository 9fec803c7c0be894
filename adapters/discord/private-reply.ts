import {
  type APIActionRowComponent,
  type APIButtonComponent,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../../src/core/reply.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { renderReply } from './render-embed.ts';

/** Answers only the person who asked (an ephemeral message), whether or not the interaction was deferred. */
export async function answerPrivately(
  interaction: RepliableInteraction,
  reply: Reply,
  /** Buttons of the adapter's own (reopening a refused form), after the reply's. */
  extraRows: APIActionRowComponent<APIButtonComponent>[] = [],
): Promise<void> {
  const rendered = renderReply(reply);
  const message = {
    ...rendered,
    components: [...rendered.components, ...extraRows],
    allowedMentions: NO_MENTIONS,
    // A file for the person who asked (an evidence pack) rides on the ephemeral answer: only they see it.
    files: reply.file ? [{ attachment: Buffer.from(reply.file.data), name: reply.file.filename }] : [],
  };
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply(message);
  } else {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  }
}

/** Acknowledges at once (Discord allows 3 seconds) with a private "thinking…", so slow work can follow. */
export async function acknowledgePrivately(interaction: RepliableInteraction): Promise<void> {
  if (!interaction.deferred && !interaction.replied)
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}
