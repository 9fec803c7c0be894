import { type Command, Help } from 'commander';
import type { Translator } from '../core/i18n/translator.ts';

/**
 * Commander's own words (the titles of its help, its help option and command, "default:") in the CLI's
 * language. Set on the program before its commands are added: they inherit it.
 */
export function speakHelp(program: Command, t: Translator): Command {
  const titles: Record<string, string> = {
    'Usage:': t('cli.help.title_usage'),
    'Options:': t('cli.help.title_options'),
    'Commands:': t('cli.help.title_commands'),
    'Arguments:': t('cli.help.title_arguments'),
  };
  const base = new Help();
  return program
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      optionDescription: (option) =>
        base
          .optionDescription(option)
          .replace(/\(default: (.*)\)$/, (_, value: string) => t('cli.help.default', { value })),
    })
    .helpOption('-h, --help', t('cli.help.help_option'))
    .helpCommand('help [command]', t('cli.help.help_command'));
}
