import type { en } from './en/index.ts';

/** Every message's key, as the English catalogue (the reference) names them. */
export type MessageKey = keyof typeof en;

/**
 * A French section must carry exactly the keys of its English namesake: a missing key fails the type check, and
 * the catalogue test catches an extra one and any placeholder that differs.
 */
export type CatalogueSection<Name extends keyof SectionsOf> = Record<keyof SectionsOf[Name], string>;

type SectionsOf = typeof import('./en/index.ts').sections;
