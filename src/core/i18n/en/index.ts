import { capture } from './capture.ts';
import { common } from './common.ts';
import { flag } from './flag.ts';
import { guidance } from './guidance.ts';
import { members } from './members.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, flag, guidance, capture, members };

export const en = { ...common, ...vocabulary, ...flag, ...guidance, ...capture, ...members };
