import type { CatalogueSection } from '../catalogue-types.ts';

/** Signaler une attaque : la confirmation, les refus (liens, lieux, dates) et les limites de signalement. */
export const flag = {
  'link.empty':
    'Il n’y a pas encore de lien ici. Collez l’adresse complète de la publication, comme {example}.',
  'link.too_long':
    'C’est trop long pour être l’adresse d’une publication. Utilisez le bouton Partager → Copier le lien de la publication, puis collez ce qu’il vous donne.',
  'link.control_chars':
    'Ce lien contient des caractères cachés. Copiez de nouveau le lien de la publication (Partager → Copier le lien) et collez-le ici.',
  'link.extra_text': 'Collez le lien seul, sans autres mots autour, comme {example}.',
  'link.invalid':
    'Cela ne ressemble pas à un lien. Collez l’adresse complète de la publication, comme {example}.',
  'link.scheme':
    'Seuls les liens Web (commençant par https://) et les adresses courriel peuvent être enregistrés. Collez l’adresse de la publication, comme {example}.',
  'link.credentials':
    'Ce lien contient un nom d’utilisateur ou un mot de passe : il ne sera pas conservé. Copiez plutôt le lien public de la publication (Partager → Copier le lien).',
  'link.not_public':
    'Ce lien mène à une adresse privée ou locale, pas à une publication publique. Collez l’adresse publique de la publication, comme {example}.',
  'link.not_post':
    'Ce lien {platform} ne mène ni à une publication ni à un compte. Ouvrez la publication elle-même, copiez son lien et collez-le ici, comme {example}.',
  'link.email_invalid':
    'Cela ne ressemble pas à une adresse courriel complète. Collez l’adresse de l’expéditeur, comme nom@exemple.com.',
  'flag.usage_missing':
    'Collez le lien de la publication après /flag, comme ceci : /flag https://x.com/name/status/123 threat ce qu’on vous a écrit. ' +
    'Pas de lien ? Indiquez plutôt où c’est arrivé : /flag phone, /flag complaint, /flag dm:instagram, /flag letter.',
  'flag.option_twice': 'Indiquez {option}: une seule fois.',
  'flag.category_unknown_guess':
    'Je ne connais pas cette catégorie. Vouliez-vous dire {guess} ? Catégories : {categories}.',
  'flag.category_unknown': 'Je ne connais pas cette catégorie. Catégories : {categories}.',
  'flag.category_choose': 'Choisissez une de ces catégories : {categories}.',
  'flag.unknown_place':
    'Je ne connais pas ce lieu. Indiquez où c’est arrivé : « dm » (ou dm:instagram, dm:x…), « email », « phone », « complaint », « letter », « in-person » ou « other ».',
  'flag.link_not_text':
    'Collez le lien de la publication sous forme de texte, comme https://x.com/name/status/123.',
  'flag.link_too_long':
    'Ce lien est trop long pour être l’adresse d’une publication ; copiez-le de nouveau depuis la barre d’adresse.',
  'flag.by_not_text':
    'Indiquez le compte de l’auteur de l’attaque sous forme de texte, comme @nom ou instagram:nom.',
  'flag.by_too_long':
    'C’est trop long pour un compte. Indiquez un identifiant comme @nom, ou le lien d’un profil.',
  'flag.severity_invalid': 'La gravité peut être relevée à « high » (élevée) ou « critical » (critique).',
  'flag.note_too_long':
    'Votre note compte {length} caractères ; gardez-la sous {max}. Les propos exacts de la publication et une ligne de contexte suffisent amplement.',
  'flag.note_control_chars':
    'Votre note contient des caractères de contrôle invisibles ; tapez-la de nouveau ou collez-la en texte brut.',
  'flag.wants_invalid':
    'Indiquez ce que souhaite la personne attaquée : « both », « replies », « reports », « document » ou « private ».',
  'flag.target_post_email':
    'Pour la publication à laquelle répondre, collez un lien Web (https://…), pas une adresse courriel.',
  'flag.anonymous_invalid': 'Répondez « oui » pour cacher votre nom dans le canal, ou « non ».',
  'flag.too_many_screenshots':
    'Joignez au plus {max} captures d’écran ; les quelques plus claires suffisent.',
  'flag.screenshot_too_big':
    'Une capture d’écran fait {size, number, ::.0} Mo ; la limite est de {max} Mo. Recadrez-la ou enregistrez-la en JPEG, puis joignez-la de nouveau.',
  'flag.place_link_and_where':
    'Vous avez donné un lien : laissez donc « où c’est arrivé » vide ; ce champ sert aux attaques sans lien public.',
  'flag.place_twice':
    'Indiquez où c’est arrivé une seule fois : dans le champ du lien ou dans « où c’est arrivé », pas les deux.',
  'flag.need_link':
    'Collez le lien de la publication. S’il n’y a pas de lien (un message privé, un appel, une plainte, une lettre), ' +
    'indiquez plutôt où c’est arrivé, comme ceci : /flag phone by:"Son Nom" ce qu’on vous a dit',
  'flag.no_public_post':
    'Il n’y a aucune publication publique sous laquelle répondre ou à signaler pour {place, select, dm {un message privé} ' +
    'email {un courriel} phone {un appel ou un texto} complaint {une plainte} letter {une lettre} ' +
    'in_person {une rencontre en personne} other {une attaque sans lien public}}. Choisissez le soutien en privé ' +
    '(des collègues vous contactent en privé) ou consigner seulement.',
  'flag.link_names_account':
    'Le lien nomme déjà le compte ({account}) : laissez donc l’auteur de l’attaque vide. Si le lien nomme la mauvaise ' +
    'personne, signalez-le d’abord ; ensuite, un responsable ou vous-même pourrez corriger le dossier.',
  'flag.dm_platform_missing':
    'Indiquez sur quelle plateforme le message est arrivé, comme dm:instagram ou dm:x.',
  'flag.dm_platform_or_sender':
    'Indiquez sur quelle plateforme le message est arrivé, comme dm:instagram, ou le compte de l’expéditeur, comme instagram:nom.',
  'flag.title.created': 'Enregistré sous {reference} : {category}, gravité {severity}.',
  'flag.title.co_reported':
    'Vous êtes ajouté à {reference} : {count, plural, one {# membre a signalé} other {# membres ont signalé}} ' +
    '{kind, select, offline {cette attaque} comment {ce commentaire} email {ce courriel} post {cette publication} other {ce compte}}.',
  'flag.title.already_reported':
    'Vous aviez déjà signalé {kind, select, offline {cette attaque} comment {ce commentaire} email {ce courriel} ' +
    'post {cette publication} other {ce compte}} : c’est {reference}, et ' +
    '{count, plural, one {# membre l’a signalé} other {# membres l’ont signalé}}.',
  'flag.title.repeated': 'Déjà enregistré sous {reference}.',
  'flag.category_line': 'Catégorie : {category} · Gravité : {severity}',
  'flag.happened': 'Date : {when}',
  'flag.you_asked_for': 'Vous avez demandé à vos collègues : {wants}',
  'flag.named_wants': 'Souhait de {name} : {wants}',
  'flag.named_steps':
    'Vous avez signalé ceci pour {name}. Les étapes ci-dessous s’adressent à cette personne : transmettez-les-lui en privé, et laissez-la décider de la suite.',
  'flag.hidden_wants': 'Souhait de la personne attaquée : {wants}',
  'flag.hidden_steps':
    'Les étapes ci-dessous s’adressent à la personne attaquée, qui décide de la suite. Suivez ce que demande la fiche de l’incident.',
  'flag.first_flagged_as': 'Le premier signalement l’a classé comme {category}, et il reste classé ainsi.',
  'flag.first_flagged_as_note':
    'Le premier signalement l’a classé comme {category}, et il reste classé ainsi ; votre note y est jointe.',
  'flag.name_them_later':
    'Si vous apprenez qui c’était, vous (ou un responsable) pourrez l’indiquer : /correct {reference} by:<son compte ou son nom>.',
  'flag.comment_unnamed':
    'Le lien d’un commentaire ne dit pas qui l’a écrit. Si vous savez qui c’était, signalez-le de nouveau avec son compte ' +
    '(by:@nom, ou le champ du compte de l’auteur) : il sera ajouté à {reference}, et son dossier reliera ses attaques.',
  'flag.post_unnamed':
    'Le lien ne dit pas qui a publié ceci. Si vous savez qui c’était, signalez-le de nouveau avec son compte ' +
    '(by:@nom, ou le champ du compte de l’auteur) : il sera ajouté à {reference}, et son dossier reliera ses attaques.',
  'flag.already_names':
    '{reference} nomme déjà {account} ; votre signalement a donc été ajouté sans le changer. Si c’est une erreur, ' +
    'le membre qui l’a signalé en premier, ou un responsable, peut le corriger avec /correct.',
  'flag.leads_not_paged_again':
    'Les responsables ont déjà été alertés de plusieurs de vos signalements urgents cette heure-ci ; je ne les ai donc ' +
    'pas alertés de nouveau pour celui-ci, mais ils le voient sur la fiche de l’incident. Si quelqu’un est en danger ' +
    'maintenant, appelez d’abord le {emergency}, puis contactez directement vos responsables.',
  'flag.screenshots_not_kept':
    'Je n’ai pas pu garder de copie {count, plural, one {d’une de vos captures d’écran} other {de # de vos captures d’écran}} ' +
    'pour l’instant ; le dossier indique que vous l’avez jointe. Gardez-en votre propre copie.',
  'flag.where_who_post': 'Plateforme : {place} · Compte : {account}',
  'flag.where_who_place': 'Lieu : {place} · Auteur : {account}',
  'flag.day_in_zone': '{day} ({timezone})',
  'flag.claim_confirmed':
    '{reference} a été enregistré comme une attaque contre un autre membre, qui l’a confirmé. Si c’était une attaque ' +
    'contre vous, dites-le à l’un des responsables : ils peuvent le changer.',
  'flag.claim_hint':
    '{reference} a été enregistré comme une attaque contre un autre membre. Si c’était une attaque contre vous, ' +
    'faites-en la vôtre : /correct {reference} target:me <pourquoi, en quelques mots>. Vous déciderez alors de ce que font vos collègues.',
  'flag.retarget_not_allowed':
    'Seuls un responsable, le membre qui a signalé {reference} en premier, ou la personne attaquée (une fois qu’elle ' +
    'l’a signalé elle aussi) peuvent changer qui a été attaqué. Si quelque chose est inexact, dites-le à l’un des responsables.',
  'flag.retarget_claimed':
    'Le membre que {reference} désigne comme attaqué a confirmé que c’était bien lui : seul un responsable peut ' +
    'maintenant le changer. Expliquez à l’un des responsables ce qui s’est passé ; il réglera la question avec vous deux.',
  'when.not_text':
    'Indiquez le jour où c’est arrivé sous forme de texte, comme 2026-11-30, « aujourd’hui » ou « hier ».',
  'when.too_long':
    'Je ne peux pas lire cette date. Écrivez-la comme 2026-11-30, 2026-11-30 14:05, « aujourd’hui » ou « hier ».',
  'when.invalid':
    'Je ne peux pas lire cette date. Écrivez-la comme 2026-11-30, 2026-11-30 14:05 (sur 24 heures), « aujourd’hui » ou « hier ».',
  'when.future':
    'Cette date est dans le futur. Indiquez le jour (et l’heure, si vous la connaissez) de l’attaque.',
  'when.too_old': 'Cette date est trop ancienne pour être exacte ; vérifiez l’année.',
  'limits.flags':
    'Vous avez envoyé beaucoup de signalements en peu de temps ; je mets donc les vôtres en pause quelques instants. Ce signalement n’a pas été enregistré.',
  'limits.questions':
    '{colleague} a déjà été sollicité au sujet de plusieurs signalements récemment. Pour l’épargner, je ne le sollicite pas de nouveau pour l’instant. Ce signalement n’a pas été enregistré.',
  'limits.questions_unnamed':
    'Cette personne a déjà été sollicitée au sujet de plusieurs signalements récemment. Pour l’épargner, je ne la sollicite pas de nouveau pour l’instant. Ce signalement n’a pas été enregistré.',
  'limits.retry_after': 'Vous pourrez le signaler de nouveau après {when}.',
  'limits.danger_now':
    'Si quelqu’un est en danger maintenant, appelez d’abord le {emergency}, puis contactez directement vos responsables.',
} as const satisfies CatalogueSection<'flag'>;
