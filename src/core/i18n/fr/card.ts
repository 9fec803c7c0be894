import type { CatalogueSection } from '../catalogue-types.ts';

/** La fiche d’incident, les réponses à ses boutons, la page d’accueil du membre et la confidentialité du canal. */
export const card = {
  'card.title': '{reference} · {category} · gravité {severity}',
  'card.title_resolved': 'Résolu : {reference} · {category} · gravité {severity}',
  'card.summary_post':
    '{reference} : {category} sur {place}, gravité {severity}{status, select, resolved {, résolu} other {}}.',
  'card.summary_place':
    '{reference} : {category} ({place}), gravité {severity}{status, select, resolved {, résolu} other {}}.',
  'card.happened': 'Date des faits : {when}',
  'card.attacked': 'Personne attaquée : {target}',
  'card.flagged_by': 'Signalé par {reporters}',
  'card.flagged_by_at': 'Signalé par {reporters} · {at}',
  'card.wants': '{target} souhaite : {wants}',
  'card.wants_unnamed': 'La personne attaquée souhaite : {wants}',
  'card.not_decided': 'pas encore décidé',
  'card.reporters.one_unnamed': 'un membre',
  'card.reporters.unnamed': '{count, plural, one {# membre} other {# membres}}',
  'card.reporters.and_others': '{names} et {rest, plural, one {# autre membre} other {# autres membres}}',
  'card.the_person_attacked': 'la personne attaquée',
  'card.waiting_heading': 'Réponse attendue : {target}',
  'card.being_asked':
    'Nous demandons en privé à {target} ce que ses collègues devraient faire. Merci de ne rien répondre ni signaler avant sa décision.',
  'card.being_asked_until':
    'Nous demandons en privé à {target} ce que ses collègues devraient faire (jusqu’au {until}). Merci de ne rien répondre ni signaler avant sa décision.',
  'card.never_reply': 'Ne répondez jamais à l’agresseur, ne le citez pas et ne l’identifiez pas.',
  'card.documented_heading': 'Consigné seulement',
  'card.defaulted':
    'Faute de réponse de {target} à temps, l’incident est seulement consigné : merci de ne rien répondre ni signaler.',
  'card.safety_first':
    'La sécurité passe avant tout : si vous croyez que {target} est en danger immédiat, appelez le {emergency}.',
  'card.reply_on_post': 'Répondez en soutien sous la publication de {target} elle-même : {url}',
  'card.reply_on_recent':
    'Répondez en soutien sous les publications récentes de {target}, pas sous l’attaque.',
  'card.private_support':
    '{target} souhaite un soutien en privé : envoyez-lui un message privé bienveillant. Rien en public, s’il vous plaît.',
  'card.document_only':
    '{target} a demandé que l’incident soit seulement consigné : merci de ne rien répondre ni signaler. Il figure au registre.',
  'card.never_reply_feeds':
    'Ne répondez jamais à l’agresseur, ne le citez pas et ne l’identifiez pas : cela l’encourage et diffuse la publication.',
  'card.report_post': 'Signalez la publication : {url}',
  'card.report_comment': 'Signalez le commentaire : {url}',
  'card.policy': 'Règlement : {url}',
  'card.what_to_do': 'Que faire',
  'card.resolved_heading': 'Résolu',
  'card.resolved_by_target': '{outcome} (consigné par la personne attaquée, {at}).',
  'card.resolved_by_lead': '{outcome} (consigné par une ou un responsable, {at}).',
  'card.thanks_all': 'Merci à toutes les personnes qui ont répondu présent.',
  'card.so_far': 'Jusqu’ici',
  'card.count.alerted': '{count, plural, one {# personne alertée} other {# personnes alertées}}',
  'card.count.on_it': '{count, plural, one {# s’en occupe} other {# s’en occupent}}',
  'card.count.supported': '{count, plural, one {# réponse de soutien} other {# réponses de soutien}}',
  'card.count.reached_out':
    '{count, plural, one {# message privé de soutien} other {# messages privés de soutien}}',
  'card.count.reported':
    '{count, plural, one {# signalement à la plateforme} other {# signalements à la plateforme}}',
  'card.count.flagged':
    '{count, plural, one {# personne l’a signalé ici} other {# personnes l’ont signalé ici}}',
  'card.no_wording':
    'Les propos exacts n’ont pas encore été fournis ; la prochaine personne qui signalera l’incident pourra les ajouter.',
  'card.wording_private':
    'Les propos contiennent les renseignements personnels divulgués : seules la personne attaquée et les responsables peuvent les lire (Afficher les propos, en privé).',
  'card.wording_hidden':
    'Les propos n’apparaissent pas sur cette fiche : appuyez sur Afficher les propos pour les lire en privé.',
  'card.screenshots':
    '{count, plural, one {# capture d’écran conservée au dossier.} other {# captures d’écran conservées au dossier.}}',
  'card.button.supported': 'J’ai répondu en soutien',
  'card.button.reached_out': 'J’ai écrit en privé',
  'card.button.reported': 'Je l’ai signalé',
  'card.button.wording': 'Afficher les propos',
  'card.button.wording_private': 'Afficher les propos (personne attaquée, responsables)',
  'card.button.resolve': 'Résoudre',
  'card.purged.title': 'Résolu : {reference} · {category}',
  'card.purged.summary':
    '{reference} : résolu ; ses détails ont été supprimés selon la politique de conservation.',
  'card.purged.heading': 'Détails supprimés',
  'card.purged.removed':
    'Les détails de {reference} ont été supprimés selon la politique de conservation de {collective} : la personne attaquée, les personnes qui l’ont signalé, les liens et les propos.',
  'card.purged.outcome': 'Issue : {outcome}.',
  'card.purged.still_counts': 'L’incident compte toujours dans le dossier de l’agresseur.',
  'desk.not_found':
    'Je ne trouve pas {reference} dans le registre. Une ou un responsable l’a peut-être supprimé.',
  'desk.resolve_refused':
    'Seule la personne dont la publication a été attaquée, ou une ou un responsable, peut résoudre {reference}.',
  'desk.wording_refused':
    'Les propos de {reference} restent privés : dans une divulgation de données personnelles, ils contiennent les renseignements exposés, donc seules la personne attaquée et les responsables peuvent les lire. Merci de veiller sur elle ; la fiche indique ce qu’elle souhaite de ses collègues.',
  'desk.own_post':
    'Cet incident concerne votre propre publication : restez à l’écart des réponses, vos collègues répondront pour vous. Bloquez ou masquez le compte, et éloignez-vous de l’écran si vous le pouvez.',
  'desk.not_asked':
    'La personne attaquée n’a pas demandé cela pour {reference} ; merci de suivre ce que la fiche demande.',
  'desk.resolved': '{reference} est résolu : {outcome}.',
  'desk.resolved_stays': 'L’incident reste au registre et compte dans le dossier du compte.',
  'desk.already_resolved': '{reference} est déjà résolu : {outcome}.',
  'desk.flagged_by_heading': 'Signalé par (visible des responsables seulement)',
  'desk.flagged_by_line': '{name}, {at}',
  'desk.flagged_by_line_anonymous': '{name} (anonyme dans le canal), {at}',
  'desk.no_wording': 'Les propos exacts n’ont pas encore été fournis pour {reference}.',
  'desk.content_warning':
    'Avertissement : les propos injurieux signalés pour {reference}. Personne d’autre que vous ne peut les voir.',
  'desk.export_lead': 'Exportez le tout comme dossier de preuves : /export {reference}.',
  'desk.export_member':
    'Une ou un responsable peut exporter le tout comme dossier de preuves (/export {reference}).',
  'desk.reported_at': 'Signalé le {at}',
  'desk.reported_at_by': 'Signalé le {at} par {name}',
  'desk.reported_at_by_anonymous': 'Signalé le {at} par {name} (anonyme dans le canal)',
  'desk.support_counted': 'Votre soutien est compté pour {reference}. Merci d’avoir répondu présent.',
  'desk.report_counted': 'Votre signalement est compté pour {reference}. Merci d’avoir répondu présent.',
  'desk.already': 'Vous me l’avez déjà dit pour {reference}. Merci.',
  'desk.resolved_already': '{reference} est déjà résolu ; merci quand même.',
  'home.title': 'Shieldwall pour {collective}',
  'home.your_incidents': 'Vos incidents',
  'home.none':
    'Rien n’a été signalé par vous ni à votre sujet. Utilisez /flag quand vous voyez une attaque contre vous ou une ou un collègue.',
  'home.rally_alerts': 'Alertes de mobilisation',
  'home.responder_on': 'Vous recevez les alertes de mobilisation sur {platforms}. /responder off les arrête.',
  'home.responder_everywhere':
    'Vous recevez les alertes de mobilisation sur toutes les plateformes. /responder off les arrête.',
  'home.not_responder':
    'Vous ne recevez pas les alertes de mobilisation. Tapez /responder on x instagram (vos plateformes) pour en recevoir quand quelqu’un du collectif est attaqué.',
  'home.for_leads': 'Cette semaine, pour les responsables',
  'home.incident_open':
    '{reference} · {category} · ouvert · {role, select, target {à votre sujet} other {signalé par vous}}, {day}',
  'home.incident_resolved':
    '{reference} · {category} · résolu : {outcome} · {role, select, target {à votre sujet} other {signalé par vous}}, {day}',
  'privacy.not_private.title': 'Le canal des incidents n’est plus privé : Shieldwall a cessé d’y publier',
  'privacy.not_private.why': 'Des personnes extérieures au collectif pourraient le voir : {why}.',
  'privacy.not_private.meanwhile':
    'Plus rien de nouveau sur les incidents n’y est affiché. Les signalements sont toujours enregistrés, et la personne qui signale est informée en privé que sa fiche n’a pas été publiée.',
  'privacy.not_private.fix_heading': 'Comment corriger la situation',
  'privacy.not_private.fix': '{fix}. Les fiches y seront de nouveau publiées dès que le canal sera privé.',
  'privacy.private_again.title':
    'Le canal des incidents est de nouveau privé : Shieldwall y publie de nouveau',
  'privacy.private_again.saved':
    'Les incidents signalés pendant qu’il n’était pas privé sont enregistrés, mais n’ont pas de fiche dans le canal. Merci d’avoir corrigé la situation.',
  'privacy.withheld.heading': 'Non affiché dans le canal des incidents',
  'privacy.withheld.not_private':
    'C’est enregistré. Le canal des incidents n’est plus privé, alors je ne l’y ai pas affiché ; les responsables ont été invités à rendre le canal privé de nouveau.',
  'privacy.withheld.unknown':
    'C’est enregistré. Je n’ai pas pu confirmer à l’instant que le canal des incidents est toujours privé, alors je ne l’y ai pas affiché.',
} as const satisfies CatalogueSection<'card'>;
