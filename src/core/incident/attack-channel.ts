import { ACCOUNT_PLATFORMS, platformFromWord } from '../platform-names.ts';
import type { Platform } from '../post-url/types.ts';
import { plainWord } from '../text-words.ts';

/** Where an attack with no public link happened. */
export const ATTACK_CHANNELS = ['dm', 'email', 'phone', 'complaint', 'letter', 'in_person', 'other'] as const;
export type AttackChannel = (typeof ATTACK_CHANNELS)[number];

/** A link-less attack's place: the channel, and for a direct message the platform it came on. */
export interface AttackPlace {
  channel: AttackChannel;
  /** The platform of a direct message; null when not said (the attacker's account may say it). */
  platform: Platform | null;
}

const CHANNEL_WORDS: Record<string, AttackChannel> = {
  dm: 'dm',
  dms: 'dm',
  message: 'dm',
  messages: 'dm',
  direct: 'dm',
  'direct-message': 'dm',
  inbox: 'dm',
  email: 'email',
  'e-mail': 'email',
  phone: 'phone',
  call: 'phone',
  'phone-call': 'phone',
  voicemail: 'phone',
  sms: 'phone',
  text: 'phone',
  complaint: 'complaint',
  letter: 'letter',
  in_person: 'in_person',
  'in-person': 'in_person',
  inperson: 'in_person',
  person: 'in_person',
  other: 'other',
  // French, typed without accents or with them (`téléphone`): what a French-speaking member would write.
  mp: 'dm',
  'message-prive': 'dm',
  messageprive: 'dm',
  courriel: 'email',
  telephone: 'phone',
  appel: 'phone',
  texto: 'phone',
  messagerie: 'phone',
  plainte: 'complaint',
  lettre: 'letter',
  'en-personne': 'in_person',
  en_personne: 'in_person',
  enpersonne: 'in_person',
  autre: 'other',
};

/** The word that starts a link-less flag: `phone`, `complaint`, `dm`, `dm:instagram`. Undefined if not one. */
export function attackPlaceFromWord(word: string): AttackPlace | undefined {
  const [head = '', platformWord, ...rest] = plainWord(word.trim()).split(':');
  const channel = CHANNEL_WORDS[head];
  if (channel === undefined || rest.length > 0) return undefined;
  if (platformWord === undefined) return { channel, platform: null };
  if (channel !== 'dm') return undefined;
  const platform = platformFromWord(platformWord);
  return platform === undefined || !MESSAGING_PLATFORMS.includes(platform)
    ? undefined
    : { channel, platform };
}

/** Platforms a direct message can come on. */
export const MESSAGING_PLATFORMS: readonly Platform[] = ACCOUNT_PLATFORMS;

/** The values a form offers for "where it happened": a direct message on each platform, then the others. */
export const ATTACK_PLACE_CHOICES: readonly string[] = [
  ...MESSAGING_PLATFORMS.map((platform) => `dm:${platform}`),
  ...ATTACK_CHANNELS.filter((channel) => channel !== 'dm'),
];

/** `dm:instagram` or `phone`, as a form's choice and the text syntax write it. */
export function attackPlaceWord(place: AttackPlace): string {
  return place.platform === null ? place.channel : `${place.channel}:${place.platform}`;
}
