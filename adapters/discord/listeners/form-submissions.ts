import type { GuildMember, ModalSubmitInteraction } from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import { checkForm } from '../../../src/core/command-form.ts';
import { errorReply } from '../../../src/core/reply.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import { modalOptions } from '../discord-commands.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import { readFormModal } from '../discord-ids.ts';
import { acknowledgePrivately, answerPrivately } from '../private-reply.ts';
import { targetOutsideCollective } from './slash-commands.ts';

/**
 * A submitted form. Discord modals can't show errors in place, so every wrong field is listed in one private
 * answer, and nothing is stored until the whole form is right.
 */
export async function onFormSubmit(edge: DiscordEdge, interaction: ModalSubmitInteraction): Promise<void> {
  const form = readFormModal(interaction.customId);
  const command = form ? edge.bot.commands.find(form.command) : undefined;
  if (!form || !command) return;
  await acknowledgePrivately(interaction);
  const actor = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId);
  if (!actor) return answerPrivately(interaction, notAMemberReply());
  try {
    const options: Record<string, unknown> = { ...edge.stash.take(form.stashKey) };
    for (const option of modalOptions(command)) {
      const value = interaction.fields.getTextInputValue(option.name).trim();
      if (value !== '') options[option.name] = value;
    }
    const errors = checkForm(command, options);
    const problems = Object.entries(errors);
    if (problems.length > 0) {
      const labels = new Map(command.options.map((option) => [option.name, option.label ?? option.name]));
      return await answerPrivately(interaction, {
        ...errorReply({
          code: 'form.invalid',
          message: 'Nothing was recorded yet: please fix this and send the form again.',
        }),
        sections: [
          { lines: problems.map(([field, message]) => `${labels.get(field) ?? field}: ${message}`) },
        ],
      });
    }
    const outsider = await targetOutsideCollective(edge, options);
    if (outsider) return await answerPrivately(interaction, outsider);
    const reply = await edge.bot.handle({
      actor,
      delivery: { platform: 'discord', id: interaction.id },
      request: { name: command.name, input: { options } },
    });
    await answerPrivately(interaction, reply);
    if (reply.incidentId !== undefined) await edge.keepCard(reply.incidentId);
  } catch (error) {
    await answerPrivately(interaction, unexpectedFailure(edge.log, { command: command.name }, error));
  }
}
