import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { keywordOf } from '../i18n/keywords.ts';
import { isLanguage, LANGUAGES } from '../i18n/language.ts';
import { errorReply } from '../reply.ts';
import { fail, ok } from '../result.ts';
import { splitWords } from '../text-words.ts';
import { yesOrNo } from './flag-args.ts';

const FORMATS = ['pdf', 'json', 'csv'] as const;
const REFERENCE = /^sw-?\d{1,15}$/i;

const exportArgs = z.object({
  about: z.string({ error: 'evidence.chat.need_about' }).trim().min(1),
  format: z.enum(FORMATS, { error: 'evidence.chat.bad_format' }).default('pdf'),
  reveal: z.preprocess(yesOrNo, z.boolean({ error: 'answer.yes_or_no' }).default(false)),
  /** The pack's language; the lead's own when not given. Checked by the exporter, which says why in theirs. */
  lang: z.string().trim().max(20).optional(),
});

// `--lang fr`, `lang:fr` or `--lang=fr`: the pack's language, as the CLI takes it.
const LANG_WORD = /^(?:--)?lang[:=](.*)$/i;

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
    {
      name: 'lang',
      description: 'cmd.export.lang.description',
      required: false,
      choices: LANGUAGES,
      choiceLabels: (t) => ({ en: t('language.name.en'), fr: t('language.name.fr') }),
    },
  ],
  parseText(text, t) {
    const [about, ...rest] = splitWords(text);
    if (!about) return fail('export.usage', t('evidence.chat.usage'));
    const words: string[] = [];
    let lang: string | undefined;
    for (let i = 0; i < rest.length; i += 1) {
      const word = (rest[i] ?? '').toLowerCase();
      const joined = LANG_WORD.exec(word);
      if (word === '--lang' || word === 'lang') {
        lang = rest[i + 1] ?? '';
        i += 1;
      } else if (joined) lang = joined[1] ?? '';
      else words.push(keywordOf('export', word));
    }
    // An unknown language is refused here, in the lead's language, before anything is read or built.
    if (lang !== undefined && !isLanguage(lang.trim().toLowerCase()))
      return fail('export.lang', t('evidence.lang', { typed: lang.slice(0, 20) }));
    const unknown = words.find((word) => !(FORMATS as readonly string[]).includes(word) && word !== 'reveal');
    if (unknown) return fail('export.word', t('evidence.chat.unknown_word', { word: unknown.slice(0, 20) }));
    return ok({
      about,
      format: words.find((word) => word !== 'reveal'),
      reveal: words.includes('reveal'),
      ...(lang !== undefined ? { lang: lang.trim().toLowerCase() } : {}),
    });
  },
  args: exportArgs,
  async run({ about, format, reveal, lang }, { evidence, t }) {
    if (!evidence) {
      return errorReply({ code: 'export.unavailable', message: t('evidence.chat.unavailable') });
    }
    const isIncident = REFERENCE.test(about);
    // The pack in the language asked for, else the lead's; what this reply says, in the lead's.
    const pack = await evidence.export({
      ...(isIncident ? { incident: about } : { offender: about }),
      format,
      revealReporters: reveal,
      ...(lang !== undefined ? { lang } : {}),
      askerLanguage: t.language,
    });
    if (!pack.ok) return errorReply(pack.error);
    const { value } = pack;
    return {
      tone: 'success',
      title: t('evidence.chat.sent', {
        about: value.about,
        count: value.incidents,
        format: value.format.toUpperCase(),
      }),
      sections: [
        {
          lines: [
            t('evidence.chat.sha256', { sha256: value.sha256 }),
            reveal ? t('evidence.chat.named') : t('evidence.chat.anonymised'),
            t('evidence.chat.target'),
          ],
        },
      ],
      file: {
        filename: value.filename,
        data: value.data,
        description: t('evidence.chat.file', { about: value.about }),
      },
    };
  },
};
