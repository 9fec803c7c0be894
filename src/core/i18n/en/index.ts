import { adapters } from './adapters.ts';
import { common } from './common.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, adapters };

export const en = { ...common, ...vocabulary, ...adapters };
