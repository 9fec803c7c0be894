import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand, CommandOption } from '../../src/core/command.ts';
import { fieldLimits } from '../../src/core/command-form.ts';
import { type MessageKey, translator } from '../../src/core/i18n/translator.ts';
import type { CommandRegistry } from '../../src/core/registry.ts';
import { FRENCH_OPTION_NAMES } from './discord-option-names.ts';

// Discord's ceiling for a string option's length.
const MAX_STRING_OPTION = 6000;
// Discord's ceiling for a description and a choice's name, in every locale.
const MAX_DESCRIPTION = 100;

const english = translator('en');
const french = translator('fr');

/**
 * The registry as Discord slash commands, for `shieldwall discord:register`. A command with a form has every
 * option optional, because running it without options opens the form. Discord wants required options first.
 * English is the default; members whose Discord speaks French see French descriptions, option names and
 * choices. Command names stay the English keywords every message and the help name.
 */
export function discordCommandDefinitions(
  registry: CommandRegistry,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return registry.commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: limit(english(command.summary), MAX_DESCRIPTION),
    description_localizations: described(command.summary),
    // Slash commands only in the server, never in direct messages: the server is where membership is known.
    dm_permission: false,
    options: command.options
      .map((option) => discordOption(command, option))
      .sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required))),
  }));
}

function discordOption(command: AnyCommand, option: CommandOption): APIApplicationCommandOption {
  const frenchName = FRENCH_OPTION_NAMES[command.name]?.[option.name];
  const base = {
    name: option.name,
    ...(frenchName ? { name_localizations: { fr: frenchName } } : {}),
    description: limit(english(option.description), MAX_DESCRIPTION),
    description_localizations: described(option.description),
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
    default: {
      const englishLabels = option.choiceLabels?.(english) ?? {};
      const frenchLabels = option.choiceLabels?.(french) ?? {};
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(maxLength !== undefined ? { max_length: Math.min(maxLength, MAX_STRING_OPTION) } : {}),
        ...(minLength ? { min_length: Math.min(minLength, MAX_STRING_OPTION) } : {}),
        ...(option.choices
          ? {
              choices: option.choices.slice(0, 25).map((choice) => ({
                name: limit(englishLabels[choice] ?? choice, MAX_DESCRIPTION),
                ...(frenchLabels[choice]
                  ? { name_localizations: { fr: limit(frenchLabels[choice], MAX_DESCRIPTION) } }
                  : {}),
                value: choice,
              })),
            }
          : {}),
      };
    }
  }
}

/** A description in the languages other than English, within Discord's limit. */
function described(key: MessageKey): LocalizationMap {
  return { fr: limit(french(key), MAX_DESCRIPTION) };
}

/** The options a Discord modal can ask: text inputs only, at most five. */
export function modalOptions(command: AnyCommand): CommandOption[] {
  return command.options.filter((option) => (option.kind ?? 'text') === 'text').slice(0, 5);
}

function limit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
