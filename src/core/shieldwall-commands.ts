import type { AnyCommand } from './command.ts';
import { correctCommand } from './commands/correct-command.ts';
import { digestCommand } from './commands/digest-command.ts';
import { exportCommand } from './commands/export-command.ts';
import { flagCommand } from './commands/flag-command.ts';
import { createHelpCommand } from './commands/help-command.ts';
import { languageCommand } from './commands/language-command.ts';
import { offenderCommand } from './commands/offender-command.ts';
import { responderCommand } from './commands/responder-command.ts';
import { reviewCommand } from './commands/review-command.ts';
import { type CommandRegistry, createCommandRegistry } from './registry.ts';

/** Every command Shieldwall has, in the order help lists them. */
export function createShieldwallRegistry(): CommandRegistry {
  const commands: AnyCommand[] = [
    flagCommand,
    offenderCommand,
    responderCommand,
    digestCommand,
    reviewCommand,
    correctCommand,
    exportCommand,
    languageCommand,
  ];
  const registry = createCommandRegistry([...commands, createHelpCommand(() => registry.commands)]);
  return registry;
}
