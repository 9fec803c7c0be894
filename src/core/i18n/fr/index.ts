import type { MessageKey } from '../catalogue-types.ts';
import { common } from './common.ts';
import { digest } from './digest.ts';
import { evidence } from './evidence.ts';
import { vocabulary } from './vocabulary.ts';

/** Le catalogue français : les mêmes clés que l’anglais, écrites pour des lecteurs francophones. */
export const fr: Record<MessageKey, string> = { ...common, ...vocabulary, ...digest, ...evidence };
