import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { platformFromWord, RALLY_PLATFORMS } from '../platform-names.ts';
import { platformLabel } from '../post-url/index.ts';
import type { Platform } from '../post-url/types.ts';
import { infoReply } from '../reply.ts';
import { fail, ok } from '../result.ts';
import { splitWords } from '../text-words.ts';

const responderArgs = z.object({
  mode: z.enum(['on', 'off', 'status'], { error: 'Say /responder on or /responder off.' }).default('status'),
  platforms: z.array(z.enum(RALLY_PLATFORMS)).max(RALLY_PLATFORMS.length).default([]),
});

const platformNames = RALLY_PLATFORMS.join(', ');

export const responderCommand: CommandDefinition<z.infer<typeof responderArgs>> = {
  name: 'responder',
  summary: 'Opt in or out of rally alerts, and say which platforms you are active on.',
  usage: '/responder on|off [platforms…]',
  examples: ['/responder on x instagram', '/responder off', '/responder'],
  access: 'member',
  options: [
    { name: 'mode', description: 'on, off, or status', required: false, choices: ['on', 'off', 'status'] },
    { name: 'platforms', description: `Platforms you are active on: ${platformNames}`, required: false },
  ],
  parseText(text) {
    const [mode, ...words] = splitWords(text.toLowerCase());
    if (mode !== undefined && !['on', 'off', 'status'].includes(mode)) {
      return fail('responder.mode', 'Say /responder on (optionally with your platforms) or /responder off.');
    }
    const platforms: Platform[] = [];
    for (const word of words.flatMap((w) => w.split(',')).filter(Boolean)) {
      const platform = platformFromWord(word);
      if (!platform || !(RALLY_PLATFORMS as readonly string[]).includes(platform)) {
        return fail('responder.platform', `I don't know that platform. You can name: ${platformNames}.`);
      }
      if (!platforms.includes(platform)) platforms.push(platform);
    }
    return ok({ mode, platforms });
  },
  // Discord gives the platforms as one text option ("x instagram"): read it the way the text is read.
  parseOptions(options) {
    const words = [options.mode, options.platforms].filter((word) => typeof word === 'string');
    return responderCommand.parseText(words.join(' '));
  },
  args: responderArgs,
  async run({ mode, platforms }, { actor, ledger }) {
    if (mode === 'status') {
      const current = await ledger.getResponder(actor.id);
      return infoReply(
        current?.active
          ? `You are a responder on ${describe(current.platforms)}. /responder off to stop alerts.`
          : 'You are not a responder. /responder on x instagram (your platforms) to be rallied when a colleague is attacked.',
      );
    }
    if (mode === 'off') {
      const current = await ledger.getResponder(actor.id);
      await ledger.setResponder({ memberId: actor.id, active: false, platforms: current?.platforms ?? [] });
      return {
        tone: 'success',
        title: "You're off the rally list. Thank you for what you did; /responder on to come back.",
        sections: [],
      };
    }
    const saved = await ledger.setResponder({ memberId: actor.id, active: true, platforms });
    return {
      tone: 'success',
      title: `You're a responder on ${describe(saved.platforms)}.`,
      sections: [
        {
          lines: [
            'When a colleague is attacked there, I will ask you to reply to *their* post with support and to report ' +
              'the abusive one. Never reply to or tag the attacker. /responder off stops alerts at any time.',
          ],
        },
      ],
    };
  },
};

function describe(platforms: readonly Platform[]): string {
  return platforms.length === 0 ? 'every platform' : platforms.map(platformLabel).join(', ');
}
