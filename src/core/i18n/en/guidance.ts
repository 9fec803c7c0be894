/**
 * What a member reads after flagging an attack: safety first when it is critical, then the record, the report to
 * the platform (or what fits an attack with no link), disengaging, and their own wellbeing.
 */
export const guidance = {
  'guidance.safety.heading': 'Your safety first',
  'guidance.safety.emergency': 'If you are in immediate danger, call {emergency} now.',
  'guidance.safety.police_threat':
    'Report the threat to the police on {police}; give them reference {reference} and your screenshots.',
  'guidance.safety.police_doxxing':
    'Report the exposure of your private information to the police on {police}; give them reference {reference} and your screenshots.',
  'guidance.safety.legal': 'For legal help: {legal}.',
  'guidance.safety.doxxing':
    'Ask the platform to take down your personal information, and tell your workplace security team if your workplace or home was exposed.',

  'guidance.records.heading': 'Keep a record',
  'guidance.records.screenshot_with_account':
    "Screenshot {what, select, comment {the comment} other {the post}} and the account's home page ({accountPage}): it proves the account was public if it is later locked or deleted.",
  'guidance.records.screenshot':
    "Screenshot {what, select, comment {the comment} other {the post}}, and the account's page if there is one: it proves it was public if it is later locked or deleted.",
  'guidance.records.link': 'the link ({url})',
  'guidance.records.already_with_wording':
    'Already recorded in {reference}: {recorded}, flagged {at}, and the wording you gave.',
  'guidance.records.already_add_wording':
    'Already recorded in {reference}: {recorded}, flagged {at}. Add the exact wording when you can.',
  'guidance.records.more_posts': 'If more comes, flag each post: the ledger connects them.',
  'guidance.records.more_times': 'If it happens again, flag each time: the ledger connects them.',

  'guidance.report.heading':
    'Report it to {where, select, email {the email provider} web {the website} other {{platform}}}',
  'guidance.report.policy': 'Policy and reporting: {url}',
  'guidance.report.policy_english': 'Policy and reporting: {url}',
  'guidance.report.comment':
    "It is a comment: report the comment itself, from the ⋯ menu beside it, not the post it's under.",
  'guidance.report.x': 'On the post, open the ⋯ menu, choose "Report post" and pick abuse or harassment.',
  'guidance.report.instagram': 'On the post, tap ⋯, then "Report", and choose bullying or harassment.',
  'guidance.report.facebook': 'On the post, open the ⋯ menu, choose "Report post" and pick harassment.',
  'guidance.report.threads': 'On the post, tap ⋯, then "Report", and choose bullying or harassment.',
  'guidance.report.tiktok':
    'Press and hold the video or comment, choose "Report" and pick harassment and bullying.',
  'guidance.report.youtube':
    'Under the video (or on the comment) open the ⋯ menu, choose "Report" and pick harassment.',
  'guidance.report.linkedin': 'On the post, open the ⋯ menu, choose "Report post" and pick harassment.',
  'guidance.report.reddit':
    'Under the post or comment choose "Report" and pick harassment; the report form also takes links.',
  'guidance.report.bluesky': 'On the post, open the ⋯ menu, choose "Report post" and pick harassment.',
  'guidance.report.mastodon':
    'On the post, open the ⋯ menu and choose "Report"; the moderators of {host} (their rules are on the page below) decide.',
  'guidance.report.email':
    "Keep the original email with its full headers (don't delete it), and forward it to abuse@{domain}, the sender's provider, asking them to act on the account.",
  'guidance.report.other':
    "Use the site's own report link, or write to its moderators or host with the link.",

  'guidance.disengage.heading': "Don't engage",
  'guidance.disengage.public':
    "Don't reply to, quote or tag the attacker: attention is what they want. Block or mute them instead; they aren't told. Colleagues who want to help reply to your post with support, never to theirs.",
  'guidance.disengage.private':
    "Don't answer them or contact them, however unfair it is: attention is what they want. Colleagues who want to help reach out to you privately.",

  'guidance.wellbeing.heading': 'Look after yourself',
  'guidance.wellbeing.text':
    "This is not your fault, and you don't have to handle it alone. Step away from the screen if you need to; talk to a colleague, or to {wellbeing}.",

  'guidance.dm.heading':
    'Block and report the sender on {where, select, app {the app} web {the website} email {Email} other {{platform}}}',
  'guidance.dm.no_reply': "Don't answer: a reply tells them the message landed.",
  'guidance.dm.screenshot':
    'Screenshot the whole conversation first, with their name and the dates showing, then block them.',
  'guidance.dm.report':
    "Report the conversation to {where, select, app {the app} web {the website} email {Email} other {{platform}}} from the chat itself (open the sender's name or the ⋯ menu, then Report): messages are private, so colleagues can't report them for you.",
  'guidance.email.heading': 'Keep the email, then block the sender',
  'guidance.email.keep':
    "Don't reply. Keep the email itself, not only a screenshot: its headers show where it came from.",
  'guidance.email.block':
    'Block the sender, and report it to your email provider; if it came to a work address, tell your IT or security team.',
  'guidance.phone.heading': 'Write it down now',
  'guidance.phone.hang_up':
    'Hang up: you owe them no conversation. Write down the number, the date and time, and what was said, while it is fresh; keep voicemails and texts.',
  'guidance.phone.block':
    'Block the number. Report threats to the police on {police}, and tell your workplace if they called you there.',
  'guidance.complaint.heading': "Don't answer it alone",
  'guidance.complaint.before_reply':
    'Before you reply to your employer or licensing body, tell your association and your medical protective association or insurer; for legal help: {legal}.',
  'guidance.complaint.keep':
    'Keep the complaint and every letter or email about it, and note any deadline. Colleagues can write to support you privately; nothing about it goes public.',
  'guidance.letter.heading': 'Keep the letter and its envelope',
  'guidance.letter.photograph':
    'Photograph the letter and the envelope (the postmark dates it), then keep both, handling them as little as you can.',
  'guidance.letter.police':
    'If it threatens you, give it to the police on {police} rather than throwing it away.',
  'guidance.in_person.heading': 'Get safe, then write it down',
  'guidance.in_person.danger': 'If you are still in danger, call {emergency}.',
  'guidance.in_person.write':
    "Write down what happened while it is fresh: when, where, who, what was said, and who saw it. If it happened at work, tell your workplace's security team.",
  'guidance.other.heading': 'Keep what shows it happened',
  'guidance.other.keep':
    "Don't engage. Keep whatever shows what happened, with dates and times: screenshots, messages, notes.",
} as const;
