/** The rally's private messages: responders' alerts, the question to the person attacked, leads' alerts, follow-ups. */
export const rally = {
  'rally.about_post': '{reference}, {category} on {place}',
  'rally.about_place': '{reference}, {category} ({place})',
  'rally.alert.title': '{target} needs colleagues: {about}.',
  'rally.alert.title_unnamed': 'a colleague needs colleagues: {about}.',
  'rally.alert.wants': '{target} wants: {wants}',
  'rally.alert.wants_unnamed': 'a colleague wants: {wants}',
  'rally.alert.cap':
    'You get at most {cap} alerts a day. /responder pause takes a break; /responder quiet 22:00-07:00 sets quiet hours.',
  'rally.button.on_it': "I'm on it",
  'rally.button.cant': "Can't now",
  'rally.button.reached_out': 'I reached out',
  'rally.button.replied': 'I replied with support',
  'rally.button.reported': 'I reported it',
  'consent.title_post':
    'A colleague flagged an attack on your post: {about}. What would you like colleagues to do?',
  'consent.title_place':
    'A colleague flagged an attack on you: {about}. What would you like colleagues to do?',
  'consent.nobody_until':
    'Nobody is rallied until you choose. Whatever you choose, it is recorded in the ledger.',
  'consent.deadline': "If you don't answer by {deadline}, it stays documented only.",
  'consent.deadline_soon': "If you don't answer by soon, it stays documented only.",
  'consent.not_target': 'Only the person whose post was attacked can choose what happens with {reference}.',
  'consent.thanks_rally': 'Thank you. Colleagues are being asked for: {wants}.',
  'consent.thanks_document': 'Thank you. {wants}: nobody will be rallied.',
  'rally.lead.title': 'Critical: {about}.',
  'rally.lead.attacked': 'Attacked: {attacked}. Flagged {at}.',
  'rally.lead.a_member': 'a member',
  'rally.lead.safety_shown':
    'They have been shown the safety steps: emergency number, police report with the reference, legal help.',
  'rally.lead.wording': 'The wording is behind Show wording on the incident card.',
  'rally.outcome.title': '{reference} is resolved: {outcome}.',
  'rally.outcome.title_plain': '{reference} is resolved: resolved.',
  'rally.outcome.thanks':
    'Thank you for showing up. It stays in the ledger and counts towards the account’s record.',
  'rally.checkin.title': '{reference} is resolved: {outcome}. How are you doing?',
  'rally.checkin.title_plain': '{reference} is resolved: resolved. How are you doing?',
  'rally.checkin.counts': '{supported} colleagues replied with support and {reported} reported it.',
  'rally.checkin.wellbeing':
    'If it is still weighing on you, talk to a colleague, or to {wellbeing}. Stepping away from the screen is fine.',
  'rally.checkin.flag_more': 'If more comes, flag each post: the ledger connects them.',
  'rally.not_alerted': "That alert for {reference} wasn't sent to you.",
  'rally.resolved_already': '{reference} is resolved already; thank you all the same.',
  'rally.already_answered': 'You already answered that alert for {reference}. Thank you.',
  'rally.on_it':
    'Thank you: you\'re on {reference}. Press "I replied with support" or "I reported it" when done.',
  'rally.cant': 'No problem. Look after yourself; someone else will be asked if needed.',
  'rally.purged':
    "This message was about an incident whose details were removed under {collective}'s retention policy.",
  'capture_follow.failed_title':
    'Shieldwall could not capture the post of {reference}: please screenshot it.',
  'capture_follow.failed_why': 'Why: {why}.',
  'capture_follow.failed_screenshot':
    "Screenshot the post and the account's home page with the date and time showing, before they are deleted or the account is locked. Flag the same link again with the screenshots attached: {reference} keeps one record, never two.",
  'capture_follow.gone_title': 'The post of {reference} is gone.',
  'capture_follow.gone_login_wall':
    'Checked at {at}: it is now behind a login wall it did not have before. The capture made when it was flagged stays in the record.',
  'capture_follow.gone_removed':
    'Checked at {at}: the page is removed, or the account suspended. The capture made when it was flagged stays in the record.',
  'capture_follow.gone_mark_removed':
    'If the platform removed it, mark it removed: it closes the incident and tells the colleagues who helped.',
  'capture_follow.gone_others': 'The person attacked or a lead can now resolve it.',
  'capture_follow.mark_removed': 'Mark it removed',
} as const;
