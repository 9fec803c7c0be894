/**
 * Options' names in French, as Discord shows them to members whose client speaks French (`name_localizations`).
 * Discord still sends the option's English name with the interaction, so nothing else needs to know them. Rules:
 * 1 to 32 lower-case letters, digits, `-` or `_`, unique within their command.
 */
export const FRENCH_OPTION_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  flag: {
    url: 'lien',
    by: 'agresseur',
    category: 'catégorie',
    note: 'propos',
    wants: 'souhait',
    channel: 'lieu',
    target: 'personne_attaquée',
    target_post: 'sa_publication',
    when: 'quand',
    anonymous: 'anonyme',
    screenshots: 'captures',
  },
  offender: { query: 'compte' },
  responder: { mode: 'mode', platforms: 'plateformes', hours: 'heures', cap: 'plafond' },
  digest: { week: 'semaine' },
  review: { account: 'compte', action: 'action', reason: 'raison', other: 'autre_compte' },
  correct: {
    incident: 'incident',
    by: 'agresseur',
    target: 'personne_attaquée',
    same_as: 'même_personne',
    reason: 'raison',
  },
  export: { about: 'sujet', format: 'format', reveal: 'révéler', lang: 'langue' },
  language: { language: 'langue' },
};
