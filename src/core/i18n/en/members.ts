/** The answers of /offender, /responder, /review, /correct and /digest, and the audit lines leads read. */
export const members = {
  // Looking an account up, and what that may refuse.
  'account.empty':
    'Tell me whose record to look up: a handle like @name, a profile link, or an email address.',
  'account.too_long': "That's too long to be a handle. Send a handle like @name, or a profile link.",
  'account.invalid':
    "That doesn't look like a handle. Try @name, x:name, a profile link like https://x.com/name, or an email address.",
  'account.platform':
    "I don't know that platform. Start with one of x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon or email, like x:name, or paste a profile link.",
  'account.not_in_link':
    "That link doesn't say who posted it. Paste the person's profile link or their handle, like @name, instead.",
  'account.not_in_ledger': 'No account called {text} is in the ledger.',
  'account.ambiguous': 'Several accounts match {text}; say which: {options}.',

  // /offender
  'offender.need_account':
    'Tell me which account: /offender SomeTroll, or paste a link to the account or a post.',
  'offender.too_long': 'That is too long to be an account name or link.',
  'offender.none': 'No incidents are recorded for that account. If it attacked someone, /flag the post.',
  'offender.title_one': 'What the ledger holds on this account:',
  'offender.title_many': '{count, plural, one {# account matches:} other {# accounts match:}}',
  'offender.nothing_left': 'Known to the ledger, with no incidents left on record.',
  'offender.only_shared': 'No incident of this account in our own ledger.',
  'offender.shared':
    'Also reported by {collectives, plural, one {# other collective} other {# other collectives}} ({incidents, plural, one {# incident} other {# incidents}}, last {day}). A signal shared between associations: numbers only, never who was attacked.',
  'offender.frequent_shared':
    '{shared, plural, one {# of those incidents was} other {# of those incidents were}} reported by other collectives; only ours are listed below.',
  'offender.category_count': '{category} ×{count}',
  'offender.totals':
    '{incidents, plural, one {# incident} other {# incidents}} against {members, plural, one {# member} other {# members}}: {categories}.',
  'offender.seen': 'First seen {first}, last seen {last}.',
  'offender.account_page': 'Account page: {url}',
  'offender.frequent':
    'Frequent offender: {incidents, plural, one {# incident} other {# incidents}} against {members, plural, one {# member} other {# members}} within {days, plural, one {# day} other {# days}}. The incidents behind it:',
  'offender.cleared':
    'Not listed as a frequent offender: a lead cleared it after its latest incident. Recorded incidents:',
  'offender.lapsed':
    'No longer a frequent offender: its latest incident was over {days, plural, one {# day} other {# days}} ago. Recorded incidents:',
  'offender.not_frequent':
    'Not a frequent offender (that takes {incidents, plural, one {# incident} other {# incidents}} against {members, plural, one {# different member} other {# different members}} within {days, plural, one {# day} other {# days}}). Recorded incidents:',
  'offender.status.open': 'open',
  'offender.status.resolved': 'resolved',
  'offender.incident': '• {reference} · {day} · {category} · {status}',
  'offender.incident_named': '• {reference} · {day} · {category} · {status} · named by a member',
  'offender.earlier': '…and {count, number} earlier.',
  'offender.confirmed': 'Confirmed by a lead on {day}.',
  'offender.disputed': 'Disputed by a lead on {day}: treat this record with care.',
  'offender.linked': "A lead linked it to the same person's {accounts}.",
  'offender.for_leads': 'For leads',
  'offender.review_how':
    'Review: /review {key} confirm|dispute|clear <reason>, or /review {key} link <other account> <reason>.',
  'offender.correct_how': "Correct an incident's attacker: /correct SW-<number> by:<account> <reason>.",

  // The audit log, as leads read it under /offender.
  'audit.line': '{day} · {what} · by {actor} · "{reason}"',
  'audit.pseudonym': 'a member (name removed under the retention policy)',
  'audit.an_incident': 'an incident',
  'audit.moved_away': '{incident} moved from here to {other}',
  'audit.moved_here': '{incident} moved here from {other}',
  'audit.attributed': '{incident} attributed here (it was unknown)',
  'audit.retarget': '{incident}: who was attacked was corrected',
  'audit.link': 'link with {other}',
  'audit.link_from': 'link with {other} (from {incident})',
  'audit.action.confirm': 'confirm',
  'audit.action.dispute': 'dispute',
  'audit.action.clear': 'clear',
  'audit.recorded': 'Recorded in the audit log with your reason.',
  'audit.reason_missing': 'Every change needs a reason, for the audit log.',
  'audit.reason_short': 'Every change needs a reason of a few words, for the audit log.',
  'audit.reason_long': 'Keep the reason under 1,000 characters.',
  'audit.reason_control': 'The reason contains invisible control characters.',

  // /review
  'review.need_account': 'Name the account, like x:sometroll.',
  'review.need_action': 'Say confirm, dispute, clear or link.',
  'review.usage': 'Usage: {usage}',
  'review.need_other': 'Name the other account to link. Usage: {usage}',
  'review.same': 'Those are the same account; name two different ones.',
  'review.done.confirm': 'Confirmed {account} as a frequent-offender entry.',
  'review.done.dispute': 'Marked {account} as disputed: members will see to treat it with care.',
  'review.done.clear': 'Cleared {account}: it is off the frequent-offender list until it attacks again.',
  'review.done.link': 'Linked {account} with {other} as one person.',
  'review.the_other_account': 'the other account',

  // /responder
  'responder.say_mode': 'Say /responder on, off, pause, back, quiet or cap.',
  'responder.say_usage': 'Say {usage}.',
  'responder.cap_invalid':
    'Give the most alerts you want a day, a number from 1 to 50, like /responder cap 3.',
  'responder.platform_unknown': "I don't know that platform. You can name: {platforms}.",
  'responder.quiet_invalid':
    'Give quiet hours like /responder quiet 22:00-07:00, optionally with your time zone (Europe/London), or /responder quiet off.',
  'responder.zone_invalid':
    'That time zone is not one I know; use a name like America/Chicago or Europe/London.',
  'responder.quiet_same': 'Quiet hours need a start and an end that differ.',
  'responder.off': "You're off the rally list. Thank you for what you did; /responder on to come back.",
  'responder.paused':
    'Paused: no alerts at all until you say /responder back. Taking a break is part of doing this for the long run.',
  'responder.welcome_back': 'Welcome back. {status}',
  'responder.on_title': "You're a responder on {platforms}.",
  'responder.on_what':
    'When a colleague is attacked there and wants help, I will ask you to reply to *their* post with support and to report the abusive one. Never reply to or tag the attacker.',
  'responder.on_limits':
    'At most {cap, plural, one {# alert} other {# alerts}} a day. /responder quiet 22:00-07:00 sets quiet hours, /responder pause takes a break, /responder off stops alerts.',
  'responder.not_active':
    'You are not a responder. /responder on x instagram (your platforms) to be rallied when a colleague is attacked.',
  'responder.status':
    'You are a responder on {platforms}, at most {cap, plural, one {# alert} other {# alerts}} a day.',
  'responder.status_quiet':
    'You are a responder on {platforms}, at most {cap, plural, one {# alert} other {# alerts}} a day, quiet {start}-{end} ({zone}).',
  'responder.paused_now': 'Paused for now: /responder back when you are ready.',
  'responder.every_platform': 'every platform',

  // /correct
  'correct.need_incident': 'Say which incident to correct, like SW-12.',
  'correct.incident_too_long': 'Give the incident as the bot shows it, like SW-12.',
  'correct.not_reference': "That isn't an incident reference. Give it as the bot shows it, like SW-12.",
  'correct.same_as_too_long': "That's too long for an account. Give it like x:name, or a profile link.",
  'correct.say_what':
    'Say what to correct: the attacker (by:@name, or by:unknown), who was attacked (target:me if it was you; another member in the form: type /correct alone), or another account of the same person (same-as:x:name).',
  'correct.usage': 'Usage: {usage}',
  'correct.target_text':
    'Who was attacked can only be picked from the members of the channel: type /correct alone to open the form (on Discord, use the target option). If it was you, write target:me.',
  'correct.option_twice': 'Give {option}: only once.',
  'correct.unknown_incident':
    'There is no incident {reference} in the ledger. Its reference (SW- and a number) is on its card.',
  'correct.missing': 'There is no incident {reference} in the ledger.',
  'correct.same':
    "That is the attacker's account of {reference} itself; name another account of the same person.",
  'correct.repeated': 'That correction of {reference} is recorded already.',
  'correct.target_changed':
    'Who was attacked in {reference} was changed a moment ago by someone else. Look at its card again, and tell a lead if it is still wrong.',
  'correct.not_allowed':
    'Only a lead, or the member who first flagged {reference}, can correct it. If something in it is wrong, tell one of the leads.',
  'correct.retarget_not_allowed':
    'Only a lead, the member who first flagged {reference}, or the person attacked (once they have flagged it too) can change who was attacked. If something in it is wrong, tell one of the leads.',
  'correct.target_claimed':
    'The member {reference} names as attacked has confirmed it was them, so only a lead can change it now. Please tell one of the leads what happened; they will sort it out with you both.',
  'correct.link_lead_only':
    'Only leads can link two accounts of one person. Ask one of them, or correct the attacker with by: alone.',
  'correct.purged':
    "The personal details of {reference} were removed under the retention policy, so who was attacked can't be changed any more.",
  'correct.attacker_problem': "Attacker's account (by:): {problem}",
  'correct.already_names': '{reference} already names {account} as the attacker',
  'correct.already_unknown': 'the attacker of {reference} is already unknown',
  'correct.already_target': '{reference} already says that member was attacked',
  'correct.no_attacker':
    '{reference} names no attacker account to link with another: name it with by: first (you can do both at once).',
  'correct.nothing_to_change': 'Nothing to change: {already}.',
  'correct.nothing_to_change_all': 'Nothing to change: {reference} already says all that.',
  'correct.done': 'Corrected {reference}.',
  'correct.attacker_now': 'Attacker: now {now}; it was {was}.',
  'correct.retargeted': 'Who was attacked: changed.',
  'correct.retargeted_consent':
    'Who was attacked: changed. They flagged it themselves, so colleagues may act as they asked.',
  'correct.retargeted_ask':
    'Who was attacked: changed. They will be asked privately what they want before colleagues act.',
  'correct.undone_resolution':
    'The member named before had resolved it: it is open again, until the person attacked decides.',
  'correct.undone_wants': 'What the member named before had asked colleagues for no longer applies.',
  'correct.linked': 'Linked {account} with {other} as one person.',
  'correct.rule_heading': 'Frequent-offender rule',
  'correct.rule.counts':
    '{incidents, plural, one {# incident} other {# incidents}} against {members, plural, one {# member} other {# members}} in {days, plural, one {# day} other {# days}}',
  'correct.rule.gone': '{account} no longer has any incident.',
  'correct.rule.now_meets': '{account} now meets the frequent-offender rule ({counts}).',
  'correct.rule.still_meets': '{account} still meets the frequent-offender rule ({counts}).',
  'correct.rule.cleared': '{account} meets the frequent-offender rule ({counts}), but a lead cleared it.',
  'correct.rule.lapsed':
    '{account} met the frequent-offender rule ({counts}), but its latest incident was over {days, plural, one {# day} other {# days}} ago.',
  'correct.rule.no_longer':
    '{account} no longer meets the frequent-offender rule ({counts}; it takes {minIncidents, plural, one {# incident} other {# incidents}} against {minTargets, plural, one {# member} other {# members}}).',
  'correct.rule.does_not':
    "{account} doesn't meet the frequent-offender rule ({counts}; it takes {minIncidents, plural, one {# incident} other {# incidents}} against {minTargets, plural, one {# member} other {# members}}).",

  // /digest (the command's own answers; the digest itself is rendered elsewhere)
  'digestcmd.week_too_long': 'Give the week like 2026-W47.',
} as const;
