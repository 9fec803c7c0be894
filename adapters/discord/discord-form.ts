import {
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import type { AnyCommand } from '../../src/core/command.ts';
import { modalOptions } from './discord-commands.ts';
import { formModalId } from './discord-ids.ts';
import { clip } from './discord-text.ts';

/**
 * A command's form as a Discord modal: text inputs only (Discord's limit is five), choices as a short text
 * whose placeholder lists them. Values given as slash-command options are filled in.
 */
export function buildFormModal(
  command: AnyCommand,
  prefilled: Record<string, unknown>,
  stashKey: string,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${formModalId(command.name)}:${stashKey}`,
    title: clip(command.form?.title ?? command.name, 45),
    components: modalOptions(command).map((option) => {
      const value = prefilled[option.name];
      const input: APITextInputComponent = {
        type: ComponentType.TextInput,
        custom_id: option.name,
        label: clip(option.label ?? option.name, 45),
        style: option.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: option.required,
        placeholder: clip(option.choices ? `One of: ${option.choices.join(', ')}` : option.description, 100),
        max_length: option.multiline ? 4000 : 2048,
        ...(typeof value === 'string' ? { value } : {}),
      };
      return { type: ComponentType.ActionRow, components: [input] };
    }),
  };
}

/** Options given with the slash command that a modal can't hold (a member, a yes/no, an attachment), kept
 * until the modal comes back. They expire, so an abandoned form leaves nothing behind. */
export class FormStash {
  private readonly entries = new Map<string, { options: Record<string, unknown>; expires: number }>();

  constructor(private readonly ttlMs = 15 * 60_000) {}

  put(key: string, options: Record<string, unknown>): void {
    const now = Date.now();
    for (const [k, entry] of this.entries) if (entry.expires < now) this.entries.delete(k);
    this.entries.set(key, { options, expires: now + this.ttlMs });
  }

  take(key: string): Record<string, unknown> {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry && entry.expires >= Date.now() ? entry.options : {};
  }
}
