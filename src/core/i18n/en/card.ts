/** The incident card, the answers to its buttons, the member's home page and the incident channel's privacy. */
export const card = {
  'card.title': '{reference} · {category} · {severity} severity',
  'card.title_resolved': 'Resolved: {reference} · {category} · {severity} severity',
  'card.summary_post':
    '{reference}: {category} on {place}, {severity} severity{status, select, resolved {, resolved} other {}}.',
  'card.summary_place':
    '{reference}: {category} ({place}), {severity} severity{status, select, resolved {, resolved} other {}}.',
  'card.happened': 'Happened: {when}',
  'card.attacked': 'Attacked: {target}',
  'card.flagged_by': 'Flagged by {reporters}',
  'card.flagged_by_at': 'Flagged by {reporters} · {at}',
  'card.wants': '{target} wants: {wants}',
  'card.wants_unnamed': 'The person attacked wants: {wants}',
  'card.not_decided': 'not decided yet',
  'card.reporters.one_unnamed': 'a member',
  'card.reporters.unnamed': '{count, plural, other {# members}}',
  'card.reporters.and_others': '{names} and {rest, plural, one {# other member} other {# other members}}',
  'card.the_person_attacked': 'the person attacked',
  'card.waiting_heading': 'Waiting for {target}',
  'card.being_asked':
    "{target} is being asked privately what they want. Please don't reply or report until they choose.",
  'card.being_asked_until':
    "{target} is being asked privately what they want (until {until}). Please don't reply or report until they choose.",
  'card.never_reply': 'Never reply to, quote or tag the attacker.',
  'card.documented_heading': 'Documented only',
  'card.defaulted':
    "{target} didn't answer in time, so this stays documented only: please don't reply or report.",
  'card.safety_first':
    'Their safety comes first: if you believe {target} is in immediate danger, call {emergency}.',
  'card.reply_on_post': "Reply with support on {target}'s own post: {url}",
  'card.reply_on_recent': "Reply with support on {target}'s own recent posts, not under the attack.",
  'card.private_support':
    '{target} would like private support: send a kind direct message. Nothing in public, please.',
  'card.document_only':
    "{target} asked for this to be documented only: please don't reply or report. It is in the ledger.",
  'card.never_reply_feeds': 'Never reply to, quote or tag the attacker: it feeds them and spreads the post.',
  'card.report_post': 'Report the post: {url}',
  'card.report_comment': 'Report the comment: {url}',
  'card.policy': 'Policy: {url}',
  'card.what_to_do': 'What to do',
  'card.resolved_heading': 'Resolved',
  'card.resolved_by_target': '{outcome} (recorded by the person attacked, {at}).',
  'card.resolved_by_lead': '{outcome} (recorded by a lead, {at}).',
  'card.thanks_all': 'Thank you to everyone who showed up.',
  'card.so_far': 'So far',
  'card.count.alerted': '{count, plural, other {# alerted}}',
  'card.count.on_it': '{count, plural, other {# on it}}',
  'card.count.supported': '{count, plural, other {# replied with support}}',
  'card.count.reached_out': '{count, plural, other {# reached out privately}}',
  'card.count.reported': '{count, plural, other {# reported it}}',
  'card.count.flagged': '{count, plural, other {# flagged it}}',
  'card.no_wording': 'No wording was given yet; whoever flags it next can add it.',
  'card.wording_private':
    'The wording holds the private information that was exposed: only the person attacked and leads can read it (Show wording, privately).',
  'card.wording_hidden': 'The wording is kept off this card: press Show wording to read it privately.',
  'card.screenshots':
    '{count, plural, one {# screenshot kept with the record.} other {# screenshots kept with the record.}}',
  'card.button.supported': 'I replied with support',
  'card.button.reached_out': 'I reached out privately',
  'card.button.reported': 'I reported it',
  'card.button.wording': 'Show wording',
  'card.button.wording_private': 'Show wording (person attacked, leads)',
  'card.button.resolve': 'Resolve',
  'card.purged.title': 'Resolved: {reference} · {category}',
  'card.purged.summary': '{reference}: resolved; its details were removed under the retention policy.',
  'card.purged.heading': 'Details removed',
  'card.purged.removed':
    "The details of {reference} were removed under {collective}'s retention policy: who was attacked, who flagged it, the links and the wording.",
  'card.purged.outcome': 'Outcome: {outcome}.',
  'card.purged.still_counts': "It still counts in the offender's record.",
  'desk.not_found': "I can't find {reference} in the ledger. It may have been removed by a lead.",
  'desk.resolve_refused': 'Only the person whose post was attacked, or a lead, can resolve {reference}.',
  'desk.wording_refused':
    'The wording of {reference} is kept private: in a doxxing it is the personal information that was exposed, so only the person attacked and leads can read it. Thank you for looking out for them; the card says what they would like colleagues to do.',
  'desk.own_post':
    'This is about your own post, so please stay out of the replies: colleagues will answer for you. Block or mute the account, and step away if you can.',
  'desk.not_asked':
    "The person attacked didn't ask for that on {reference}; please follow what the card asks.",
  'desk.resolved': '{reference} is resolved: {outcome}.',
  'desk.resolved_stays': "It stays in the ledger, and counts towards the account's record.",
  'desk.already_resolved': '{reference} is already resolved: {outcome}.',
  'desk.flagged_by_heading': 'Flagged by (shown to leads only)',
  'desk.flagged_by_line': '{name}, {at}',
  'desk.flagged_by_line_anonymous': '{name} (anonymous to the channel), {at}',
  'desk.no_wording': 'No wording was given for {reference} yet.',
  'desk.content_warning':
    'Content warning: the abusive wording reported for {reference}. Only you can see this.',
  'desk.export_lead': 'Export all of it as an evidence pack: /export {reference}.',
  'desk.export_member': 'A lead can export all of it as an evidence pack (/export {reference}).',
  'desk.reported_at': 'Reported {at}',
  'desk.reported_at_by': 'Reported {at} by {name}',
  'desk.reported_at_by_anonymous': 'Reported {at} by {name} (anonymous to the channel)',
  'desk.support_counted': 'Your support is counted on {reference}. Thank you for showing up.',
  'desk.report_counted': 'Your report is counted on {reference}. Thank you for showing up.',
  'desk.already': 'You already told me that for {reference}. Thank you.',
  'desk.resolved_already': '{reference} is resolved already; thank you all the same.',
  'home.title': 'Shieldwall for {collective}',
  'home.your_incidents': 'Your incidents',
  'home.none': 'Nothing flagged by you or about you. Use /flag when you see an attack on you or a colleague.',
  'home.rally_alerts': 'Rally alerts',
  'home.responder_on': 'You are a responder on {platforms}. /responder off stops alerts.',
  'home.responder_everywhere': 'You are a responder on every platform. /responder off stops alerts.',
  'home.not_responder':
    'You are not a responder. /responder on x instagram (your platforms) to be rallied when a colleague is attacked.',
  'home.for_leads': 'This week, for leads',
  'home.incident_open':
    '{reference} · {category} · open · {role, select, target {about you} other {flagged by you}}, {day}',
  'home.incident_resolved':
    '{reference} · {category} · resolved: {outcome} · {role, select, target {about you} other {flagged by you}}, {day}',
  'privacy.not_private.title':
    'The incident channel is no longer private, so Shieldwall has stopped posting there',
  'privacy.not_private.why': 'People outside the collective could see it: {why}.',
  'privacy.not_private.meanwhile':
    'Nothing new about any incident is shown there now. Flags are still saved, and whoever flags is told privately that their card was not posted.',
  'privacy.not_private.fix_heading': 'How to fix it',
  'privacy.not_private.fix': '{fix}. Cards are posted there again as soon as the channel is private.',
  'privacy.private_again.title':
    'The incident channel is private again, so Shieldwall is posting there again',
  'privacy.private_again.saved':
    'Incidents flagged while it was not private are saved, but have no card in the channel. Thank you for fixing it.',
  'privacy.withheld.heading': 'Not shown in the incident channel',
  'privacy.withheld.not_private':
    'This is saved. The incident channel is no longer private, so I have not shown it there; the leads have been asked to make the channel private again.',
  'privacy.withheld.unknown':
    "This is saved. I couldn't confirm just now that the incident channel is still private, so I have not shown it there.",
} as const;
