import type { CatalogueSection } from '../catalogue-types.ts';

/** Les dossiers de preuves (PDF, et les libellés des CSV et JSON), /export, et les messages de la ligne de commande. */
export const evidence = {
  'pack.subject.incident': 'incident {reference}',
  'pack.status.open': 'Ouvert',
  'pack.status.resolved': 'Réglé : {outcome}',
  'pack.reporters.anonymised':
    'Les membres qui ont signalé sont anonymisés (Signalant 1, Signalant 2…) ; un même numéro désigne une même personne dans tout le dossier.',
  'pack.reporters.named':
    'Les membres qui ont signalé sont nommés à la demande du collectif, sauf ceux qui ont demandé l’anonymat et la personne attaquée, qui sont numérotés (Signalant 1, Signalant 2…).',
  'pack.reporter': 'Signalant {number}',
  'pack.members_attacked':
    '{count, plural, =1 {un membre de {collective}} other {# membres de {collective}}}',
  'pack.target_note':
    '{count, plural, =1 {Un membre du collectif, qui n’est pas nommé dans ce dossier.} other {# membres différents du collectif, qui ne sont pas nommés dans ce dossier.}}',
  'pack.actions.none': 'Aucune action consignée.',
  'pack.actions':
    '{supporters, plural, one {# membre a répondu} other {# membres ont répondu}} en soutien ; {reports, plural, one {# membre l’a signalé} other {# membres l’ont signalé}} à la plateforme.',
  'pack.not_downloaded': 'pas encore téléchargé',
  'pack.page.post': 'La publication',
  'pack.page.account': 'La page du compte',
  'pack.gone.removed': 'retirée',
  'pack.gone.login-wall': 'désormais réservée aux utilisateurs connectés',
  'pack.gone.unknown': 'disparue',
  'pack.capture.captured': 'capturée',
  'pack.capture.pending': 'pas encore capturée',
  'pack.capture.failed': 'échec de la capture : {reason}',
  'pack.capture.no_reason': 'aucune raison consignée',
  'pack.screenshot_cell': '{name} ({reporter} ; fichier {platform} {fileId} ; SHA-256 {sha256})',
  'pack.pdf.title': 'Dossier de preuves : {subject}',
  'pack.pdf.subject': 'Attaques en ligne visant {attacked}',
  'pack.pdf.heading': 'DOSSIER DE PREUVES',
  'pack.pdf.intro': 'Attaques en ligne visant {attacked}, d’après le registre Shieldwall du collectif.',
  'pack.pdf.confidential':
    'Confidentiel : ce dossier cite des propos injurieux et contient des renseignements personnels. Conservez-le avec vos autres preuves.',
  'pack.pdf.more_references': '{listed} et {count} autres',
  'pack.pdf.first_reported_on': ', signalé pour la première fois le {day}',
  'pack.pdf.first_reported_between': ', signalés pour la première fois entre le {first} et le {last}',
  'pack.pdf.incidents_value': '{count}{span} : {listed}',
  'pack.pdf.category_count': '{category} ×{count}',
  'pack.pdf.none': 'aucune',
  'pack.pdf.reports_value':
    '{count, plural, one {# signalement} other {# signalements}} par des membres du collectif',
  'pack.pdf.about_incident': 'Incident {reference}',
  'pack.pdf.label.about': 'Objet',
  'pack.pdf.label.incidents': 'Incidents',
  'pack.pdf.label.categories': 'Catégories',
  'pack.pdf.label.reports': 'Signalements',
  'pack.pdf.label.generated': 'Produit le',
  'pack.pdf.label.people_attacked': '{count, plural, =1 {Personne attaquée} other {Personnes attaquées}}',
  'pack.pdf.label.reporters': 'Signalants',
  'pack.pdf.label.how_to_read': 'Comment lire ce dossier',
  'pack.pdf.how_to_read':
    'Les incidents sont en ordre chronologique, du plus ancien au plus récent, chacun sous sa référence (SW- suivi d’un numéro). Les heures sont en UTC, avec l’heure locale du collectif entre parenthèses. « Publication » est le lien sous sa forme canonique ; « Tel que collé » est le lien tel que chaque membre l’a donné. Une attaque sans lien public (message privé, appel, plainte, lettre) indique plutôt « Lieu ». « Date des faits » est ce qu’a dit le membre qui l’a signalée, lorsque ce n’était pas le moment du signalement. Un compte « nommé par un membre » est celui que le membre a désigné ; le lien lui-même ne le disait pas. Les propos sont ceux que chaque membre a consignés en signalant l’attaque, précédés d’un avertissement.',
  'pack.pdf.position': 'Incident {number} sur {count}',
  'pack.pdf.link.post': 'Publication',
  'pack.pdf.link.comment': 'Commentaire',
  'pack.pdf.link.profile': 'Page du compte',
  'pack.pdf.link.email': 'Courriel',
  'pack.pdf.label.platform': 'Plateforme',
  'pack.pdf.label.where': 'Lieu',
  'pack.pdf.label.account': 'Compte',
  'pack.pdf.label.attacker': 'Auteur de l’attaque',
  'pack.pdf.label.category': 'Catégorie',
  'pack.pdf.category_value': '{category} ({hint})',
  'pack.pdf.label.severity': 'Gravité',
  'pack.pdf.label.when': 'Date des faits',
  'pack.pdf.label.first_reported': 'Premier signalement',
  'pack.pdf.label.status': 'État',
  'pack.pdf.status_on': '{status}, le {at}',
  'pack.pdf.label.actions': 'Actions des collègues',
  'pack.pdf.label.screenshots': 'Captures d’écran',
  'pack.pdf.no_screenshots': 'Aucune jointe.',
  'pack.pdf.screenshot': '{name}, jointe par {reporter}\nfichier {platform} {fileId}\nSHA-256 : {sha256}',
  'pack.pdf.reports_heading': 'Signalements ({count})',
  'pack.pdf.severity_heading': '{category} · gravité {severity}',
  'pack.pdf.footer': 'Dossier de preuves : {subject} · {collective}',
  'pack.pdf.generated': 'Produit le {at}',
  'pack.pdf.page': 'Page {page} sur {pages}',
  'pack.pdf.by_name_only': 'Connu du registre par son nom seulement, sans compte.',
  'pack.pdf.reporter_attacked': '{reporter} (le membre attaqué)',
  'pack.pdf.reported_at': 'Signalé le {at}',
  'pack.pdf.as_pasted': 'Tel que collé : {url}',
  'pack.pdf.no_wording': 'Aucun propos n’a été consigné avec ce signalement.',
  'pack.pdf.content_warning':
    'Avertissement : propos injurieux ({category}), cités tels que le membre les a consignés.',
  'pack.pdf.characters_changed':
    '{count, plural, one {# caractère de ces propos ne peut pas être imprimé avec la police de ce PDF ; il est simplifié ou remplacé par « {replacement} »} other {# caractères de ces propos ne peuvent pas être imprimés avec la police de ce PDF ; ils sont simplifiés ou remplacés par « {replacement} »}}. L’export JSON de ce dossier contient le texte exact.',
  'pack.pdf.wording_continued': 'Les propos, suite :',
  'pack.pdf.captures.none': 'Aucune au registre.',
  'pack.pdf.captures.heading': 'Pages capturées ({count})',
  'pack.pdf.label.captured_pages': 'Pages capturées',
  'pack.pdf.label.capture': 'Capture',
  'pack.pdf.label.final_url': 'Adresse finale',
  'pack.pdf.label.http_status': 'Code HTTP',
  'pack.pdf.label.screenshot_hash': 'SHA-256 de la capture',
  'pack.pdf.screenshot_hash': '{sha256}\nPNG, {bytes, plural, one {# octet} other {# octets}}',
  'pack.pdf.label.html_hash': 'SHA-256 du HTML',
  'pack.pdf.html_hash':
    '{sha256}\ntel qu’envoyé par le serveur, {bytes, plural, one {# octet} other {# octets}}',
  'pack.pdf.label.archived': 'Copie archivée',
  'pack.pdf.label.gone': 'Disparue depuis',
  'pack.pdf.gone': '{at} : {why}',
  'pack.pdf.label.still_up': 'Toujours en ligne',
  'pack.pdf.still_up': 'à la dernière vérification, {at}',
  'pack.pdf.shot.post': 'la publication de {reference}',
  'pack.pdf.shot.account': 'la page du compte de {reference}',
  'pack.pdf.shot.too_large':
    'La capture d’écran de {what} n’est pas dans ce PDF (le fichier aurait été trop volumineux) ; le registre la conserve, et le SHA-256 ci-dessus l’identifie.',
  'pack.pdf.shot.continued': 'Capture d’écran de {what}, suite.',
  'pack.pdf.shot.unreadable':
    'La capture d’écran de {what} n’a pas pu être affichée dans ce PDF ; son SHA-256 figure ci-dessus.',
  'pack.pdf.shot.caption': 'Capture d’écran de {what}\nSHA-256 du PNG {sha256}',
  'pack.pdf.occurred_day': '{day} ({timezone} ; heure non précisée)',
  'evidence.subject':
    'Précisez l’objet du dossier : --offender x:SomeTroll (un compte, comme pour /offender) ou --incident SW-12 (un incident), mais pas les deux.',
  'evidence.format':
    '« {format} » n’est pas un format que je sais produire. Utilisez --format pdf (à imprimer ou à envoyer), json (pour des systèmes) ou csv (pour un tableur).',
  'evidence.out': '--out demande un nom de fichier, par exemple --out preuves.pdf.',
  'evidence.incident':
    '« {text} » n’est pas une référence d’incident. Donnez-la comme le bot l’affiche, par exemple --incident SW-12.',
  'evidence.lang':
    '« {typed} » n’est pas une langue dans laquelle je peux produire un dossier. Utilisez --lang fr pour le français ou --lang en pour l’anglais.',
  'evidence.no_offender':
    'Le registre n’a aucun compte correspondant à « {typed} ». Vérifiez l’orthographe, ou précisez la plateforme (x:nom) ou un lien vers le compte, comme pour /offender.',
  'evidence.ambiguous_offender':
    '« {typed} » correspond à {count} comptes ; un dossier porte sur un seul. Précisez lequel : {names}.',
  'evidence.no_incidents':
    '{account} est connu du registre, mais aucun incident n’y figure encore : il n’y a rien à exporter.',
  'evidence.unknown_incident':
    'Il n’y a pas d’incident {reference} dans le registre. La référence (SW- suivi d’un numéro) figure dans la réponse du bot à /flag, sur la fiche de l’incident et dans /offender.',
  'evidence.chat.need_about': 'Précisez l’objet du dossier : SW-12, ou un compte comme x:sometroll.',
  'evidence.chat.bad_format': 'Le format est pdf, json ou csv.',
  'evidence.chat.usage': 'Précisez l’objet du dossier : /export SW-12, ou /export x:sometroll.',
  'evidence.chat.unknown_word':
    'Je ne comprends pas « {word} » ici. Indiquez pdf, json ou csv, et reveal pour nommer les signalants.',
  'evidence.chat.unavailable':
    'Les dossiers de preuves ne sont pas offerts ici ; utilisez npx shieldwall export.',
  'evidence.chat.sent':
    'Le dossier de preuves sur {about} ({count, plural, one {# incident} other {# incidents}}, {format}) vous est envoyé en privé.',
  'evidence.chat.sha256':
    'SHA-256 {sha256} : la personne qui le reçoit peut vérifier qu’il s’agit exactement de ce fichier.',
  'evidence.chat.named': 'Les signalants sont nommés, sauf ceux qui ont demandé l’anonymat.',
  'evidence.chat.anonymised': 'Les signalants sont anonymisés.',
  'evidence.chat.target':
    'La personne attaquée n’est jamais nommée. Le dossier cite des propos injurieux ; conservez-le avec vos autres preuves.',
  'evidence.chat.file': 'Dossier de preuves sur {about}',
  'evidence.folder':
    'Le dossier {folder} n’existe pas ; créez-le ou choisissez un autre emplacement avec --out.',
  'evidence.out_is_folder': '{out} est un dossier ; donnez à --out un nom de fichier, par exemple {example}.',
  'evidence.taken': '{name} et {copies} copies numérotées existent déjà ; choisissez un nom avec --out.',
  'cli.export.written':
    'Dossier de preuves sur {about} enregistré ({count, plural, one {# incident} other {# incidents}}, {format}).',
  'cli.digest.bad_format': '--format accepte markdown ou json.',
  'cli.collective.unknown': 'Aucun collectif ne s’appelle « {named} » ici. Les collectifs : {ids}.',
  'cli.collective.which':
    'Ce déploiement sert plusieurs collectifs : nommez-en un avec --collective ({ids}).',
  'cli.help.collective':
    'le collectif, par son identifiant dans SHIELDWALL_CONFIG (requis s’il y en a plusieurs)',
  'cli.purge.days': '{flag} demande un nombre entier de jours, par exemple 365.',
  'cli.purge.how_old':
    'Précisez l’ancienneté : {flag} 365 (un nombre entier de jours), ou définissez RETENTION_DAYS.',
  'cli.purge.resolved':
    'Données personnelles effacées : {count, plural, one {# incident réglé} other {# incidents réglés}} depuis plus de {days} jours.',
  'cli.purge.idle':
    'Fermés et effacés : {count, plural, one {# incident resté ouvert} other {# incidents restés ouverts}} sans activité depuis {days} jours.',
  'cli.purge.kept':
    'Les auteurs d’attaques et leurs décomptes sont conservés. Le bot redessine leurs fiches dans les canaux d’incidents, sans les détails, à sa prochaine passe de conservation (au démarrage et chaque nuit, si RETENTION_DAYS est défini).',
  'cli.pseudonym_key.accepted':
    'Le registre utilise désormais la nouvelle clé de pseudonymes. Les incidents effacés plus tôt gardent des pseudonymes faits avec la clé perdue : un membre attaqué avant et après est compté deux fois parmi les « membres attaqués ». Gardez la nouvelle clé en lieu sûr, à part des sauvegardes du registre.',
  'cli.migrate.done': 'Le registre {kind, select, embedded {intégré} other {sur serveur}} est à jour.',
  'cli.stopped': 'Shieldwall s’est arrêté : {reason}',
  'cli.discord.needs_token': 'discord:register demande DISCORD_TOKEN et DISCORD_APPLICATION_ID.',
  'cli.discord.bad_guild':
    '--guild demande l’identifiant d’un serveur (un long nombre ; copiez-le avec le mode développeur activé).',
  'cli.discord.registered_guild': '{commands} enregistrées dans le serveur {guild}.',
  'cli.discord.registered_global':
    '{commands} enregistrées pour tous les serveurs (leur apparition peut prendre jusqu’à une heure).',
  'cli.help.program':
    'Signaler les attaques visant les professionnels de la santé, mobiliser les collègues et tenir un registre commun des auteurs d’attaques.',
  'cli.help.start': 'lancer le bot (dans le terminal, sauf si Slack ou Discord sont configurés)',
  'cli.help.discord_register':
    'enregistrer les commandes auprès de Discord, à partir du même répertoire de commandes que le bot',
  'cli.help.guild': 'enregistrer dans un seul serveur (visibles tout de suite)',
  'cli.help.migrate': 'appliquer les migrations de la base de données (dossier migrations/) puis quitter',
  'cli.help.digest':
    'afficher le bilan hebdomadaire (la dernière semaine complète, sauf si --week est précisé)',
  'cli.help.digest.week': 'semaine ISO, par exemple 2026-W47',
  'cli.help.digest.format': 'markdown ou json',
  'cli.help.export':
    'produire un dossier de preuves sur un auteur d’attaques ou un incident (PDF, JSON ou CSV) et afficher son SHA-256',
  'cli.help.export.offender': 'un compte, comme pour /offender : x:SomeTroll, SomeTroll ou un lien',
  'cli.help.export.incident': 'un incident, par exemple SW-12',
  'cli.help.export.format': 'pdf, json ou csv',
  'cli.help.export.out': 'où l’enregistrer (par défaut : shieldwall-evidence-<objet>-<jour>.<format> ici)',
  'cli.help.export.reveal': 'nommer les signalants (par défaut : Signalant 1, Signalant 2…)',
  'cli.help.export.lang': 'la langue du dossier : en ou fr (par défaut : SHIELDWALL_LANGUAGE)',
  'cli.help.export.after': 'La personne attaquée n’est jamais nommée dans un dossier. Exemples :',
  'cli.help.purge':
    'effacer les données personnelles des incidents réglés depuis plus de N jours (par défaut : RETENTION_DAYS), et fermer puis effacer les incidents ouverts sans activité depuis M jours (par défaut : RETENTION_IDLE_DAYS, sinon RETENTION_DAYS)',
  'cli.help.purge.older': 'jours depuis le règlement de l’incident',
  'cli.help.purge.idle': 'jours sans activité pour un incident ouvert',
  'cli.help.pseudonym_key':
    'faire accepter au registre une nouvelle clé de pseudonymes, quand l’ancienne est perdue pour de bon (voir le README)',
  'cli.help.pseudonym_key.lost': 'confirmer que l’ancienne clé est introuvable',
  'cli.help.title_usage': 'Syntaxe :',
  'cli.help.title_options': 'Options :',
  'cli.help.title_commands': 'Commandes :',
  'cli.help.title_arguments': 'Arguments :',
  'cli.help.default': '(par défaut : {value})',
  'cli.help.help_option': 'afficher l’aide de la commande',
  'cli.help.help_command': 'afficher l’aide d’une commande',
} as const satisfies CatalogueSection<'evidence'>;
