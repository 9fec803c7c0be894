import type { CatalogueSection } from '../catalogue-types.ts';

/** Le bilan hebdomadaire des responsables, son graphique, et les mots de lieu que les dossiers de preuves partagent. */
export const digest = {
  'digest.title':
    'Bilan de la semaine {week} (du {from} au {to}) : {count, plural, one {# incident} other {# incidents}}.',
  'digest.week_before':
    'Semaine précédente ({week}) : {count, plural, one {# incident} other {# incidents}} ({change}).',
  'digest.change.same': 'comme la semaine précédente',
  'digest.change.delta': '{delta} par rapport à la semaine précédente',
  'digest.compared': '{label} : {count} ({change})',
  'digest.none': 'Aucun.',
  'digest.heading.category': 'Par catégorie',
  'digest.heading.platform': 'Par plateforme',
  'digest.heading.severity': 'Par gravité',
  'digest.heading.offenders':
    'Récidivistes ({minIncidents} incidents ou plus visant {minTargets} membres ou plus en {days} jours)',
  'digest.offender.steady':
    '{name} : {incidents, plural, one {# incident} other {# incidents}} visant {targets, plural, one {# membre} other {# membres}}, dont {thisWeek} cette semaine',
  'digest.offender.new':
    '{name} : {incidents, plural, one {# incident} other {# incidents}} visant {targets, plural, one {# membre} other {# membres}}, dont {thisWeek} cette semaine (nouveau cette semaine)',
  'digest.offender.escalating':
    '{name} : {incidents, plural, one {# incident} other {# incidents}} visant {targets, plural, one {# membre} other {# membres}}, dont {thisWeek} cette semaine (en hausse : {lastWeek} la semaine précédente)',
  'digest.offender.elsewhere':
    '{line} · aussi signalé par {collectives, plural, one {# autre collectif} other {# autres collectifs}} ({incidents, plural, one {# incident} other {# incidents}} en tout)',
  'digest.offender.partly_named': '{name} (nommé par un membre dans {named} incidents sur {incidents})',
  'digest.heading.open_critical': 'Incidents critiques toujours ouverts',
  'digest.open_critical.place': '{reference} · {category} · {place} · ouvert depuis {age}',
  'digest.open_critical.platform': '{reference} · {category} sur {platform} · ouvert depuis {age}',
  'digest.age.hours': '{count, plural, one {# heure} other {# heures}}',
  'digest.age.days': '{count, plural, one {# jour} other {# jours}}',
  'digest.heading.still_up': 'Signalés et toujours en ligne une semaine plus tard',
  'digest.still_up':
    '{reference} · {category} sur {platform} · toujours en ligne le {day} · signalé par {reports}',
  'digest.still_up.advice':
    'La plateforme n’a rien fait : faites remonter le dossier avec un dossier de preuves (/export SW-12 pour l’incident SW-12).',
  'digest.heading.rally': 'Mobilisation',
  'digest.rally.supported':
    'Incidents ayant reçu des réponses de soutien : {supported} sur {total} ; {supporters, plural, one {# réponse} other {# réponses}} de soutien et {reports, plural, one {# signalement fait} other {# signalements faits}}.',
  'digest.rally.no_median':
    'Aucune réponse de soutien pour l’instant, donc aucun délai avant le premier soutien.',
  'digest.rally.median':
    'Délai médian avant la première réponse de soutien : {minutes, plural, one {# minute} other {# minutes}}.',
  'digest.rally.three_in_an_hour':
    'Incidents ayant reçu 3 soutiens ou plus en moins d’une heure : {count} sur {total}.',
  'digest.heading.outcomes': 'Suites données par les plateformes (incidents réglés cette semaine)',
  'digest.outcomes.none': 'Aucun incident réglé cette semaine.',
  'digest.outcome': '{outcome} : {count}',
  'chart.title': 'Incidents par semaine, par catégorie',
  'chart.axis.incidents': 'Incidents',
  'chart.description': 'Incidents par semaine et par catégorie, les 12 semaines jusqu’à {week}',
} as const satisfies CatalogueSection<'digest'>;
