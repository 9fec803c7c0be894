import type { CatalogueSection } from '../catalogue-types.ts';

/** Ce que disent la couche de service et l’adaptateur de chaque plateforme : refus, cadres des formulaires, terminal. */
export const adapters = {
  'serve.not_member':
    'Désolé, Shieldwall est réservé aux membres du canal privé des incidents du collectif. Si vous devriez en faire partie, demandez à l’un des responsables de l’association de vous y ajouter.',
  'serve.form_unknown': 'Je ne reconnais plus ce formulaire ; rien n’a été enregistré. Veuillez recommencer.',
  'serve.form_too_long':
    '{field}, tel que vous l’avez tapé (vous seul le voyez) : {length} caractères, alors que le formulaire en accepte {max}. Copiez l’essentiel, puis raccourcissez le texte dans le formulaire.',
  'serve.form_invalid':
    'Rien n’a encore été enregistré : corrigez ce qui est indiqué ici, puis renvoyez le formulaire.',
  'serve.form_problem': '{field} : {problem}',
  'serve.form_gone':
    'Je n’ai plus ce formulaire (les formulaires sont gardés 15 minutes et ne s’ouvrent qu’une fois). Rien n’a été enregistré : recommencez avec /{command}.',
  'serve.stopping':
    'Shieldwall redémarre en ce moment : rien n’a été enregistré ni modifié. Réessayez dans une minute.',
  'serve.no_file_named':
    'Je ne peux pas envoyer de fichiers ici : {filename} n’a donc pas été envoyé. Un responsable peut produire le même dossier avec `npx shieldwall export` sur le serveur.',
  'serve.no_file':
    'Je ne peux pas envoyer de fichiers ici : le fichier n’a donc pas été envoyé. Un responsable peut produire le même dossier avec `npx shieldwall export` sur le serveur.',
  'serve.button_unknown': 'Je ne reconnais plus ce bouton ; rien n’a été modifié.',
  'discord.resolve_question': 'Comment {reference} s’est-il terminé ?',
  'discord.change_answers': 'Modifier mes réponses',
  'discord.choose_outcome': 'Choisissez l’issue',
  'discord.target_not_member':
    'Choisissez un collègue qui fait partie du canal des incidents : la personne attaquée doit être membre.',
  'slack.resolve_title': 'Clore {reference}',
  'slack.resolve_submit': 'Clore',
  'slack.cancel': 'Annuler',
  'slack.resolve_question': 'Comment cela s’est-il terminé ?',
  'slack.choose_outcome': 'Choisissez comment cela s’est terminé.',
  'slack.target_not_member':
    'Choisissez un collègue du canal des incidents : la personne attaquée doit être membre.',
  'slack.workspace_not_served':
    'Shieldwall n’est pas encore configuré pour cet espace de travail : rien n’a été enregistré. Si votre collectif veut l’utiliser ici, demandez à la personne qui gère votre Shieldwall d’ajouter cet espace de travail.',
  'slack.workspace_not_set_up':
    'Shieldwall n’est pas encore configuré pour cet espace de travail : rien n’a été enregistré. La personne qui l’a installé ici peut terminer en tapant /setup dans le canal privé des incidents de votre collectif.',
  'slack.setup.no_installs':
    'Ce Shieldwall n’est pas prévu pour que les espaces de travail l’installent eux-mêmes : /setup ne change donc rien ici. Adressez-vous à la personne qui gère votre Shieldwall.',
  'slack.setup.configured_on_server':
    'Cet espace de travail est configuré sur le serveur, pas dans la discussion : /setup ne change donc rien ici. Demandez à la personne qui gère votre Shieldwall de modifier sa configuration.',
  'slack.setup.not_installed':
    'Shieldwall n’a pas été installé dans cet espace de travail avec « Ajouter à Slack » : il n’y a donc encore rien à configurer ici. Demandez le lien d’installation à la personne qui gère votre Shieldwall.',
  'slack.setup.only_installer':
    'Seule la personne qui a installé Shieldwall dans cet espace de travail peut le configurer : rien n’a été modifié. Demandez-lui de taper /setup dans le canal privé des incidents de votre collectif.',
  'slack.setup.only_leads':
    'Seuls les responsables du collectif, ou la personne qui a installé Shieldwall, peuvent modifier sa configuration : rien n’a été modifié.',
  'slack.setup.first_in_channel':
    'Shieldwall n’est pas encore configuré ici : rien n’a été modifié. Tapez d’abord /setup seul dans le canal privé des incidents de votre collectif ; le reste pourra être modifié ensuite.',
  'slack.setup.not_in_dm':
    'Tapez /setup dans un canal, pas dans un message direct : la commande règle le canal où vous la tapez. Rien n’a été modifié.',
  'slack.setup.invite_bot':
    'Je ne vois pas encore ce canal : rien n’a été modifié. Invitez-moi d’abord en tapant /invite @Shieldwall ici, puis refaites /setup.',
  'slack.setup.channel_unchecked':
    'Slack ne m’a pas dit si ce canal est privé ({code}) : rien n’a été modifié. Réessayez dans une minute.',
  'slack.setup.channel_not_private':
    'Ce canal ne peut pas recevoir les incidents, rien n’a donc été modifié : {why}. Les détails des incidents doivent rester entre les membres du collectif. {fix}, ou créez un canal privé, invitez-moi avec /invite @Shieldwall et tapez /setup dans ce canal.',
  'slack.setup.leads_channel_is_incidents':
    'Le canal des responsables doit être un canal privé distinct, pas celui des incidents. Rien n’a été modifié.',
  'slack.setup.already_incident_channel':
    'C’est déjà le canal des incidents : rien n’a été modifié. Pour en changer, tapez /setup channel dans le nouveau canal privé.',
  'slack.setup.problem.unknown':
    'Je ne connais pas ce réglage : rien n’a été modifié. Réglages possibles : {usage}',
  'slack.setup.problem.name':
    'Le nom doit tenir sur une ligne, de 1 à 80 caractères, sans mention, par exemple /setup name Médecins de l’Ontario. Rien n’a été modifié.',
  'slack.setup.problem.leads':
    'Désignez les responsables en les mentionnant, par exemple /setup leads @Ana @Lee : au moins une personne, au plus 20, et la liste remplace l’actuelle. Rien n’a été modifié.',
  'slack.setup.problem.leads-channel':
    'Tapez /setup leads-channel seul dans le canal privé des responsables, ou /setup leads-channel none pour n’en avoir aucun. Rien n’a été modifié.',
  'slack.setup.problem.language':
    'La langue est en (anglais) ou fr (français), par exemple /setup language fr. Rien n’a été modifié.',
  'slack.setup.problem.timezone':
    'Je ne connais pas ce fuseau horaire. Donnez son nom complet, par exemple /setup timezone America/Toronto ou Europe/Paris. Rien n’a été modifié.',
  'slack.setup.problem.share':
    'Le partage est on (oui) ou off (non), par exemple /setup share off. Rien n’a été modifié.',
  'slack.setup.usage':
    '/setup name <nom> · /setup leads @quelqu’un … · /setup leads-channel (dans le canal des responsables) · /setup channel (dans le nouveau canal des incidents) · /setup language en|fr · /setup timezone America/Toronto · /setup share on|off',
  'slack.setup.done':
    'Shieldwall est configuré : ce canal est désormais le canal des incidents de {name}, et vous en êtes la première personne responsable. Ses membres sont les personnes présentes dans ce canal.',
  'slack.setup.saved': 'C’est enregistré. Désormais :',
  'slack.setup.current': 'Configuration de Shieldwall dans cet espace de travail :',
  'slack.setup.summary_name': 'Collectif : {name}',
  'slack.setup.summary_channel': 'Canal des incidents : {channel}',
  'slack.setup.summary_leads_channel': 'Canal des responsables : {channel}',
  'slack.setup.summary_no_leads_channel':
    'Canal des responsables : aucun (tapez /setup leads-channel dans ce canal pour le désigner)',
  'slack.setup.summary_leads': 'Responsables : {leads}',
  'slack.setup.summary_language': 'Langue : {language} ; fuseau horaire : {timezone}',
  'slack.setup.summary_sharing_on': 'Signaux sur les agresseurs partagés avec les autres collectifs : oui',
  'slack.setup.summary_sharing_off': 'Signaux sur les agresseurs partagés avec les autres collectifs : non',
  'slack.setup.trust_shared':
    'Ce qui est partagé : seulement le nombre d’incidents de chaque compte agresseur ; jamais qui a été attaqué, ce qui a été dit, ni aucun membre.',
  'slack.setup.trust_opt_out': 'Pour ne plus partager : /setup share off',
  'slack.setup.trust_opt_in':
    'Rien n’est partagé pour l’instant ; pour partager de nouveau : /setup share on',
  'slack.setup.change_with': 'Pour modifier : {usage}',
  'slack.setup.connect_failed':
    'La configuration est enregistrée, mais je n’ai pas pu servir cet espace de travail avec elle ({reason}). Vérifiez les canaux, puis refaites /setup.',
  'slack.setup.failed':
    'Un problème est survenu : la configuration n’est peut-être pas enregistrée. Réessayez dans une minute ; si cela continue, prévenez la personne qui gère votre Shieldwall.',
  'slack.install.done_in': 'Shieldwall est installé dans {workspace}',
  'slack.install.done': 'Shieldwall est installé',
  'slack.install.next': 'Il reste deux étapes, dans Slack :',
  'slack.install.step_invite':
    'Créez un canal privé pour les incidents de votre collectif (ou ouvrez celui que vous avez déjà), puis invitez-y Shieldwall en tapant /invite @Shieldwall dans ce canal.',
  'slack.install.step_setup':
    'Dans ce canal, tapez /setup. Il devient le canal des incidents, vous en devenez la première personne responsable, et Shieldwall vous répond avec ce qu’il a réglé et comment le modifier.',
  'slack.install.later': 'Vous pouvez maintenant fermer cette page.',
  'slack.install.failed': 'Shieldwall n’a pas été installé',
  'slack.install.failed_state':
    'Ce lien d’installation a expiré, ou a été ouvert dans un autre navigateur (un lien dure 10 minutes, dans le navigateur qui l’a ouvert). Recommencez à partir du lien d’installation.',
  'slack.install.failed_cancelled':
    'L’installation a été annulée dans Slack. Vous pourrez l’installer plus tard à partir du même lien.',
  'slack.install.failed_other':
    'Slack n’a pas terminé l’installation. Réessayez dans quelques minutes ; si cela continue, prévenez la personne qui gère votre Shieldwall.',
  'slack.install.nothing_changed': 'Rien n’a été modifié dans votre espace de travail.',
  'terminal.banner_embedded':
    'Shieldwall fonctionne dans ce terminal ; le registre est la base PostgreSQL intégrée, dans {folder}.',
  'terminal.banner_server':
    'Shieldwall fonctionne dans ce terminal ; le registre est le serveur PostgreSQL indiqué par DATABASE_URL.',
  'terminal.banner_how':
    'Vous êtes « guest », membre. /as <nom> change de membre, /as <nom> lead agit comme responsable, /help liste les commandes, /quit pour quitter. /language en pour l’anglais.',
  'terminal.banner_capture_off':
    'La capture des pages est désactivée ({reason}) : les membres doivent faire une capture d’écran de ce qu’ils signalent.',
  'terminal.help_heading': 'Dans ce terminal',
  'terminal.help_flag':
    '/flag seul demande, une question à la fois, le lien, la catégorie, ce que souhaite la personne attaquée et les propos tenus.',
  'terminal.help_as':
    '/as <nom> agit comme un autre membre ; /as <nom> lead comme un responsable de l’association.',
  'terminal.help_press': '/press <bouton> appuie sur un bouton d’un message privé (indiqué sous celui-ci).',
  'terminal.help_quit': '/quit (ou Ctrl-D) pour quitter ; tout reste dans le registre.',
  'terminal.slash_first': 'Les commandes commencent par une barre oblique. Tapez /help pour les voir.',
  'terminal.now_member': 'Vous êtes maintenant {name}, membre.',
  'terminal.now_lead': 'Vous êtes maintenant {name}, responsable.',
  'terminal.prompt_lead': '{name} (responsable)> ',
  'terminal.cancelled': 'Annulé ; rien n’a été enregistré.',
  'terminal.saved': 'Enregistré sous {file} dans {folder} (lisible par vous seul).',
  'terminal.not_saved': 'Le fichier n’a pas été enregistré : {reason}',
  'terminal.private_message': '✉ Message privé pour {who} (/as {who} pour y répondre) :',
  'terminal.as_usage':
    'Tapez /as <nom> pour agir comme un membre, ou /as <nom> lead pour agir comme un responsable.',
  'terminal.as_pronoun':
    'Choisissez un nom plutôt que « moi » ou « vous » : vos collègues le liront, par exemple alice ou dr.chen.',
  'terminal.as_name':
    'Un nom est un seul mot d’au plus 32 lettres ou chiffres, par exemple alice ou dr.chen.',
  'slack.privacy.public_why': 'c’est un canal public, ouvert à tout l’espace de travail',
  'slack.privacy.public_fix':
    'Dans Slack, ouvrez les paramètres du canal et choisissez « Convertir en canal privé »',
  'slack.privacy.shared_why':
    'il est partagé avec une autre organisation ou un autre espace de travail (Slack Connect), ou une invitation à le partager est en attente',
  'slack.privacy.shared_fix':
    'Dans Slack, ouvrez les paramètres du canal et cessez de le partager avec les autres organisations (ou annulez l’invitation en attente)',
  'discord.privacy.everyone_why': 'tout le monde sur le serveur (@everyone) peut le voir',
  'discord.privacy.everyone_fix':
    'Dans Discord, ouvrez les paramètres du canal → Permissions et refusez « Voir le salon » à @everyone (en le laissant permis au rôle de vos membres et au bot)',
} as const satisfies CatalogueSection<'adapters'>;
