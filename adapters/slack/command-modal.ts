import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
type View = types.View;

import type { AnyCommand, CommandOption } from '../../src/core/command.ts';
import { fieldLimits } from '../../src/core/command-form.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
import { plainText } from './mrkdwn.ts';
import { slackMemberId } from './slack-ids.ts';

// Slack's ceiling for a plain_text_input's max_length.
const MAX_TEXT_INPUT = 3000;
// File types a screenshot or a saved page comes as; Slack's file input allows at most 10 files.
const SCREENSHOT_TYPES = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'heic', 'pdf'];
const MAX_FILES = 10;

/** A command's form as a Slack modal, one input block per option; block and action ids are option names. */
export function buildCommandModal(
  command: AnyCommand,
  { callbackId, privateMetadata, userId }: { callbackId: string; privateMetadata: string; userId: string },
  /** The language of whoever opens it, for the modal's own words (the fields are the command's). */
  t: Translator,
): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: plainText(command.form?.title ?? command.name, 24),
    submit: plainText(command.form?.submit ?? t('slack.form_send'), 24),
    close: plainText(t('slack.cancel'), 24),
    blocks: command.options.map((option) => inputBlock(command, option, userId, t)),
  };
}

function inputBlock(command: AnyCommand, option: CommandOption, userId: string, t: Translator): KnownBlock {
  return {
    type: 'input',
    block_id: option.name,
    optional: !option.required,
    label: plainText(option.label ?? option.description, 2000),
    ...(option.label ? { hint: plainText(option.description, 2000) } : {}),
    element: inputElement(command, option, userId, t),
  } as KnownBlock;
}

function inputElement(command: AnyCommand, option: CommandOption, userId: string, t: Translator) {
  const action_id = option.name;
  if (option.kind === 'member') {
    return { type: 'users_select', action_id, ...(option.defaultsToSelf ? { initial_user: userId } : {}) };
  }
  if (option.kind === 'yes-no') {
    return {
      type: 'checkboxes',
      action_id,
      options: [{ text: plainText(option.label ?? t('slack.yes'), 75), value: 'yes' }],
    };
  }
  if (option.kind === 'files') {
    return { type: 'file_input', action_id, filetypes: SCREENSHOT_TYPES, max_files: MAX_FILES };
  }
  if (option.choices) {
    return {
      type: 'static_select',
      action_id,
      placeholder: plainText(t('slack.choose_one'), 150),
      options: option.choices.map((choice) => ({
        text: plainText(option.choiceLabels?.[choice] ?? choice, 75),
        value: choice,
      })),
    };
  }
  // The command's own limits, so Slack refuses an over-long answer while it is typed.
  const { minLength, maxLength } = fieldLimits(command, option);
  return {
    type: 'plain_text_input',
    action_id,
    multiline: Boolean(option.multiline),
    ...(maxLength !== undefined ? { max_length: Math.min(maxLength, MAX_TEXT_INPUT) } : {}),
    ...(minLength ? { min_length: Math.min(minLength, MAX_TEXT_INPUT) } : {}),
  };
}

/** The state of one input, as Slack sends it in `view.state.values[block][action]`. */
interface InputState {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_user?: string | null;
  selected_options?: { value?: string }[];
  files?: {
    id?: string;
    name?: string;
    title?: string;
    mimetype?: string;
    size?: number;
    url_private_download?: string;
    url_private?: string;
  }[];
}

/**
 * The submitted modal as the command's named options. A picked member comes back as `{ id, name }` with the
 * user id standing in for the name; the adapter looks the real name up after acknowledging.
 */
export function readCommandModal(
  command: AnyCommand,
  values: Record<string, Record<string, InputState>>,
  teamId: string,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const option of command.options) {
    const state = values[option.name]?.[option.name];
    if (!state) continue;
    const value = readInput(state, teamId);
    if (value !== undefined) options[option.name] = value;
  }
  return options;
}

function readInput(state: InputState, teamId: string): unknown {
  switch (state.type) {
    case 'users_select':
      return state.selected_user
        ? { id: slackMemberId(teamId, state.selected_user), name: state.selected_user }
        : undefined;
    // Lists are checked to be lists: a payload of the wrong shape is refused by validation, not a TypeError.
    case 'checkboxes':
      return listOf(state.selected_options).some((o) => o.value === 'yes');
    case 'file_input':
      return listOf(state.files).map((file) => ({
        id: file.id ?? '',
        name: file.name ?? file.title ?? 'screenshot',
        ...(file.mimetype ? { mimetype: file.mimetype } : {}),
        ...(typeof file.size === 'number' ? { size: file.size } : {}),
        // Where to download it from; the adapter fetches it after acknowledging, then drops the address.
        ...(file.url_private_download || file.url_private
          ? { url: file.url_private_download ?? file.url_private }
          : {}),
      }));
    case 'static_select':
      return state.selected_option?.value ?? undefined;
    default:
      return state.value ?? undefined;
  }
}

/** The objects of a list from a payload; anything that is not a list counts as empty. */
function listOf<T extends object>(value: T[] | undefined): T[] {
  return Array.isArray(value)
    ? value.filter((item): item is T => typeof item === 'object' && item !== null)
    : [];
}
