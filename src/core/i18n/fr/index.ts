import type { MessageKey } from '../catalogue-types.ts';
import { adapters } from './adapters.ts';
import { capture } from './capture.ts';
import { card } from './card.ts';
import { commands } from './commands.ts';
import { common } from './common.ts';
import { digest } from './digest.ts';
import { evidence } from './evidence.ts';
import { flag } from './flag.ts';
import { guidance } from './guidance.ts';
import { members } from './members.ts';
import { parsing } from './parsing.ts';
import { rally } from './rally.ts';
import { vocabulary } from './vocabulary.ts';

/** Le catalogue français : les mêmes clés que l’anglais, écrites pour des lecteurs francophones. */
export const fr: Record<MessageKey, string> = {
  ...common,
  ...vocabulary,
  ...flag,
  ...guidance,
  ...capture,
  ...members,
  ...commands,
  ...adapters,
  ...rally,
  ...card,
  ...digest,
  ...evidence,
  ...parsing,
};
