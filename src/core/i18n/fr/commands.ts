import type { CatalogueSection } from '../catalogue-types.ts';

/**
 * Ce que chaque commande dit d’elle-même (aide, syntaxe, enregistrement Discord, formulaires). Les noms de
 * commandes et les mots-clés tapés (by:, on:, !high, valeurs des choix) restent tels quels.
 */
export const commands = {
  'help.title':
    'Shieldwall pour {collective} : signalez les attaques, mobilisez vos collègues et tenez un registre commun des agresseurs.',
  'help.example': 'p. ex. {example}',

  'cmd.flag.summary':
    'Signaler une attaque : la publication est consignée au registre et vous savez quoi faire ensuite.',
  'cmd.flag.usage': '/flag <lien | lieu> [catégorie] [!high|!critical] [by:<compte>] [on:<date>] [note…]',
  'cmd.flag.example.threat':
    '/flag https://x.com/SomeTroll/status/123 menace il a dit qu’il me retrouverait après mon quart de travail',
  'cmd.flag.example.hate': '/flag https://www.instagram.com/p/Cx1yZ/ haine by:@racistguy',
  'cmd.flag.example.dm': '/flag mp:instagram sexuel by:@someone on:hier ce qu’on m’a envoyé',
  'cmd.flag.example.complaint':
    '/flag plainte by:"Jo Bloggs" on:2026-11-30 une plainte anonyme à mon ordre professionnel',
  'cmd.flag.url.label': 'Lien vers la publication injurieuse (ou lieu de l’attaque)',
  'cmd.flag.url.description':
    'Lien vers la publication ou le commentaire. Pas de lien ? Le lieu : appel, plainte, mp:instagram…',
  'cmd.flag.by.label': 'Compte de l’agresseur',
  'cmd.flag.by.description':
    'Compte de l’agresseur si le lien ne le donne pas : @nom, instagram:nom, lien de profil ou nom',
  'cmd.flag.category.label': 'Type d’attaque',
  'cmd.flag.category.description': 'Type d’attaque (harcèlement si vous n’en choisissez aucun)',
  'cmd.flag.note.label': 'Les propos',
  'cmd.flag.note.description': 'Les propos exacts, et tout ce que nous devrions savoir',
  'cmd.flag.wants.label': 'Ce que souhaite la personne attaquée',
  'cmd.flag.wants.description':
    'Ce que la personne attaquée attend de ses collègues (réponses et signalements par défaut)',
  'cmd.flag.channel.label': 'Pas de lien ? Lieu de l’attaque',
  'cmd.flag.channel.description':
    'Seulement s’il n’y a pas de lien : message privé, appel, plainte, lettre, en personne…',
  'cmd.flag.target.label': 'Personne dont la publication a été attaquée',
  'cmd.flag.target.description': 'Personne attaquée (vous, par défaut)',
  'cmd.flag.target_post.label': 'Sa propre publication, où lui témoigner du soutien',
  'cmd.flag.target_post.description':
    'Lien vers la publication de la personne attaquée, où les collègues peuvent la soutenir',
  'cmd.flag.when.label': 'Date de l’attaque',
  'cmd.flag.when.description':
    'Quand c’est arrivé, si ce n’est pas à l’instant : 2026-11-30, 2026-11-30 14:05, aujourd’hui, hier',
  'cmd.flag.anonymous.label': 'Cacher mon nom dans le canal',
  'cmd.flag.anonymous.description':
    'Cacher votre nom dans le canal ? Les responsables le verront quand même (non par défaut)',
  'cmd.flag.screenshots.label': 'Captures d’écran',
  'cmd.flag.screenshots.description': 'Captures d’écran de la publication et de la page du compte',
  'cmd.flag.form.title': 'Signaler une attaque',
  'cmd.flag.form.submit': 'Signaler',

  'cmd.offender.summary':
    'Le dossier d’un compte au registre : incidents, membres visés, et s’il s’agit d’un récidiviste.',
  'cmd.offender.usage': '/offender <pseudo ou lien>',
  'cmd.offender.example.handle': '/offender SomeTroll',
  'cmd.offender.example.link': '/offender https://x.com/sometroll',
  'cmd.offender.example.platform': '/offender x:sometroll',
  'cmd.offender.query.description':
    'Un pseudo (SomeTroll, x:SomeTroll) ou un lien vers le compte ou une publication',

  'cmd.responder.summary':
    'Alertes de mobilisation, oui ou non : vos plateformes, heures de silence, limite par jour, pause.',
  'cmd.responder.usage':
    '/responder on|off [plateformes…] · /responder pause|back · /responder quiet 22:00-07:00 [fuseau] · /responder cap 5',
  'cmd.responder.example.on': '/responder on x instagram',
  'cmd.responder.example.quiet': '/responder quiet 22:00-07:00 America/Toronto',
  'cmd.responder.example.cap': '/responder cap 3',
  'cmd.responder.example.pause': '/responder pause',
  'cmd.responder.example.status': '/responder',
  'cmd.responder.mode.description':
    'on, off, pause, back (retour), quiet (heures de silence), cap (alertes par jour) ou status',
  'cmd.responder.platforms.description':
    'Avec on : les plateformes où vous êtes actif (x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon)',
  'cmd.responder.hours.description':
    'Avec quiet : des heures comme 22:00-07:00 et votre fuseau horaire, ou off',
  'cmd.responder.cap.description': 'Avec cap : au plus ce nombre d’alertes par jour (de 1 à 50)',

  'cmd.digest.summary':
    'Incidents de la semaine par catégorie, plateforme et gravité, et les récidivistes (responsables).',
  'cmd.digest.usage': '/digest [semaine, p. ex. 2026-W47]',
  'cmd.digest.example.this_week': '/digest',
  'cmd.digest.example.week': '/digest 2026-W47',
  'cmd.digest.week.description': 'Semaine ISO comme 2026-W47 (par défaut : cette semaine)',

  'cmd.review.summary':
    'Confirmer, contester ou effacer une fiche, ou lier deux comptes d’une même personne (responsables).',
  'cmd.review.usage':
    '/review <compte> confirm|dispute|clear <raison> · /review <compte> link <autre compte> <raison>',
  'cmd.review.example.confirm':
    '/review x:sometroll confirm menaces répétées, vérifiées dans les captures d’écran',
  'cmd.review.example.link':
    '/review x:sometroll link instagram:sometroll même photo et mêmes propos sur les deux comptes',
  'cmd.review.account.description': 'Le compte, comme x:sometroll, ou un lien vers celui-ci',
  'cmd.review.action.description': 'confirm (confirmer), dispute (contester), clear (effacer) ou link (lier)',
  'cmd.review.reason.description': 'Pourquoi : la raison est versée au journal d’audit',
  'cmd.review.other.description': 'Avec link : l’autre compte de la même personne',

  'cmd.correct.summary':
    'Corriger l’agresseur ou la personne attaquée, avec une raison (responsables ou qui l’a signalé).',
  'cmd.correct.usage':
    '/correct <SW-12> by:<compte>|by:unknown [same-as:<compte>] [target:me] <raison> · pour désigner un autre membre comme personne attaquée, tapez /correct seul pour ouvrir le formulaire',
  'cmd.correct.example.by':
    '/correct SW-12 by:@racistguy sa photo de profil et son nom correspondent au commentaire',
  'cmd.correct.example.unknown':
    '/correct SW-12 by:unknown le lien nommait la médecin sous la publication de qui le commentaire était écrit',
  'cmd.correct.example.same_as':
    '/correct SW-12 same-as:x:troll même photo et mêmes propos sur les deux comptes',
  'cmd.correct.example.target': '/correct SW-12 target:me c’est ma publication qui a été attaquée',
  'cmd.correct.incident.label': 'Incident',
  'cmd.correct.incident.description': 'L’incident à corriger, comme SW-12',
  'cmd.correct.by.label': 'Compte de l’agresseur',
  'cmd.correct.by.description':
    'Le bon agresseur : @nom, instagram:nom, un lien de profil, un nom, ou unknown',
  'cmd.correct.target.label': 'Personne attaquée',
  'cmd.correct.target.description':
    'La personne vraiment attaquée, si l’incident nomme le mauvais membre (vous, si c’était vous)',
  'cmd.correct.same_as.label': 'Même personne que (responsables)',
  'cmd.correct.same_as.description':
    'Responsables : un autre compte de l’agresseur, à lier comme une même personne, comme x:nom',
  'cmd.correct.reason.label': 'Pourquoi',
  'cmd.correct.reason.description': 'Pourquoi : la raison est versée au journal d’audit',
  'cmd.correct.form.title': 'Corriger un incident',
  'cmd.correct.form.submit': 'Corriger',

  'cmd.export.summary':
    'Un dossier de preuves sur un incident ou un compte, envoyé en privé en fichier (responsables).',
  'cmd.export.usage': '/export <SW-12 | compte> [pdf|json|csv] [reveal] [--lang en|fr]',
  'cmd.export.lang.description': 'La langue du dossier : en ou fr (la vôtre par défaut)',
  'cmd.export.example.incident': '/export SW-12',
  'cmd.export.example.pdf': '/export x:sometroll pdf',
  'cmd.export.example.reveal': '/export x:sometroll json reveal',
  'cmd.export.about.description': 'Un incident (SW-12) ou un compte (x:sometroll, ou un lien)',
  'cmd.export.format.description': 'pdf (par défaut), json ou csv',
  'cmd.export.reveal.description': 'Nommer les personnes qui ont signalé (sinon, elles sont numérotées)',

  'cmd.language.summary': 'Choisir la langue dans laquelle je vous parle : anglais ou français.',
  'cmd.language.usage': '/language en|fr',
  'cmd.language.example.fr': '/language fr',
  'cmd.language.example.en': '/language en',
  'cmd.language.language.description': 'en (English) ou fr (français)',

  'cmd.help.summary': 'Ce que je peux faire.',
  'cmd.help.usage': '/help',
  'cmd.help.example': '/help',

  'cmd.form.send': 'Envoyer',
  'cmd.form.cancel': 'Annuler',
  'cmd.form.choose_one': 'Choisissez',
  'cmd.form.yes': 'Oui',
  'cmd.form.one_of': 'Au choix : {choices}',
  'cmd.form.begin': '{title}. Répondez à chaque question, ou tapez /cancel pour arrêter.',
  'cmd.form.optional': '{question} (touche Entrée pour passer)',
  'cmd.form.yes_or_no': '« oui » ou « non »',
  'cmd.form.member_name': 'Son nom, tel qu’on le voit ici',
} as const satisfies CatalogueSection<'commands'>;
