import { z } from 'zod';
import type { AnyCommand, CommandDefinition } from '../command.ts';
import { infoReply } from '../reply.ts';

/** Help is generated from the registry, so it can never list a command that does not exist. */
export function createHelpCommand(listCommands: () => readonly AnyCommand[]): CommandDefinition {
  return {
    name: 'help',
    summary: 'What I can do.',
    usage: '/help',
    examples: ['/help'],
    access: 'member',
    options: [],
    parseText: () => ({ ok: true, value: {} }),
    args: z.object({}),
    async run(_args, { actor, settings }) {
      const visible = listCommands().filter((command) => command.access === 'member' || actor.isLead);
      const title = `Shieldwall for ${settings.collectiveName}: flag attacks, rally colleagues, and keep a shared record of offenders.`;
      return infoReply(title, [
        ...visible.map((command) => ({
          heading: command.usage,
          lines: [command.summary, ...command.examples.map((example) => `e.g. ${example}`)],
        })),
      ]);
    },
  };
}
