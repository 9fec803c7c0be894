import { z } from 'zod';
import type { Language } from '../../../src/core/i18n/language.ts';

/** What someone asked of /setup, read from the text after it. */
export type SetupRequest =
  | { kind: 'show' }
  | { kind: 'name'; name: string }
  | { kind: 'leads'; leads: string[] }
  | { kind: 'leads-channel'; clear: boolean }
  | { kind: 'channel' }
  | { kind: 'language'; language: Language }
  | { kind: 'timezone'; timezone: string }
  | { kind: 'share'; on: boolean };

/** Which part of the text was wrong: each has its own kind explanation. */
export type SetupProblem = 'unknown' | 'name' | 'leads' | 'leads-channel' | 'language' | 'timezone' | 'share';

export type ParsedSetup = { ok: true; request: SetupRequest } | { ok: false; problem: SetupProblem };

// With should_escape, Slack sends each mention as <@U…> or <@U…|name>; W… ids are Enterprise Grid users.
const MENTION = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$/;

// Slack's escaping turns typed &, < and > into entities; a raw < only opens a mention, a channel or a link.
const name = z
  .string()
  .transform((typed) => typed.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(80)
      .refine((plain) => !/[\n\r]/.test(plain) && !/<[@#!]/.test(plain)),
  );
const leads = z
  .array(
    z
      .string()
      .regex(MENTION)
      .transform((mention) => MENTION.exec(mention)?.[1] ?? ''),
  )
  .min(1)
  .max(20)
  .transform((ids) => [...new Set(ids)]);
const language = z.enum(['en', 'fr']);
const timezone = z.string().refine(isTimeZone);
const share = z.enum(['on', 'off']).transform((word) => word === 'on');
const leadsChannel = z.union([z.literal(''), z.literal('none')]);

/** Reads the text after /setup; a value that isn't valid is a problem named, never a partial change. */
export function parseSetup(text: string): ParsedSetup {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [keyword = '', ...rest] = words;
  const after = text.trim().slice(keyword.length).trim();
  const read = <T>(
    problem: SetupProblem,
    schema: z.ZodType<T>,
    value: unknown,
    to: (v: T) => SetupRequest,
  ) => {
    const parsed = schema.safeParse(value);
    return parsed.success
      ? ({ ok: true, request: to(parsed.data) } as const)
      : ({ ok: false, problem } as const);
  };
  switch (keyword.toLowerCase()) {
    case '':
      return { ok: true, request: { kind: 'show' } };
    case 'name':
      return read('name', name, after, (value) => ({ kind: 'name', name: value }));
    case 'leads':
      return read('leads', leads, rest, (value) => ({ kind: 'leads', leads: value }));
    case 'leads-channel':
      return read('leads-channel', leadsChannel, after.toLowerCase(), (value) => ({
        kind: 'leads-channel',
        clear: value === 'none',
      }));
    case 'channel':
      return rest.length === 0
        ? { ok: true, request: { kind: 'channel' } }
        : { ok: false, problem: 'unknown' };
    case 'language':
      return read('language', language, after.toLowerCase(), (value) => ({
        kind: 'language',
        language: value,
      }));
    case 'timezone':
      return read('timezone', timezone, after, (value) => ({ kind: 'timezone', timezone: value }));
    case 'share':
      return read('share', share, after.toLowerCase(), (on) => ({ kind: 'share', on }));
    default:
      return { ok: false, problem: 'unknown' };
  }
}

/** An IANA zone Node knows (`America/Toronto`, `Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
