import type { CatalogueSection } from '../catalogue-types.ts';

/** Les réponses du lanceur de commandes et de la commande de langue. */
export const common = {
  'run.unknown_command': 'Je ne connais pas cette commande. Tapez {help} pour voir ce que je sais faire.',
  'run.lead_only':
    'Seuls les responsables de l’association peuvent utiliser /{command}. Si vous en avez besoin, demandez-le à l’un d’eux.',
  'run.invalid_input': '{problem} Syntaxe : {usage}',
  'run.invalid_input_fallback': 'Quelque chose ne va pas dans cette commande.',
  'run.field_invalid': 'Ce champ n’est pas correct.',
  'run.failed':
    'Désolé, je n’ai pas pu terminer (erreur {errorId}) ; le registre est peut-être injoignable. Réessayez dans une minute.',
  'run.failed_not_done': '{said} (erreur {errorId}). {tryAgain}',
  'language.current': 'Je vous parle en {language}.',
  'language.how_to_change':
    'Pour changer, tapez /language fr pour le français ou /language en pour l’anglais. Le choix vaut sur toutes les plateformes.',
  'language.set': 'Désormais, je vous parle en {language}.',
  'language.unknown':
    '« {typed} » n’est pas une langue que je parle. Tapez /language fr pour le français ou /language en pour l’anglais.',
  'language.name.en': 'anglais',
  'language.name.fr': 'français',
  'language.not_changed': 'Votre langue n’a pas été changée',
  'language.not_changed_try_again': 'Réessayez /language dans une minute.',
  'flag.not_saved': 'Votre signalement n’a PAS été enregistré',
  'flag.not_saved_try_again':
    'Signalez de nouveau la publication dans une minute ; un même signalement fait deux fois n’est jamais compté deux fois. Si vous êtes en danger maintenant, appelez d’abord le 911.',
} as const satisfies CatalogueSection<'common'>;
