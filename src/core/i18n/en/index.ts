import { common } from './common.ts';
import { flag } from './flag.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, flag };

export const en = { ...common, ...vocabulary, ...flag };
