import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's logs go through ours, warnings and errors only: Bolt's debug output quotes request bodies, which hold
 * what people typed. Error objects are reduced to their type and code for the same reason.
 */
export function boltLogger(log: Logger): SlackLogger {
  const describe = (parts: unknown[]) =>
    parts
      .map((part) =>
        part instanceof Error
          ? `${part.name}${(part as { code?: unknown }).code ? ` ${String((part as { code?: unknown }).code)}` : ''}`
          : typeof part === 'string'
            ? withoutQuotedInput(part).slice(0, 200)
            : typeof part,
      )
      .join(' ');
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts) => log.warn({ source: 'slack' }, describe(parts)),
    error: (...parts) => log.error({ source: 'slack' }, describe(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Library messages quote the input they failed on: V8's JSON.parse says `Unexpected token 'y', "you will d"...
 * is not valid JSON` about a body that did not parse. Everything from the first quote on is dropped.
 */
function withoutQuotedInput(message: string): string {
  const quote = message.search(/["'`]/);
  return quote === -1 ? message : `${message.slice(0, quote).trimEnd()} (input not logged)`;
}
