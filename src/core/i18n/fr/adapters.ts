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
