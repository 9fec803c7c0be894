import { z } from 'zod';
import type { CommandDefinition } from '../command.ts';
import { LANGUAGE_NAME, LANGUAGES, type Language, languageFromWord } from '../i18n/language.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { infoReply } from '../reply.ts';
import { fail, ok, type Result } from '../result.ts';
import { firstWord } from '../text-words.ts';

const languageArgs = z.object({ language: z.enum(LANGUAGES).optional() });
type LanguageArgs = z.infer<typeof languageArgs>;

/** `/language fr` or `/language en`: the language Shieldwall speaks to this member from now on, on every platform. */
export const languageCommand: CommandDefinition<LanguageArgs> = {
  name: 'language',
  summary: 'cmd.language.summary',
  usage: 'cmd.language.usage',
  examples: ['cmd.language.example.fr', 'cmd.language.example.en'],
  access: 'member',
  options: [
    {
      name: 'language',
      description: 'cmd.language.language.description',
      required: false,
      choices: LANGUAGES,
      // Each language in itself, whatever the reader's: the name a member looks for.
      choiceLabels: () => LANGUAGE_NAME,
    },
  ],
  parseText: (text, t) => chosen(firstWord(text).word, t),
  parseOptions: (options, t) =>
    chosen(typeof options.language === 'string' ? options.language : undefined, t),
  args: languageArgs,
  async run({ language }, { actor, ledger, t }) {
    if (!language) {
      return infoReply(t('language.current', { language: t(`language.name.${t.language}`) }), [
        { lines: [t('language.how_to_change')] },
      ]);
    }
    await ledger.setMemberLanguage(actor.id, language);
    // Said in the language just chosen: the first words the member reads in it confirm the choice.
    const now = translator(language);
    return {
      tone: 'success',
      title: now('language.set', { language: now(`language.name.${language}`) }),
      sections: [],
    };
  },
  notDone: { said: 'language.not_changed', tryAgain: 'language.not_changed_try_again' },
};

/** An empty answer asks which language is in use; anything but a language we speak is refused, in the current one. */
function chosen(typed: string | undefined, t?: Translator): Result<{ language?: Language }> {
  if (!typed) return ok({});
  const language = languageFromWord(typed);
  if (language) return ok({ language });
  const said = typed.length > 20 ? `${typed.slice(0, 20)}…` : typed;
  return fail('language.unknown', (t ?? translator('en'))('language.unknown', { typed: said }));
}
