import { common } from './common.ts';
import { digest } from './digest.ts';
import { evidence } from './evidence.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common, vocabulary, digest, evidence };

export const en = { ...common, ...vocabulary, ...digest, ...evidence };
