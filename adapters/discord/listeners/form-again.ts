import type { ButtonInteraction, GuildMember } from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import { errorReply } from '../../../src/core/reply.ts';
import { modalOptions } from '../discord-commands.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import { buildFormModal } from '../discord-form.ts';
import { readFormAgain } from '../discord-ids.ts';
import { answerPrivately } from '../private-reply.ts';

/**
 * Change my answers, under a refused form: the form opens again (a modal must be the first answer to the
 * press) with everything the member typed, and what it can't hold is stashed again for the next submission.
 */
export async function onFormAgain(edge: DiscordEdge, interaction: ButtonInteraction): Promise<void> {
  const pressed = readFormAgain(interaction.customId);
  const command = pressed ? edge.bot.commands.find(pressed.command) : undefined;
  const actor = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId);
  if (!actor) return answerPrivately(interaction, notAMemberReply());
  const stashed = pressed && command ? await edge.stash.take(pressed.stashKey) : undefined;
  if (!command || !stashed || stashed.owner !== actor.id) {
    return answerPrivately(
      interaction,
      errorReply({
        code: 'form.expired',
        message:
          'I no longer have that form (forms are kept for 15 minutes, and open once). Nothing was recorded: ' +
          `please start again with /${pressed?.command ?? 'flag'}.`,
      }),
    );
  }
  const formFields = new Set(modalOptions(command).map((option) => option.name));
  await edge.stash.put(interaction.id, {
    owner: actor.id,
    options: Object.fromEntries(Object.entries(stashed.options).filter(([name]) => !formFields.has(name))),
  });
  await interaction.showModal(buildFormModal(command, stashed.options, interaction.id));
}
