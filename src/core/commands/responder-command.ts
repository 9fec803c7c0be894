import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import type { QuietHours, ResponderSettings } from '../ledger-port.ts';
import { platformFromWord, RALLY_PLATFORMS } from '../platform-names.ts';
import { platformLabel } from '../post-url/index.ts';
import type { Platform } from '../post-url/types.ts';
import { infoReply, type Reply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { splitWords } from '../text-words.ts';

const MODES = ['status', 'on', 'off', 'pause', 'back', 'quiet', 'cap'] as const;
export const DEFAULT_DAILY_CAP = 5;

const responderArgs = z.object({
  mode: z.enum(MODES, { error: 'Say /responder on, off, pause, back, quiet or cap.' }).default('status'),
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
  parseOptions(options) {
    const words = [options.mode, options.platforms, options.hours, options.cap].filter(
      (w) => typeof w === 'string',
    );
    return parseResponderText(words.join(' '));
  },
  args: responderArgs,
  async run(args, { actor, ledger, settings }) {
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
        return infoReply(statusLine(current, zone));
      case 'off': {
        await ledger.setResponder({ ...current, active: false });
        return success("You're off the rally list. Thank you for what you did; /responder on to come back.");
      }
      case 'pause': {
        await ledger.setResponder({ ...current, paused: true });
        return success(
          'Paused: no alerts at all until you say /responder back. Taking a break is part of doing this for the long run.',
        );
      }
      case 'back': {
        const saved = await ledger.setResponder({ ...current, paused: false });
        return success(`Welcome back. ${statusLine(saved, zone)}`);
      }
      case 'quiet': {
        const saved = await ledger.setResponder({
          ...current,
          quietHours: args.quiet ?? null,
          timezone: args.timezone ?? current.timezone,
        });
        return success(statusLine(saved, saved.timezone ?? settings.timezone));
      }
      case 'cap': {
        const saved = await ledger.setResponder({ ...current, dailyCap: args.cap ?? DEFAULT_DAILY_CAP });
        return success(statusLine(saved, zone));
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
          title: `You're a responder on ${describePlatforms(saved.platforms)}.`,
          sections: [
            {
              lines: [
                'When a colleague is attacked there and wants help, I will ask you to reply to *their* post with ' +
                  'support and to report the abusive one. Never reply to or tag the attacker.',
                `At most ${saved.dailyCap} alerts a day. /responder quiet 22:00-07:00 sets quiet hours, /responder ` +
                  'pause takes a break, /responder off stops alerts.',
              ],
            },
          ],
        };
      }
    }
  },
};

function success(title: string): Reply {
  return { tone: 'success', title, sections: [] };
}

function statusLine(settings: ResponderSettings, zone: string): string {
  if (!settings.active) {
    return 'You are not a responder. /responder on x instagram (your platforms) to be rallied when a colleague is attacked.';
  }
  const parts = [
    `You are a responder on ${describePlatforms(settings.platforms)}`,
    `at most ${settings.dailyCap} alerts a day`,
  ];
  if (settings.quietHours) parts.push(`quiet ${formatHours(settings.quietHours)} (${zone})`);
  return `${parts.join(', ')}.${settings.paused ? ' Paused for now: /responder back when you are ready.' : ''}`;
}

function describePlatforms(platforms: readonly Platform[]): string {
  return platforms.length === 0 ? 'every platform' : platforms.map(platformLabel).join(', ');
}

export function formatHours({ start, end }: QuietHours): string {
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${hhmm(start)}-${hhmm(end)}`;
}

function parseResponderText(text: string): Result<Record<string, unknown>> {
  const [mode, ...words] = splitWords(text);
  const lowered = mode?.toLowerCase();
  if (lowered !== undefined && !(MODES as readonly string[]).includes(lowered)) {
    return fail('responder.mode', `Say ${USAGE}.`);
  }
  if (lowered === 'quiet') return parseQuiet(words);
  if (lowered === 'cap') {
    const cap = Number(words[0]);
    return Number.isInteger(cap) && cap >= 1 && cap <= 50 && words.length === 1
      ? ok({ mode: 'cap', cap })
      : fail(
          'responder.cap',
          'Give the most alerts you want a day, a number from 1 to 50, like /responder cap 3.',
        );
  }
  const platforms: Platform[] = [];
  for (const word of words.flatMap((w) => w.split(',')).filter(Boolean)) {
    const platform = platformFromWord(word);
    if (!platform || !(RALLY_PLATFORMS as readonly string[]).includes(platform)) {
      return fail('responder.platform', `I don't know that platform. You can name: ${platformNames}.`);
    }
    if (!platforms.includes(platform)) platforms.push(platform);
  }
  return ok({ mode: lowered, platforms });
}

const HOURS = /^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-3]):([0-5]\d)$/;

function parseQuiet(words: string[]): Result<Record<string, unknown>> {
  const [hours, zone, ...extra] = words;
  if (hours?.toLowerCase() === 'off' && !zone) return ok({ mode: 'quiet', quiet: null });
  const match = HOURS.exec(hours ?? '');
  if (!match || extra.length > 0) {
    return fail(
      'responder.quiet',
      'Give quiet hours like /responder quiet 22:00-07:00, optionally with your time zone (Europe/London), or /responder quiet off.',
    );
  }
  if (zone && !IANAZone.isValidZone(zone)) {
    return fail(
      'responder.zone',
      'That time zone is not one I know; use a name like America/Chicago or Europe/London.',
    );
  }
  const minutes = (h?: string, m?: string) => Number(h) * 60 + Number(m);
  const quiet = { start: minutes(match[1], match[2]), end: minutes(match[3], match[4]) };
  if (quiet.start === quiet.end)
    return fail('responder.quiet', 'Quiet hours need a start and an end that differ.');
  return ok({ mode: 'quiet', quiet, ...(zone ? { timezone: zone } : {}) });
}
