/**
 * A configuration a person got wrong: the CLI prints its message alone, without a stack. In its own file so the
 * environment's loader and the collectives file's loader can both throw it without importing each other.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
