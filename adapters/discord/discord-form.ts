import {
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import { z } from 'zod';
import type { FormStore } from '../../src/core/chat-adapter.ts';
import type { AnyCommand } from '../../src/core/command.ts';
import { fieldLimits } from '../../src/core/command-form.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
import { modalOptions } from './discord-commands.ts';
import { formModalId } from './discord-ids.ts';
import { clip } from './discord-text.ts';

// Discord's own ceiling for a text input's length and for a pre-filled value.
const MAX_TEXT_INPUT = 4000;

/**
 * A command's form as a Discord modal: text inputs only (Discord's limit is five), choices as a short text
 * whose placeholder lists them. Each input's limits are the command's own (`fieldLimits`), so Discord refuses
 * an over-long answer while the member is still typing it. Values given as slash-command options, or typed in
 * a refused form, are filled in (cut to the field's limit: the refusal shows the whole text).
 */
export function buildFormModal(
  command: AnyCommand,
  prefilled: Record<string, unknown>,
  stashKey: string,
  /** The language of whoever opens it, for the modal's own words (the fields are the command's). */
  t: Translator,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${formModalId(command.name)}:${stashKey}`,
    title: clip(command.form?.title ?? command.name, 45),
    components: modalOptions(command).map((option) => {
      const value = prefilled[option.name];
      const limits = fieldLimits(command, option);
      const maxLength = Math.min(limits.maxLength ?? MAX_TEXT_INPUT, MAX_TEXT_INPUT);
      const input: APITextInputComponent = {
        type: ComponentType.TextInput,
        custom_id: option.name,
        label: clip(option.label ?? option.name, 45),
        style: option.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: limits.required,
        placeholder: clip(
          option.choices ? t('discord.one_of', { choices: option.choices.join(', ') }) : option.description,
          100,
        ),
        max_length: maxLength,
        ...(limits.minLength ? { min_length: Math.min(limits.minLength, maxLength) } : {}),
        ...(typeof value === 'string' && value !== '' ? { value: cutTo(value, maxLength) } : {}),
      };
      return { type: ComponentType.ActionRow, components: [input] };
    }),
  };
}

/** The first `max` UTF-16 units (what the command's schema counts), never half of an emoji. */
function cutTo(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A form on its way: the options typed or given so far, and whose they are. */
const stashedForm = z.object({ owner: z.string(), options: z.record(z.string(), z.unknown()) });
export type StashedForm = z.infer<typeof stashedForm>;

/**
 * Options given with the slash command that a modal can't hold (a member, a yes/no, an attachment's name and
 * address), or the answers of a refused form, kept by the core until the modal comes back, whichever process
 * that reaches. Each is taken once, and expires with the form.
 */
export class FormStash {
  constructor(private readonly forms: FormStore) {}

  put(interactionId: string, form: StashedForm): Promise<void> {
    return this.forms.stash(`discord:${interactionId}`, form);
  }

  async take(interactionId: string): Promise<StashedForm | undefined> {
    const parsed = stashedForm.safeParse(await this.forms.take(`discord:${interactionId}`));
    return parsed.success ? parsed.data : undefined;
  }
}
