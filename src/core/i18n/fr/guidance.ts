import type { CatalogueSection } from '../catalogue-types.ts';

/**
 * Ce qu’un membre lit après avoir signalé une attaque, écrit pour des médecins francophones au Canada : la sécurité
 * d’abord (911, numéro non urgent de la police locale), les preuves, le signalement à la plateforme, ne pas
 * répondre, et prendre soin de soi (ACPM, PAMQ). Mêmes étapes que l’anglais, pas une traduction mot à mot.
 */
export const guidance = {
  'guidance.safety.heading': 'Votre sécurité d’abord',
  'guidance.safety.emergency': 'Si vous êtes en danger immédiat, appelez le {emergency} sans attendre.',
  'guidance.safety.police_threat':
    'Signalez la menace à la police ({police}) ; donnez-lui la référence {reference} et vos captures d’écran.',
  'guidance.safety.police_doxxing':
    'Signalez la divulgation de vos renseignements personnels à la police ({police}) ; donnez-lui la référence {reference} et vos captures d’écran.',
  'guidance.safety.legal':
    'Pour un conseil juridique : {legal}. L’Association canadienne de protection médicale (ACPM) conseille aussi ses membres qui reçoivent des menaces ou sont harcelés.',
  'guidance.safety.doxxing':
    'Demandez à la plateforme de retirer vos renseignements personnels, et prévenez le service de sécurité de votre milieu de travail si votre lieu de travail ou votre domicile a été exposé.',

  'guidance.records.heading': 'Conservez des preuves',
  'guidance.records.screenshot_with_account':
    'Faites une capture d’écran {what, select, comment {du commentaire} other {de la publication}} et de la page d’accueil du compte ({accountPage}) : elle prouve que le compte était public, même s’il est verrouillé ou supprimé plus tard.',
  'guidance.records.screenshot':
    'Faites une capture d’écran {what, select, comment {du commentaire} other {de la publication}}, et de la page du compte s’il y en a une : elle prouve que le contenu était public, même s’il est verrouillé ou supprimé plus tard.',
  'guidance.records.link': 'le lien ({url})',
  'guidance.records.already_with_wording':
    'Déjà consigné dans {reference} : {recorded}, signalé le {at}, ainsi que les propos exacts que vous avez fournis.',
  'guidance.records.already_add_wording':
    'Déjà consigné dans {reference} : {recorded}, signalé le {at}. Ajoutez les propos exacts dès que vous le pourrez.',
  'guidance.records.more_posts':
    'S’il y a d’autres publications, signalez chacune d’elles : le registre les relie entre elles.',
  'guidance.records.more_times':
    'Si cela se reproduit, signalez-le chaque fois : le registre relie les incidents.',

  'guidance.report.heading':
    'Signalez l’attaque {where, select, email {au fournisseur de courriel} web {au site} other {à {platform}}}',
  'guidance.report.policy': 'Règles et signalement : {url}',
  'guidance.report.policy_english':
    'Règles et signalement (page parfois offerte en anglais seulement) : {url}',
  'guidance.report.comment':
    'C’est un commentaire : signalez le commentaire lui-même, depuis le menu ⋯ à côté de celui-ci, et non la publication sous laquelle il se trouve.',
  'guidance.report.x':
    'Sur la publication, ouvrez le menu ⋯, choisissez « Signaler » et indiquez abus ou harcèlement.',
  'guidance.report.instagram':
    'Sur la publication, touchez ⋯, puis « Signaler », et choisissez intimidation ou harcèlement.',
  'guidance.report.facebook':
    'Sur la publication, ouvrez le menu ⋯, choisissez « Signaler la publication » et indiquez harcèlement.',
  'guidance.report.threads':
    'Sur la publication, touchez ⋯, puis « Signaler », et choisissez intimidation ou harcèlement.',
  'guidance.report.tiktok':
    'Maintenez le doigt sur la vidéo ou le commentaire, choisissez « Signaler » et indiquez harcèlement et intimidation.',
  'guidance.report.youtube':
    'Sous la vidéo (ou sur le commentaire), ouvrez le menu ⋯, choisissez « Signaler » et indiquez harcèlement.',
  'guidance.report.linkedin':
    'Sur la publication, ouvrez le menu ⋯, choisissez « Signaler » et indiquez harcèlement.',
  'guidance.report.reddit':
    'Sous la publication ou le commentaire, choisissez « Signaler » et indiquez harcèlement ; le formulaire de signalement accepte aussi des liens.',
  'guidance.report.bluesky':
    'Sur la publication, ouvrez le menu ⋯, choisissez « Signaler » et indiquez harcèlement.',
  'guidance.report.mastodon':
    'Sur la publication, ouvrez le menu ⋯ et choisissez « Signaler » ; l’équipe de modération de {host} décide (ses règles sont sur la page ci-dessous).',
  'guidance.report.email':
    'Gardez le courriel d’origine avec tous ses en-têtes (ne le supprimez pas), et transférez-le à abuse@{domain}, le fournisseur de l’expéditeur, en lui demandant d’agir contre ce compte.',
  'guidance.report.other':
    'Utilisez le lien de signalement du site, ou écrivez à ses modérateurs ou à son hébergeur en joignant le lien.',

  'guidance.disengage.heading': 'Ne répondez pas',
  'guidance.disengage.public':
    'Ne répondez pas à l’agresseur, ne citez pas ses propos et ne l’identifiez pas : c’est l’attention qu’il cherche. Bloquez-le ou masquez-le plutôt ; il n’en est pas averti. Les collègues qui veulent vous aider répondent à votre publication pour vous soutenir, jamais à la sienne.',
  'guidance.disengage.private':
    'Ne répondez pas à l’agresseur et ne le contactez pas, si injuste que ce soit : c’est l’attention qu’il cherche. Les collègues qui veulent vous aider vous écrivent en privé.',

  'guidance.wellbeing.heading': 'Prenez soin de vous',
  'guidance.wellbeing.text':
    'Ce n’est pas votre faute, et vous n’avez pas à affronter cela sans soutien. Éloignez-vous de l’écran au besoin ; parlez-en à un ou une collègue, ou à {wellbeing}. Au Québec, le Programme d’aide aux médecins du Québec (PAMQ) offre une aide confidentielle.',

  'guidance.dm.heading':
    'Bloquez et signalez l’expéditeur {where, select, app {dans l’application} web {sur le site} email {par courriel} other {sur {platform}}}',
  'guidance.dm.no_reply': 'Ne répondez pas : une réponse lui confirme que le message a porté.',
  'guidance.dm.screenshot':
    'Faites d’abord une capture d’écran de toute la conversation, avec son nom et les dates visibles, puis bloquez cette personne.',
  'guidance.dm.report':
    'Signalez la conversation {where, select, app {à l’application} web {au site} email {au fournisseur de courriel} other {à {platform}}} depuis la discussion elle-même (touchez le nom de l’expéditeur ou le menu ⋯, puis « Signaler ») : les messages sont privés, vos collègues ne peuvent donc pas les signaler à votre place.',
  'guidance.email.heading': 'Gardez le courriel, puis bloquez l’expéditeur',
  'guidance.email.keep':
    'Ne répondez pas. Conservez le courriel lui-même, pas seulement une capture d’écran : ses en-têtes montrent d’où il vient.',
  'guidance.email.block':
    'Bloquez l’expéditeur et signalez le courriel à votre fournisseur ; s’il est arrivé à une adresse professionnelle, prévenez votre service informatique ou de sécurité.',
  'guidance.phone.heading': 'Notez tout, maintenant',
  'guidance.phone.hang_up':
    'Raccrochez : vous ne devez aucune conversation à cette personne. Notez le numéro, la date et l’heure, et ce qui a été dit, pendant que c’est frais ; gardez les messages vocaux et les textos.',
  'guidance.phone.block':
    'Bloquez le numéro. Signalez les menaces à la police ({police}), et prévenez votre milieu de travail si l’appel y a été reçu.',
  'guidance.complaint.heading': 'N’y répondez pas sans soutien',
  'guidance.complaint.before_reply':
    'Avant de répondre à votre employeur ou à votre ordre professionnel, prévenez votre association et l’Association canadienne de protection médicale (ACPM) ou votre assureur ; pour un conseil juridique : {legal}.',
  'guidance.complaint.keep':
    'Conservez la plainte et chaque lettre ou courriel qui s’y rapporte, et notez toute échéance. Vos collègues peuvent vous écrire en privé pour vous soutenir ; rien n’en est rendu public.',
  'guidance.letter.heading': 'Gardez la lettre et son enveloppe',
  'guidance.letter.photograph':
    'Photographiez la lettre et l’enveloppe (le cachet de la poste la date), puis gardez les deux en les manipulant le moins possible.',
  'guidance.letter.police':
    'Si elle contient des menaces, remettez-la à la police ({police}) plutôt que de la jeter.',
  'guidance.in_person.heading': 'Mettez-vous en sécurité, puis notez tout',
  'guidance.in_person.danger': 'Si vous êtes encore en danger, appelez le {emergency}.',
  'guidance.in_person.write':
    'Notez ce qui s’est passé pendant que c’est frais : quand, où, qui, ce qui a été dit, et qui en a été témoin. Si c’est arrivé au travail, prévenez le service de sécurité de votre milieu de travail.',
  'guidance.other.heading': 'Gardez ce qui montre ce qui s’est passé',
  'guidance.other.keep':
    'Ne répondez pas. Gardez tout ce qui montre ce qui s’est passé, avec les dates et les heures : captures d’écran, messages, notes.',
} as const satisfies CatalogueSection<'guidance'>;
