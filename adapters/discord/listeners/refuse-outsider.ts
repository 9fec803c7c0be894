import type { Interaction } from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import { DEFAULT_LANGUAGE, languageOfLocale } from '../../../src/core/i18n/language.ts';
import { translator } from '../../../src/core/i18n/translator.ts';
import { answerPrivately } from '../private-reply.ts';

/**
 * An interaction from a server no collective here is served in (or a direct message from someone in none of
 * them): the core's own answer to outsiders, privately, and nothing else. No collective's bot hears of it, so
 * nothing is written; with no collective to take a language from, the person's Discord language is used.
 */
export async function refuseOutsider(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const t = translator(languageOfLocale(interaction.locale) ?? DEFAULT_LANGUAGE);
  await answerPrivately(interaction, notAMemberReply(t), t);
}
