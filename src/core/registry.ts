import type { AnyCommand } from './command.ts';

export interface CommandRegistry {
  readonly commands: readonly AnyCommand[];
  find(name: string): AnyCommand | undefined;
}

/** One registry for every adapter; two commands with one name would make help and Discord disagree. */
export function createCommandRegistry(commands: readonly AnyCommand[]): CommandRegistry {
  const byName = new Map<string, AnyCommand>();
  for (const command of commands) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(command.name))
      throw new Error(`invalid command name "${command.name}"`);
    if (byName.has(command.name)) throw new Error(`command "${command.name}" is defined twice`);
    byName.set(command.name, command);
  }
  return { commands: [...byName.values()], find: (name) => byName.get(name.toLowerCase()) };
}
