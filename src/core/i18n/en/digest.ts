/** The leads' weekly digest and its chart, and the place words evidence packs share with it. */
export const digest = {
  'digest.title':
    'Digest for {week} ({from} to {to}): {count, plural, one {# incident} other {# incidents}}.',
  'digest.week_before':
    'The week before ({week}): {count, plural, one {# incident} other {# incidents}} ({change}).',
  'digest.change.same': 'same as the week before',
  'digest.change.delta': '{delta} on the week before',
  'digest.compared': '{label}: {count} ({change})',
  'digest.none': 'None.',
  'digest.heading.category': 'By category',
  'digest.heading.platform': 'By platform',
  'digest.heading.severity': 'By severity',
  'digest.heading.offenders':
    'Frequent offenders ({minIncidents}+ incidents against {minTargets}+ members in {days} days)',
  'digest.offender.steady':
    '{name}: {incidents, plural, other {# incidents}} against {targets, plural, other {# members}}, {thisWeek} this week',
  'digest.offender.new':
    '{name}: {incidents, plural, other {# incidents}} against {targets, plural, other {# members}}, {thisWeek} this week (new this week)',
  'digest.offender.escalating':
    '{name}: {incidents, plural, other {# incidents}} against {targets, plural, other {# members}}, {thisWeek} this week (escalating: {lastWeek} the week before)',
  'digest.offender.elsewhere':
    '{line} · also reported by {collectives, plural, one {# other collective} other {# other collectives}} ({incidents, plural, one {# incident} other {# incidents}} in all)',
  'digest.offender.partly_named': '{name} (named by a member in {named} of {incidents} incidents)',
  'digest.heading.open_critical': 'Critical incidents still open',
  'digest.open_critical.place': '{reference} · {category} · {place} · open {age}',
  'digest.open_critical.platform': '{reference} · {category} on {platform} · open {age}',
  'digest.age.hours': '{count, plural, one {# hour} other {# hours}}',
  'digest.age.days': '{count, plural, one {# day} other {# days}}',
  'digest.heading.still_up': 'Reported and still up a week later',
  'digest.still_up': '{reference} · {category} on {platform} · still up on {day} · {reports} reported it',
  'digest.still_up.advice':
    'The platform has not acted on these: escalate with an evidence pack (/export SW-12 for incident SW-12).',
  'digest.heading.rally': 'Rally',
  'digest.rally.supported':
    '{supported} of {total} incidents had supportive replies; {supporters, plural, other {# replies}} with support and {reports, plural, other {# reports}} filed.',
  'digest.rally.no_median': 'No supportive replies yet, so no time to first support.',
  'digest.rally.median': 'Median time to the first supportive reply: {minutes, plural, other {# minutes}}.',
  'digest.rally.three_in_an_hour': '{count} of {total} had 3 or more supporters within an hour.',
  'digest.heading.outcomes': 'Platform outcomes (incidents resolved this week)',
  'digest.outcomes.none': 'None resolved this week.',
  'digest.outcome': '{outcome}: {count}',
  'chart.title': 'Incidents per week, by category',
  'chart.axis.incidents': 'Incidents',
  'chart.description': 'Incidents per week by category, the 12 weeks to {week}',
} as const;
