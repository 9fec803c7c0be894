import { common } from './common.ts';
import { members } from './members.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, members };

export const en = { ...common, ...vocabulary, ...members };
