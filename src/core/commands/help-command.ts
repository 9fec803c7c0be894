import { z } from 'zod';
import type { AnyCommand, CommandDefinition } from '../command.ts';
import { infoReply } from '../reply.ts';

/**
 * Help is generated from the registry, so it can never list a command that does not exist; each command's usage,
 * summary and examples are said in the member's language.
 */
export function createHelpCommand(listCommands: () => readonly AnyCommand[]): CommandDefinition {
  return {
    name: 'help',
    summary: 'cmd.help.summary',
    usage: 'cmd.help.usage',
    examples: ['cmd.help.example'],
    access: 'member',
    options: [],
    parseText: () => ({ ok: true, value: {} }),
    args: z.object({}),
    async run(_args, { actor, settings, t }) {
      const visible = listCommands().filter((command) => command.access === 'member' || actor.isLead);
      return infoReply(t('help.title', { collective: settings.collectiveName }), [
        ...visible.map((command) => ({
          heading: t(command.usage),
          lines: [
            t(command.summary),
            ...command.examples.map((example) => t('help.example', { example: t(example) })),
          ],
        })),
      ]);
    },
  };
}
