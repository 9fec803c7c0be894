import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { keywordOf } from '../i18n/keywords.ts';
import { platformName } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ResponderSettings } from '../ledger-port.ts';
import { platformFromWord, RALLY_PLATFORMS } from '../platform-names.ts';
import type { Platform } from '../post-url/types.ts';
import { infoReply, type Reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { splitWords } from '../text-words.ts';

const MODES = ['status', 'on', 'off', 'pause', 'back', 'quiet', 'cap'] as const;
export const DEFAULT_DAILY_CAP = 5;

const responderArgs = z.object({
  mode: z.enum(MODES, { error: 'responder.say_mode' }).default('status'),
  platforms: z.array(z.enum(RALLY_PLATFORMS)).max(RALLY_PLATFORMS.length).default([]),
  quiet: z.object({ start: z.number(), end: z.number() }).nullable().optional(),
  timezone: z.string().optional(),
  cap: z.number().int().min(1).max(50).optional(),
});
type ResponderArgs = z.infer<typeof responderArgs>;

const platformNames = RALLY_PLATFORMS.join(', ');
const USAGE =
  '/responder on|off [platforms…] · /responder pause|back · /responder quiet 22:00-07:00 [zone] · /responder cap 5';

export const responderCommand: CommandDefinition<ResponderArgs> = {
  name: 'responder',
  summary: 'cmd.responder.summary',
  usage: 'cmd.responder.usage',
  examples: [
    'cmd.responder.example.on',
    'cmd.responder.example.quiet',
    'cmd.responder.example.cap',
    'cmd.responder.example.pause',
    'cmd.responder.example.status',
  ],
  access: 'member',
  options: [
    {
      name: 'mode',
      description: 'cmd.responder.mode.description',
      required: false,
      choices: MODES,
    },
    {
      name: 'platforms',
      description: 'cmd.responder.platforms.description',
      required: false,
    },
    {
      name: 'hours',
      description: 'cmd.responder.hours.description',
      required: false,
    },
    { name: 'cap', description: 'cmd.responder.cap.description', required: false },
  ],
  parseText: parseResponderText,
  // Discord gives each part as its own option: read them the way the typed line is read.
  parseOptions(options, t) {
    const words = [options.mode, options.platforms, options.hours, options.cap].filter(
      (w) => typeof w === 'string',
    );
    return parseResponderText(words.join(' '), t);
  },
  args: responderArgs,
  async run(args, { actor, ledger, settings, t }) {
    const current: ResponderSettings = (await ledger.getResponder(actor.id)) ?? {
      memberId: actor.id,
      active: false,
      platforms: [],
      timezone: null,
      quietHours: null,
      dailyCap: DEFAULT_DAILY_CAP,
      paused: false,
    };
    const zone = current.timezone ?? settings.timezone;
    switch (args.mode) {
      case 'status':
        return infoReply(statusLine(t, current, zone));
      case 'off': {
        await ledger.setResponder({ ...current, active: false });
        return success(t('responder.off'));
      }
      case 'pause': {
        await ledger.setResponder({ ...current, paused: true });
        return success(t('responder.paused'));
      }
      case 'back': {
        const saved = await ledger.setResponder({ ...current, paused: false });
        return success(t('responder.welcome_back', { status: statusLine(t, saved, zone) }));
      }
      case 'quiet': {
        const saved = await ledger.setResponder({
          ...current,
          quietHours: args.quiet ?? null,
          timezone: args.timezone ?? current.timezone,
        });
        return success(statusLine(t, saved, saved.timezone ?? settings.timezone));
      }
      case 'cap': {
        const saved = await ledger.setResponder({ ...current, dailyCap: args.cap ?? DEFAULT_DAILY_CAP });
        return success(statusLine(t, saved, zone));
      }
      case 'on': {
        const saved = await ledger.setResponder({
          ...current,
          active: true,
          paused: false,
          platforms: args.platforms,
        });
        return {
          tone: 'success',
          title: t('responder.on_title', { platforms: describePlatforms(t, saved.platforms) }),
          sections: [{ lines: [t('responder.on_what'), t('responder.on_limits', { cap: saved.dailyCap })] }],
        };
      }
    }
  },
};

function success(title: string): Reply {
  return { tone: 'success', title, sections: [] };
}

function statusLine(t: Translator, settings: ResponderSettings, zone: string): string {
  if (!settings.active) return t('responder.not_active');
  const platforms = describePlatforms(t, settings.platforms);
  const cap = settings.dailyCap;
  const status = settings.quietHours
    ? t('responder.status_quiet', {
        platforms,
        cap,
        start: clock(t, settings.quietHours.start),
        end: clock(t, settings.quietHours.end),
        zone,
      })
    : t('responder.status', { platforms, cap });
  return settings.paused ? `${status} ${t('responder.paused_now')}` : status;
}

function describePlatforms(t: Translator, platforms: readonly Platform[]): string {
  return platforms.length === 0
    ? t('responder.every_platform')
    : platforms.map((platform) => platformName(t, platform)).join(', ');
}

/** A time of day as the reader writes it: 22:00 in English, 22 h (or 7 h 30) in French. */
function clock(t: Translator, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (t.language === 'fr')
    return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
  return `${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

function parseResponderText(text: string, t: Translator): Result<Record<string, unknown>> {
  const [mode, ...words] = splitWords(text);
  const lowered = mode === undefined ? undefined : keywordOf('responder', mode);
  if (lowered !== undefined && !(MODES as readonly string[]).includes(lowered)) {
    return fail('responder.mode', t('responder.say_usage', { usage: USAGE }));
  }
  if (lowered === 'quiet') return parseQuiet(words, t);
  if (lowered === 'cap') {
    const cap = Number(words[0]);
    return Number.isInteger(cap) && cap >= 1 && cap <= 50 && words.length === 1
      ? ok({ mode: 'cap', cap })
      : fail('responder.cap', t('responder.cap_invalid'));
  }
  const platforms: Platform[] = [];
  for (const word of words.flatMap((w) => w.split(',')).filter(Boolean)) {
    const platform = platformFromWord(word);
    if (!platform || !(RALLY_PLATFORMS as readonly string[]).includes(platform)) {
      return fail('responder.platform', t('responder.platform_unknown', { platforms: platformNames }));
    }
    if (!platforms.includes(platform)) platforms.push(platform);
  }
  return ok({ mode: lowered, platforms });
}

const HOURS = /^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-3]):([0-5]\d)$/;

function parseQuiet(words: string[], t: Translator): Result<Record<string, unknown>> {
  const [hours, zone, ...extra] = words;
  if (hours?.toLowerCase() === 'off' && !zone) return ok({ mode: 'quiet', quiet: null });
  const match = HOURS.exec(hours ?? '');
  if (!match || extra.length > 0) {
    return fail('responder.quiet', t('responder.quiet_invalid'));
  }
  if (zone && !IANAZone.isValidZone(zone)) {
    return fail('responder.zone', t('responder.zone_invalid'));
  }
  const minutes = (h?: string, m?: string) => Number(h) * 60 + Number(m);
  const quiet = { start: minutes(match[1], match[2]), end: minutes(match[3], match[4]) };
  if (quiet.start === quiet.end) return fail('responder.quiet', t('responder.quiet_same'));
  return ok({ mode: 'quiet', quiet, ...(zone ? { timezone: zone } : {}) });
}
