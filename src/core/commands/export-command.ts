import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { errorReply } from '../reply.ts';
import { fail, ok } from '../result.ts';
import { splitWords } from '../text-words.ts';

const FORMATS = ['pdf', 'json', 'csv'] as const;
const REFERENCE = /^sw-?\d{1,15}$/i;

const exportArgs = z.object({
  about: z
    .string({ error: 'Say what the pack is about: SW-12, or an account like x:sometroll.' })
    .trim()
    .min(1),
  format: z.enum(FORMATS, { error: 'The format is pdf, json or csv.' }).default('pdf'),
  reveal: z.boolean().default(false),
});

/**
 * `/export SW-12` or `/export x:sometroll [pdf|json|csv] [reveal]`: the evidence pack, delivered to the lead
 * privately as a file. Reporters stay anonymised unless the lead says `reveal`; the target is never named.
 */
export const exportCommand: CommandDefinition<z.infer<typeof exportArgs>> = {
  name: 'export',
  summary: 'cmd.export.summary',
  usage: 'cmd.export.usage',
  examples: ['cmd.export.example.incident', 'cmd.export.example.pdf', 'cmd.export.example.reveal'],
  access: 'lead',
  options: [
    {
      name: 'about',
      description: 'cmd.export.about.description',
      required: true,
    },
    { name: 'format', description: 'cmd.export.format.description', required: false, choices: FORMATS },
    {
      name: 'reveal',
      description: 'cmd.export.reveal.description',
      required: false,
      kind: 'yes-no',
    },
  ],
  parseText(text) {
    const [about, ...rest] = splitWords(text);
    if (!about)
      return fail('export.usage', 'Say what the pack is about: /export SW-12, or /export x:sometroll.');
    const words = rest.map((word) => word.toLowerCase());
    const unknown = words.find((word) => !(FORMATS as readonly string[]).includes(word) && word !== 'reveal');
    if (unknown)
      return fail(
        'export.word',
        `I don't know "${unknown.slice(0, 20)}" here. Say pdf, json or csv, and reveal to name reporters.`,
      );
    return ok({ about, format: words.find((word) => word !== 'reveal'), reveal: words.includes('reveal') });
  },
  args: exportArgs,
  async run({ about, format, reveal }, { evidence }) {
    if (!evidence) {
      return errorReply({
        code: 'export.unavailable',
        message: 'Evidence packs are not available here; use npx shieldwall export.',
      });
    }
    const isIncident = REFERENCE.test(about);
    const pack = await evidence.export({
      ...(isIncident ? { incident: about } : { offender: about }),
      format,
      revealReporters: reveal,
    });
    if (!pack.ok) return errorReply(pack.error);
    const { value } = pack;
    return {
      tone: 'success',
      title: `The evidence pack about ${value.about} (${value.incidents} incident${value.incidents === 1 ? '' : 's'}, ${value.format.toUpperCase()}) is on its way to you privately.`,
      sections: [
        {
          lines: [
            `SHA-256 ${value.sha256}: whoever receives it can check it is this exact file.`,
            reveal
              ? 'Reporters are named, except those who asked to stay anonymous.'
              : 'Reporters are anonymised.',
            'The person attacked is never named. It quotes abusive language; keep it with other evidence.',
          ],
        },
      ],
      file: { filename: value.filename, data: value.data, description: `Evidence pack about ${value.about}` },
    };
  },
};
