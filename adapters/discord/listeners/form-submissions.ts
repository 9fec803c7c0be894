import { ButtonStyle, ComponentType, type GuildMember, type ModalSubmitInteraction } from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import type { AnyCommand } from '../../../src/core/command.ts';
import { checkForm, fieldLimits } from '../../../src/core/command-form.ts';
import { errorReply, type Reply, type Section } from '../../../src/core/reply.ts';
import { modalOptions } from '../discord-commands.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import { formAgainId, readFormModal } from '../discord-ids.ts';
import { acknowledgePrivately, answerPrivately } from '../private-reply.ts';
import { runAndAnswer } from './slash-commands.ts';

/**
 * A submitted form. Discord modals can't show errors in place, so every wrong field is listed in one private
 * answer, and nothing is stored until the whole form is right. What was typed is kept: a button opens the form
 * again with it filled in.
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
  const stashed = await edge.stash.take(form.stashKey);
  const options: Record<string, unknown> = stashed?.owner === actor.id ? { ...stashed.options } : {};
  for (const option of modalOptions(command)) {
    const value = textField(interaction, option.name);
    if (value !== '') options[option.name] = value;
  }
  const problems = Object.entries(checkForm(command, options));
  if (problems.length > 0) {
    await edge.stash.put(interaction.id, { owner: actor.id, options });
    return answerPrivately(interaction, refusal(command, options, problems), [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: formAgainId(command.name, interaction.id),
            label: 'Change my answers',
            style: ButtonStyle.Primary,
          },
        ],
      },
    ]);
  }
  await runAndAnswer(edge, interaction, actor, command, options);
}

/** Each wrong field, and, for text too long for the form, the whole text as typed, so none of it is lost. */
function refusal(command: AnyCommand, options: Record<string, unknown>, problems: [string, string][]): Reply {
  const labels = new Map(command.options.map((option) => [option.name, option.label ?? option.name]));
  const tooLong: Section[] = modalOptions(command).flatMap((option) => {
    const value = options[option.name];
    const max = fieldLimits(command, option).maxLength;
    if (typeof value !== 'string' || max === undefined || value.length <= max) return [];
    return [
      {
        heading:
          `${labels.get(option.name)}, as you typed it (only you can see this): ${value.length} characters, ` +
          `and the form holds ${max}. Copy what matters, then shorten it in the form.`,
        lines: value.split('\n'),
      },
    ];
  });
  return {
    ...errorReply({
      code: 'form.invalid',
      message:
        'Nothing was recorded yet. Press Change my answers: the form opens again with what you typed, ' +
        'so you only fix what is listed here.',
    }),
    sections: [
      { lines: problems.map(([field, message]) => `${labels.get(field) ?? field}: ${message}`) },
      ...tooLong,
    ],
  };
}

/** A text field of the submitted modal; a field the client left out counts as empty, not as a crash. */
function textField(interaction: ModalSubmitInteraction, name: string): string {
  try {
    return interaction.fields.getTextInputValue(name).trim();
  } catch {
    return '';
  }
}
