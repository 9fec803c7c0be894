import { card } from './card.ts';
import { common } from './common.ts';
import { rally } from './rally.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, rally, card };

export const en = { ...common, ...vocabulary, ...rally, ...card };
