import { commands } from './commands.ts';
import { common } from './common.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, commands };

export const en = { ...common, ...vocabulary, ...commands };
