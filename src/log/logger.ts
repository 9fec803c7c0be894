import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs carry ids, codes and counts only. Message bodies, notes and secrets are never passed to the
 * logger; the redaction list is a second line of defence for fields that might slip through.
 */
export const REDACTED_PATHS = [
  'text',
  'note',
  'wording',
  'password',
  'token',
  'secret',
  'databaseUrl',
  'url',
  '*.text',
  '*.note',
  '*.wording',
  '*.password',
  '*.token',
  '*.secret',
  '*.databaseUrl',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { app: 'shieldwall' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}
