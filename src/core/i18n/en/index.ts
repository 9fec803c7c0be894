import { common } from './common.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = { common };

export const en = { ...common };
