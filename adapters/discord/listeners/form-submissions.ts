import type { GuildMember, ModalSubmitInteraction } from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import { checkForm } from '../../../src/core/command-form.ts';
import { errorReply } from '../../../src/core/reply.ts';
import { modalOptions } from '../discord-commands.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import { readFormModal } from '../discord-ids.ts';
import { acknowledgePrivately, answerPrivately } from '../private-reply.ts';
import { runAndAnswer } from './slash-commands.ts';

/**
 * A submitted form. Discord modals can't show errors in place, so every wrong field is listed in one private
 * answer, and nothing is stored until the whole form is right.
 */
export async function onFormSubmit(edge: DiscordEdge, interaction: ModalSubmitInteraction): Promise<void> {
  const form = readFormModal(interaction.customId);
  const command = form ? edge.bot.commands.find(form.command) : undefined;
  if (!form || !command) {
    // A form this version does not draw (an old one, a forged id): a kind answer, not "interaction failed".
    return answerPrivately(
      interaction,
      errorReply({
        code: 'form.unknown',
        message: "That form isn't one I know any more; nothing was recorded. Please start again.",
      }),
    );
  }
  await acknowledgePrivately(interaction);
  const actor = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId);
  if (!actor) return answerPrivately(interaction, notAMemberReply());
  const options: Record<string, unknown> = { ...edge.stash.take(form.stashKey) };
  for (const option of modalOptions(command)) {
    const value = textField(interaction, option.name);
    if (value !== '') options[option.name] = value;
  }
  const problems = Object.entries(checkForm(command, options));
  if (problems.length > 0) {
    const labels = new Map(command.options.map((option) => [option.name, option.label ?? option.name]));
    return answerPrivately(interaction, {
      ...errorReply({
        code: 'form.invalid',
        message: 'Nothing was recorded yet: please fix this and send the form again.',
      }),
      sections: [{ lines: problems.map(([field, message]) => `${labels.get(field) ?? field}: ${message}`) }],
    });
  }
  await runAndAnswer(edge, interaction, actor, command, options);
}

/** A text field of the submitted modal; a field the client left out counts as empty, not as a crash. */
function textField(interaction: ModalSubmitInteraction, name: string): string {
  try {
    return interaction.fields.getTextInputValue(name).trim();
  } catch {
    return '';
  }
}
