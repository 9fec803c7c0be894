import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand, CommandOption } from '../../src/core/command.ts';
import { fieldLimits } from '../../src/core/command-form.ts';
import type { CommandRegistry } from '../../src/core/registry.ts';

// Discord's ceiling for a string option's length.
const MAX_STRING_OPTION = 6000;

/**
 * The registry as Discord slash commands, for `shieldwall discord:register`. A command with a form has every
 * option optional, because running it without options opens the form. Discord wants required options first.
 */
export function discordCommandDefinitions(
  registry: CommandRegistry,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return registry.commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: limit(command.summary, 100),
    // Slash commands only in the server, never in direct messages: the server is where membership is known.
    dm_permission: false,
    options: command.options
      .map((option) => discordOption(command, option))
      .sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required))),
  }));
}

function discordOption(command: AnyCommand, option: CommandOption): APIApplicationCommandOption {
  const base = {
    name: option.name,
    description: limit(option.description, 100),
    required: option.required && !command.form,
  };
  // The command's own limits, so Discord refuses an over-long value before it is sent.
  const { minLength, maxLength } = fieldLimits(command, option);
  switch (option.kind) {
    case 'member':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'yes-no':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'files':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    default:
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(maxLength !== undefined ? { max_length: Math.min(maxLength, MAX_STRING_OPTION) } : {}),
        ...(minLength ? { min_length: Math.min(minLength, MAX_STRING_OPTION) } : {}),
        ...(option.choices
          ? {
              choices: option.choices.slice(0, 25).map((choice) => ({
                name: limit(option.choiceLabels?.[choice] ?? choice, 100),
                value: choice,
              })),
            }
          : {}),
      };
  }
}

/** The options a Discord modal can ask: text inputs only, at most five. */
export function modalOptions(command: AnyCommand): CommandOption[] {
  return command.options.filter((option) => (option.kind ?? 'text') === 'text').slice(0, 5);
}

function limit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
