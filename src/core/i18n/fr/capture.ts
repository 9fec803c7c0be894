import type { CatalogueSection } from '../catalogue-types.ts';

/** Ce que la fiche et les conseils disent des pages que Shieldwall a capturées dans un navigateur. */
export const capture = {
  'capture.failure.login-wall': 'le site affichait une page de connexion au lieu de la publication',
  'capture.failure.removed': 'la page était déjà retirée ou introuvable',
  'capture.failure.timed-out': 'la page a mis trop de temps à se charger',
  'capture.failure.too-large': 'la page était trop volumineuse pour être conservée',
  'capture.failure.refused-address':
    'le lien menait à une adresse de réseau privé, que Shieldwall n’ouvre jamais',
  'capture.failure.unreachable': 'le site était injoignable',
  'capture.failure.error': 'le navigateur n’a pas pu la charger',

  'capture.line.pending':
    '{page, select, account {Capture de la page du compte} other {Capture de la publication}} en cours dans un navigateur.',
  'capture.line.captured':
    '{page, select, account {La page du compte} other {La publication}} a été capturée le {at} : une capture d’écran et la page elle-même, avec leur empreinte SHA-256, conservées avec le dossier.',
  'capture.line.captured_just_now':
    '{page, select, account {La page du compte} other {La publication}} vient d’être capturée : une capture d’écran et la page elle-même, avec leur empreinte SHA-256, conservées avec le dossier.',
  'capture.line.failed':
    '{page, select, account {La page du compte} other {La publication}} n’a pas pu être capturée ({why}) : faites-en une capture d’écran, s’il vous plaît.',
  'capture.line.gone':
    'La publication avait disparu à la vérification du {at} ({why, select, login_wall {elle est maintenant derrière une page de connexion} other {retirée ou compte suspendu}}).',
  'capture.line.gone_open':
    'La publication avait disparu à la vérification du {at} ({why, select, login_wall {elle est maintenant derrière une page de connexion} other {retirée ou compte suspendu}}) : si la plateforme l’a retirée, résolvez cet incident avec l’issue « Publication retirée ».',
  'capture.line.still_up': 'La publication était toujours en ligne à la vérification du {at}.',

  'capture.advice.starting':
    'Shieldwall capture en ce moment {what, select, comment {le commentaire} other {la publication}} et la page du compte pour vous, dans un navigateur (une capture d’écran et la page elle-même, avec l’heure) : la fiche de l’incident indiquera quand c’est fait, et on vous préviendra en cas d’échec. Votre propre capture d’écran reste utile, surtout pour ce qu’un visiteur non connecté ne verrait pas.',
  'capture.advice.captured':
    'Shieldwall a capturé {what, select, comment {le commentaire} other {la publication}} le {at} : la preuve reste au dossier même en cas de suppression. Faites une capture d’écran de ce qu’un visiteur non connecté ne verrait pas (réponses, messages).',
  'capture.advice.failed':
    'Shieldwall n’a pas pu capturer {what, select, comment {le commentaire} other {la publication}} ({why}) : faites-en une capture d’écran, avec la date et l’heure visibles, avant sa suppression.',
} as const satisfies CatalogueSection<'capture'>;
