import type { Json } from './discord-world.ts';
import type { RestAnswer, RestRequest } from './fake-discord-rest-state.ts';

// Discord's documented limits; a message or modal over them is refused with 400 (code 50035), as Discord does.
const EMBEDS_PER_MESSAGE = 10;
const CHARACTERS_PER_MESSAGE = 6000;
const TITLE = 256;
const DESCRIPTION = 4096;
const FIELD_VALUE = 1024;
const TEXT_INPUT = 4000;

type Embed = {
  title?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
};

/** The refusal Discord would answer for a message (or interaction response) over its limits, if any. */
export function overDiscordLimits(request: RestRequest): RestAnswer | undefined {
  if (request.method !== 'POST' && request.method !== 'PATCH') return undefined;
  const data = (request.path.endsWith('/callback') ? request.payload.data : request.payload) as
    | Json
    | undefined;
  if (!data) return undefined;
  const problem = embedProblem(data.embeds) ?? textInputProblem(data.components);
  return problem
    ? { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: [problem] } } }
    : undefined;
}

function embedProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const embeds = value as Embed[];
  if (embeds.length > EMBEDS_PER_MESSAGE) return `more than ${EMBEDS_PER_MESSAGE} embeds`;
  let total = 0;
  for (const embed of embeds) {
    if ((embed.title?.length ?? 0) > TITLE) return `an embed title over ${TITLE}`;
    if ((embed.description?.length ?? 0) > DESCRIPTION) return `an embed description over ${DESCRIPTION}`;
    if (embed.fields?.some((field) => (field.value?.length ?? 0) > FIELD_VALUE))
      return `an embed field value over ${FIELD_VALUE}`;
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text?.length ?? 0) +
      (embed.author?.name?.length ?? 0) +
      (embed.fields ?? []).reduce((sum, f) => sum + (f.name?.length ?? 0) + (f.value?.length ?? 0), 0);
  }
  return total > CHARACTERS_PER_MESSAGE
    ? `embeds over ${CHARACTERS_PER_MESSAGE} characters in all`
    : undefined;
}

/** A modal's text inputs: lengths and pre-filled values within Discord's ceiling. */
function textInputProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const row of value as { components?: { type?: number; max_length?: number; value?: string }[] }[]) {
    for (const input of row.components ?? []) {
      if (input.type !== 4) continue;
      if ((input.max_length ?? 0) > TEXT_INPUT) return `a text input max_length over ${TEXT_INPUT}`;
      if ((input.value?.length ?? 0) > TEXT_INPUT) return `a text input value over ${TEXT_INPUT}`;
    }
  }
  return undefined;
}
