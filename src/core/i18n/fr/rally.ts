import type { CatalogueSection } from '../catalogue-types.ts';

/** Les messages privés de la mobilisation : alertes, question à la personne attaquée, alertes aux responsables. */
export const rally = {
  'rally.about_post': '{reference}, {category} sur {place}',
  'rally.about_place': '{reference}, {category} ({place})',
  'rally.alert.title': '{target} a besoin de ses collègues : {about}.',
  'rally.alert.title_unnamed': 'Une ou un collègue a besoin de vous : {about}.',
  'rally.alert.wants': '{target} souhaite : {wants}',
  'rally.alert.wants_unnamed': 'La personne attaquée souhaite : {wants}',
  'rally.alert.cap':
    'Vous recevez au plus {cap} alertes par jour. /responder pause permet de faire une pause ; /responder quiet 22:00-07:00 définit vos heures de silence.',
  'rally.button.on_it': 'Je m’en occupe',
  'rally.button.cant': 'Pas maintenant',
  'rally.button.reached_out': 'J’ai écrit en privé',
  'rally.button.replied': 'J’ai répondu en soutien',
  'rally.button.reported': 'Je l’ai signalé',
  'consent.title_post':
    'Une ou un collègue a signalé une attaque contre votre publication : {about}. Que souhaitez-vous que vos collègues fassent ?',
  'consent.title_place':
    'Une ou un collègue a signalé une attaque contre vous : {about}. Que souhaitez-vous que vos collègues fassent ?',
  'consent.nobody_until':
    'Personne n’est mobilisé tant que vous n’avez pas choisi. Quel que soit votre choix, il est consigné au registre.',
  'consent.deadline': 'Sans réponse de votre part d’ici {deadline}, le signalement sera seulement consigné.',
  'consent.deadline_soon': 'Sans réponse de votre part sous peu, le signalement sera seulement consigné.',
  'consent.not_target':
    'Seule la personne dont la publication a été attaquée peut choisir la suite donnée à {reference}.',
  'consent.thanks_rally': 'Merci. Nous demandons à vos collègues : {wants}.',
  'consent.thanks_document': 'Merci. {wants} : personne ne sera mobilisé.',
  'rally.lead.title': 'Critique : {about}.',
  'rally.lead.attacked': 'Personne attaquée : {attacked}. Signalé le {at}.',
  'rally.lead.a_member': 'un membre',
  'rally.lead.safety_shown':
    'Les mesures de sécurité lui ont été présentées : numéro d’urgence, plainte à la police avec la référence, aide juridique.',
  'rally.lead.wording':
    'Les propos se trouvent derrière le bouton Afficher les propos de la fiche d’incident.',
  'rally.outcome.title': '{reference} est résolu : {outcome}.',
  'rally.outcome.title_plain': '{reference} est résolu.',
  'rally.outcome.thanks':
    'Merci d’avoir répondu présent. L’incident reste au registre et compte dans le dossier du compte.',
  'rally.checkin.title': '{reference} est résolu : {outcome}. Comment allez-vous ?',
  'rally.checkin.title_plain': '{reference} est résolu. Comment allez-vous ?',
  'rally.checkin.counts':
    'Collègues ayant répondu en soutien : {supported}. Collègues l’ayant signalé : {reported}.',
  'rally.checkin.wellbeing':
    'Si cela vous pèse encore, parlez-en à une ou un collègue, ou à {wellbeing}. S’éloigner de l’écran, c’est correct.',
  'rally.checkin.flag_more':
    'Si d’autres attaques arrivent, signalez chaque publication : le registre les relie entre elles.',
  'rally.not_alerted': 'Cette alerte pour {reference} ne vous a pas été envoyée.',
  'rally.resolved_already': '{reference} est déjà résolu ; merci quand même.',
  'rally.already_answered': 'Vous avez déjà répondu à cette alerte pour {reference}. Merci.',
  'rally.on_it':
    'Merci : vous vous occupez de {reference}. Appuyez sur « J’ai répondu en soutien » ou « Je l’ai signalé » une fois fait.',
  'rally.cant': 'Aucun problème. Prenez soin de vous ; quelqu’un d’autre sera sollicité au besoin.',
  'rally.purged':
    'Ce message concernait un incident dont les détails ont été supprimés selon la politique de conservation de {collective}.',
  'capture_follow.failed_title':
    'Shieldwall n’a pas pu capturer la publication de {reference} : veuillez en faire une capture d’écran.',
  'capture_follow.failed_why': 'Raison : {why}.',
  'capture_follow.failed_screenshot':
    'Faites une capture d’écran de la publication et de la page d’accueil du compte, avec la date et l’heure visibles, avant qu’elles soient supprimées ou que le compte soit verrouillé. Signalez de nouveau le même lien avec les captures d’écran jointes : {reference} garde un seul dossier, jamais deux.',
  'capture_follow.gone_title': 'La publication de {reference} a disparu.',
  'capture_follow.gone_login_wall':
    'Vérifié le {at} : elle se trouve maintenant derrière une page de connexion qui n’existait pas avant. La capture faite lors du signalement reste au dossier.',
  'capture_follow.gone_removed':
    'Vérifié le {at} : la page a été retirée, ou le compte suspendu. La capture faite lors du signalement reste au dossier.',
  'capture_follow.gone_mark_removed':
    'Si la plateforme l’a retirée, indiquez-le : l’incident sera fermé et les collègues qui ont aidé en seront informés.',
  'capture_follow.gone_others': 'La personne attaquée ou une ou un responsable peut maintenant le résoudre.',
  'capture_follow.mark_removed': 'Indiquer qu’elle a été retirée',
} as const satisfies CatalogueSection<'rally'>;
