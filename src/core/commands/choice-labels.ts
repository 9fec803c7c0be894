import { CATEGORIES } from '../categories.ts';
import { placeName } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import { categoryLabel, wantsLabel } from '../i18n/vocabulary.ts';
import { ATTACK_PLACE_CHOICES, attackPlaceFromWord } from '../incident/attack-channel.ts';
import { TARGET_WANTS } from '../incident/target-wants.ts';

/** The categories a form offers, by keyword, in the reader's language. */
export const categoryChoiceLabels = (t: Translator) =>
  Object.fromEntries(CATEGORIES.map((category) => [category, categoryLabel(t, category)]));

/** What the person attacked may want, by keyword, in the reader's language. */
export const wantsChoiceLabels = (t: Translator) =>
  Object.fromEntries(TARGET_WANTS.map((wants) => [wants, wantsLabel(t, wants)]));

/** Where an attack with no link happened (`dm:instagram`, `phone`…), in the reader's language. */
export const placeChoiceLabels = (t: Translator) =>
  Object.fromEntries(ATTACK_PLACE_CHOICES.map((choice) => [choice, placeChoiceLabel(t, choice)]));

function placeChoiceLabel(t: Translator, choice: string): string {
  const place = attackPlaceFromWord(choice);
  return place ? placeName(t, place.channel, place.platform) : choice;
}
