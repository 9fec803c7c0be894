import {
  type APIActionRowComponent,
  type APIButtonComponent,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Translator } from '../../src/core/i18n/translator.ts';
import type { Reply } from '../../src/core/reply.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { type DiscordMessage, renderReply } from './render-embed.ts';

/**
 * Answers only the person who asked (an ephemeral message), whether or not the interaction was deferred. A
 * reply too long for one message continues in private follow-ups.
 */
export async function answerPrivately(
  interaction: RepliableInteraction,
  reply: Reply,
  /** The reader's language, for what the adapter adds itself (what a long reply left out). */
  t: Translator,
  /** Buttons of the adapter's own (reopening a refused form), after the reply's. */
  extraRows: APIActionRowComponent<APIButtonComponent>[] = [],
): Promise<void> {
  const [first, ...rest] = withRows(renderReply(reply, t), extraRows);
  const message = {
    ...first,
    allowedMentions: NO_MENTIONS,
    // A file for the person who asked (an evidence pack) rides on the ephemeral answer: only they see it.
    files: reply.file ? [{ attachment: Buffer.from(reply.file.data), name: reply.file.filename }] : [],
  };
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply(message);
  } else {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  }
  await followUpPrivately(interaction, rest);
}

/** The rest of a long answer, in order, each only for the person who asked. */
export async function followUpPrivately(
  interaction: RepliableInteraction,
  messages: DiscordMessage[],
): Promise<void> {
  for (const message of messages)
    await interaction.followUp({ ...message, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
}

function withRows(
  messages: DiscordMessage[],
  rows: APIActionRowComponent<APIButtonComponent>[],
): DiscordMessage[] {
  return messages.map((message, index) =>
    index === messages.length - 1 ? { ...message, components: [...message.components, ...rows] } : message,
  );
}

/** Acknowledges at once (Discord allows 3 seconds) with a private "thinking…", so slow work can follow. */
export async function acknowledgePrivately(interaction: RepliableInteraction): Promise<void> {
  if (!interaction.deferred && !interaction.replied)
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}
