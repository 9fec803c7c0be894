import type { CatalogueSection } from '../catalogue-types.ts';

/** Les réponses de /offender, /responder, /review, /correct et /digest, et le journal d’audit des responsables. */
export const members = {
  // Chercher un compte, et ce qui peut être refusé.
  'account.empty':
    'Dites-moi quel dossier consulter : un identifiant comme @nom, le lien d’un profil ou une adresse courriel.',
  'account.too_long':
    'C’est trop long pour un identifiant. Envoyez un identifiant comme @nom, ou le lien d’un profil.',
  'account.invalid':
    'Cela ne ressemble pas à un identifiant. Essayez @nom, x:nom, le lien d’un profil comme https://x.com/nom, ou une adresse courriel.',
  'account.platform':
    'Je ne connais pas cette plateforme. Commencez par x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon ou email, comme x:nom, ou collez le lien d’un profil.',
  'account.not_in_link':
    'Ce lien ne dit pas qui a publié. Collez plutôt le lien du profil de la personne, ou son identifiant comme @nom.',
  'account.not_in_ledger': 'Aucun compte nommé {text} ne figure au registre.',
  'account.ambiguous': 'Plusieurs comptes correspondent à {text} ; précisez lequel : {options}.',

  // /offender
  'offender.need_account':
    'Dites-moi quel compte : /offender UnTroll, ou collez le lien du compte ou d’une publication.',
  'offender.too_long': 'C’est trop long pour un nom de compte ou un lien.',
  'offender.none':
    'Aucun incident n’est consigné pour ce compte. S’il a attaqué quelqu’un, signalez la publication avec /flag.',
  'offender.title_one': 'Ce que le registre contient sur ce compte :',
  'offender.title_many': '{count, plural, one {# compte correspond :} other {# comptes correspondent :}}',
  'offender.nothing_left': 'Connu du registre, mais aucun incident n’y figure plus.',
  'offender.only_shared': 'Aucun incident de ce compte dans notre propre registre.',
  'offender.shared':
    'Aussi signalé par {collectives, plural, one {# autre collectif} other {# autres collectifs}} ({incidents, plural, one {# incident} other {# incidents}}, le dernier le {day}). Un signal partagé entre associations : des nombres seulement, jamais qui a été visé.',
  'offender.frequent_shared':
    '{shared, plural, one {# de ces incidents a été signalé} other {# de ces incidents ont été signalés}} par d’autres collectifs ; seuls les nôtres sont listés ci-dessous.',
  'offender.category_count': '{category} ×{count}',
  'offender.totals':
    '{incidents, plural, one {# incident} other {# incidents}} visant {members, plural, one {# membre} other {# membres}} : {categories}.',
  'offender.seen': 'Vu pour la première fois le {first}, pour la dernière fois le {last}.',
  'offender.account_page': 'Page du compte : {url}',
  'offender.frequent':
    'Récidiviste : {incidents, plural, one {# incident} other {# incidents}} visant {members, plural, one {# membre} other {# membres}} en {days, plural, one {# jour} other {# jours}}. Les incidents en cause :',
  'offender.cleared':
    'Pas inscrit comme récidiviste : un responsable l’a blanchi après son dernier incident. Incidents consignés :',
  'offender.lapsed':
    'N’est plus considéré comme récidiviste : son dernier incident remonte à plus de {days, plural, one {# jour} other {# jours}}. Incidents consignés :',
  'offender.not_frequent':
    'Pas récidiviste (il faut pour cela {incidents, plural, one {# incident} other {# incidents}} visant {members, plural, one {# membre différent} other {# membres différents}} en {days, plural, one {# jour} other {# jours}}). Incidents consignés :',
  'offender.status.open': 'ouvert',
  'offender.status.resolved': 'résolu',
  'offender.incident': '• {reference} · {day} · {category} · {status}',
  'offender.incident_named': '• {reference} · {day} · {category} · {status} · nommé par un membre',
  'offender.earlier': '… et {count, number} plus ancien(s).',
  'offender.confirmed': 'Confirmé par un responsable le {day}.',
  'offender.disputed': 'Contesté par un responsable le {day} : considérez ce dossier avec prudence.',
  'offender.linked': 'Un responsable l’a relié à d’autres comptes de la même personne : {accounts}.',
  'offender.for_leads': 'Pour les responsables',
  'offender.review_how':
    'Révision : /review {key} confirm|dispute|clear <motif>, ou /review {key} link <autre compte> <motif>.',
  'offender.correct_how': 'Corriger l’auteur d’un incident : /correct SW-<numéro> by:<compte> <motif>.',

  // Le journal d’audit, tel que les responsables le lisent sous /offender.
  'audit.line': '{day} · {what} · par {actor} · « {reason} »',
  'audit.pseudonym': 'un membre (nom retiré selon la politique de conservation)',
  'audit.an_incident': 'un incident',
  'audit.moved_away': '{incident} déplacé d’ici vers {other}',
  'audit.moved_here': '{incident} déplacé ici depuis {other}',
  'audit.attributed': '{incident} attribué ici (l’auteur était inconnu)',
  'audit.retarget': '{incident} : la personne attaquée a été corrigée',
  'audit.link': 'lien avec {other}',
  'audit.link_from': 'lien avec {other} (depuis {incident})',
  'audit.action.confirm': 'confirmé',
  'audit.action.dispute': 'contesté',
  'audit.action.clear': 'blanchi',
  'audit.recorded': 'Consigné au journal d’audit avec votre motif.',
  'audit.reason_missing': 'Chaque changement demande un motif, pour le journal d’audit.',
  'audit.reason_short': 'Chaque changement demande un motif de quelques mots, pour le journal d’audit.',
  'audit.reason_long': 'Le motif doit compter moins de 1 000 caractères.',
  'audit.reason_control': 'Le motif contient des caractères de contrôle invisibles.',

  // /review
  'review.need_account': 'Nommez le compte, comme x:untroll.',
  'review.need_action': 'Précisez confirm, dispute, clear ou link.',
  'review.usage': 'Syntaxe : {usage}',
  'review.need_other': 'Nommez l’autre compte à relier. Syntaxe : {usage}',
  'review.same': 'C’est le même compte ; nommez-en deux différents.',
  'review.done.confirm': '{account} est confirmé comme récidiviste.',
  'review.done.dispute':
    '{account} est marqué comme contesté : les membres verront qu’il faut le considérer avec prudence.',
  'review.done.clear':
    '{account} est blanchi : il est retiré de la liste des récidivistes jusqu’à sa prochaine attaque.',
  'review.done.link': '{account} et {other} sont reliés : une seule et même personne.',
  'review.the_other_account': 'l’autre compte',

  // /responder
  'responder.say_mode': 'Tapez /responder on, off, pause, back, quiet ou cap.',
  'responder.say_usage': 'Tapez {usage}.',
  'responder.cap_invalid':
    'Indiquez le nombre maximal d’alertes par jour, de 1 à 50, par exemple /responder cap 3.',
  'responder.platform_unknown': 'Je ne connais pas cette plateforme. Vous pouvez nommer : {platforms}.',
  'responder.quiet_invalid':
    'Indiquez vos heures sans alertes comme /responder quiet 22:00-07:00, avec votre fuseau horaire si vous voulez (America/Toronto), ou /responder quiet off.',
  'responder.zone_invalid':
    'Je ne connais pas ce fuseau horaire ; utilisez un nom comme America/Toronto ou America/Montreal.',
  'responder.quiet_same': 'Les heures sans alertes doivent commencer et finir à des heures différentes.',
  'responder.off':
    'Vous ne recevrez plus les alertes de mobilisation. Merci pour ce que vous avez fait ; tapez /responder on pour revenir.',
  'responder.paused':
    'En pause : plus aucune alerte jusqu’à ce que vous tapiez /responder back. Prendre une pause fait partie de l’engagement à long terme.',
  'responder.welcome_back': 'Content de vous revoir. {status}',
  'responder.on_title': 'Vous recevrez les alertes de mobilisation pour {platforms}.',
  'responder.on_what':
    'Quand un collègue y est attaqué et souhaite de l’aide, je vous demanderai de répondre à *sa* publication par un message de soutien et de signaler la publication abusive. Ne répondez jamais à l’agresseur et ne l’identifiez jamais.',
  'responder.on_limits':
    'Au plus {cap, plural, one {# alerte} other {# alertes}} par jour. /responder quiet 22:00-07:00 fixe des heures sans alertes, /responder pause permet de prendre une pause, /responder off arrête les alertes.',
  'responder.not_active':
    'Vous ne recevez pas les alertes de mobilisation. Tapez /responder on x instagram (vos plateformes) pour être alerté quand un collègue est attaqué.',
  'responder.status':
    'Vous recevez les alertes de mobilisation pour {platforms}, au plus {cap, plural, one {# alerte} other {# alertes}} par jour.',
  'responder.status_quiet':
    'Vous recevez les alertes de mobilisation pour {platforms}, au plus {cap, plural, one {# alerte} other {# alertes}} par jour, aucune de {start} à {end} ({zone}).',
  'responder.paused_now': 'En pause pour l’instant : tapez /responder back quand vous serez prêt.',
  'responder.every_platform': 'toutes les plateformes',

  // /correct
  'correct.need_incident': 'Précisez l’incident à corriger, comme SW-12.',
  'correct.incident_too_long': 'Donnez l’incident comme le robot l’affiche, par exemple SW-12.',
  'correct.not_reference':
    'Ce n’est pas une référence d’incident. Donnez-la comme le robot l’affiche, par exemple SW-12.',
  'correct.same_as_too_long':
    'C’est trop long pour un compte. Donnez-le comme x:nom, ou le lien d’un profil.',
  'correct.say_what':
    'Précisez quoi corriger : l’agresseur (by:@nom, ou by:unknown), la personne attaquée (target:me si c’était vous ; un autre membre dans le formulaire : tapez /correct seul), ou un autre compte de la même personne (same-as:x:nom).',
  'correct.usage': 'Syntaxe : {usage}',
  'correct.target_text':
    'La personne attaquée se choisit seulement parmi les membres du canal : tapez /correct seul pour ouvrir le formulaire (sur Discord, utilisez l’option target). Si c’était vous, écrivez target:me.',
  'correct.option_twice': 'Donnez {option}: une seule fois.',
  'correct.unknown_incident':
    'Le registre ne contient aucun incident {reference}. Sa référence (SW- suivi d’un numéro) figure sur sa fiche.',
  'correct.missing': 'Le registre ne contient aucun incident {reference}.',
  'correct.same':
    'C’est le compte même de l’agresseur de {reference} ; nommez un autre compte de la même personne.',
  'correct.repeated': 'Cette correction de {reference} est déjà consignée.',
  'correct.target_changed':
    'La personne attaquée dans {reference} vient d’être changée par quelqu’un d’autre. Regardez de nouveau sa fiche, et prévenez un responsable si elle est encore erronée.',
  'correct.not_allowed':
    'Seul un responsable, ou le membre qui a signalé {reference} en premier, peut le corriger. Si quelque chose y est erroné, prévenez un des responsables.',
  'correct.retarget_not_allowed':
    'Seul un responsable, le membre qui a signalé {reference} en premier, ou la personne attaquée (une fois qu’elle l’a aussi signalé) peut changer la personne attaquée. Si quelque chose y est erroné, prévenez un des responsables.',
  'correct.target_claimed':
    'Le membre que {reference} désigne comme attaqué a confirmé que c’était bien lui : seul un responsable peut maintenant le changer. Expliquez à un des responsables ce qui s’est passé ; il réglera la situation avec vous deux.',
  'correct.link_lead_only':
    'Seuls les responsables peuvent relier deux comptes d’une même personne. Demandez-le à l’un d’eux, ou corrigez l’agresseur avec by: seul.',
  'correct.purged':
    'Les renseignements personnels de {reference} ont été supprimés selon la politique de conservation : la personne attaquée ne peut plus être changée.',
  'correct.attacker_problem': 'Compte de l’agresseur (by:) : {problem}',
  'correct.already_names': '{reference} désigne déjà {account} comme agresseur',
  'correct.already_unknown': 'l’agresseur de {reference} est déjà inconnu',
  'correct.already_target': '{reference} indique déjà que ce membre a été attaqué',
  'correct.no_attacker':
    '{reference} ne nomme aucun compte d’agresseur à relier à un autre : nommez-le d’abord avec by: (les deux peuvent se faire en même temps).',
  'correct.nothing_to_change': 'Rien à changer : {already}.',
  'correct.nothing_to_change_all': 'Rien à changer : {reference} indique déjà tout cela.',
  'correct.done': '{reference} corrigé.',
  'correct.attacker_now': 'Agresseur : maintenant {now} ; auparavant {was}.',
  'correct.retargeted': 'Personne attaquée : changée.',
  'correct.retargeted_consent':
    'Personne attaquée : changée. Elle a elle-même signalé l’incident, donc les collègues peuvent agir comme elle l’a demandé.',
  'correct.retargeted_ask':
    'Personne attaquée : changée. On lui demandera en privé ce qu’elle souhaite avant que les collègues agissent.',
  'correct.undone_resolution':
    'Le membre désigné auparavant l’avait résolu : l’incident est rouvert, jusqu’à ce que la personne attaquée décide.',
  'correct.undone_wants':
    'Ce que le membre désigné auparavant avait demandé aux collègues ne s’applique plus.',
  'correct.linked': '{account} et {other} sont reliés : une seule et même personne.',
  'correct.rule_heading': 'Règle des récidivistes',
  'correct.rule.counts':
    '{incidents, plural, one {# incident} other {# incidents}} visant {members, plural, one {# membre} other {# membres}} en {days, plural, one {# jour} other {# jours}}',
  'correct.rule.gone': '{account} n’a plus aucun incident.',
  'correct.rule.now_meets': '{account} répond maintenant à la règle des récidivistes ({counts}).',
  'correct.rule.still_meets': '{account} répond toujours à la règle des récidivistes ({counts}).',
  'correct.rule.cleared':
    '{account} répond à la règle des récidivistes ({counts}), mais un responsable l’a blanchi.',
  'correct.rule.lapsed':
    '{account} répondait à la règle des récidivistes ({counts}), mais son dernier incident remonte à plus de {days, plural, one {# jour} other {# jours}}.',
  'correct.rule.no_longer':
    '{account} ne répond plus à la règle des récidivistes ({counts} ; il faut {minIncidents, plural, one {# incident} other {# incidents}} visant {minTargets, plural, one {# membre} other {# membres}}).',
  'correct.rule.does_not':
    '{account} ne répond pas à la règle des récidivistes ({counts} ; il faut {minIncidents, plural, one {# incident} other {# incidents}} visant {minTargets, plural, one {# membre} other {# membres}}).',

  // /digest (les réponses de la commande ; le bilan lui-même est rendu ailleurs)
  'digestcmd.week_too_long': 'Donnez la semaine comme 2026-W47.',
} as const satisfies CatalogueSection<'members'>;
