import type { MessageKey } from '../catalogue-types.ts';
import { commands } from './commands.ts';
import { common } from './common.ts';
import { vocabulary } from './vocabulary.ts';

/** Le catalogue français : les mêmes clés que l’anglais, écrites pour des lecteurs francophones. */
export const fr: Record<MessageKey, string> = { ...common, ...vocabulary, ...commands };
