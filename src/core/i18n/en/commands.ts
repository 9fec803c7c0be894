/**
 * What each command says about itself (help, usage lines, Discord's registration, forms): `cmd.<command>.…`,
 * the forms' own words `cmd.form.…`, and the help answer `help.…`. Command names and typed keywords (by:, on:,
 * !high, choice values) stay as they are in every language.
 */
export const commands = {
  'help.title':
    'Shieldwall for {collective}: flag attacks, rally colleagues, and keep a shared record of offenders.',
  'help.example': 'e.g. {example}',

  'cmd.flag.summary': 'Flag an attack: the post is recorded in the ledger and you get what to do next.',
  'cmd.flag.usage':
    '/flag <post-url | where> [category] [!high|!critical] [by:<account>] [on:<date>] [note…]',
  'cmd.flag.example.threat':
    "/flag https://x.com/SomeTroll/status/123 threat he said he'd find me after my shift",
  'cmd.flag.example.hate': '/flag https://www.instagram.com/p/Cx1yZ/ hate by:@racistguy',
  'cmd.flag.example.dm': '/flag dm:instagram sexual by:@someone on:yesterday what they sent me',
  'cmd.flag.example.complaint':
    '/flag complaint by:"Jo Bloggs" on:2026-11-30 an anonymous complaint to my college',
  'cmd.flag.url.label': 'Link to the abusive post (or where it happened)',
  'cmd.flag.url.description':
    'Link to the post or comment. No link? Where it happened: phone, complaint, dm:instagram…',
  'cmd.flag.by.label': "Attacker's account",
  'cmd.flag.by.description':
    "The attacker's account if the link doesn't name it: @name, instagram:name, a profile link, or a name",
  'cmd.flag.category.label': 'What kind of attack',
  'cmd.flag.category.description': 'What kind of attack (harassment if you skip)',
  'cmd.flag.note.label': 'The wording',
  'cmd.flag.note.description': 'The exact wording, and anything we should know',
  'cmd.flag.wants.label': 'What the person attacked wants',
  'cmd.flag.wants.description':
    'What the person attacked wants from colleagues (replies and reports if you skip)',
  'cmd.flag.channel.label': 'No link? Where it happened',
  'cmd.flag.channel.description':
    'Only when there is no link: a direct message, a call, a complaint, a letter, in person…',
  'cmd.flag.target.label': 'Whose post was attacked',
  'cmd.flag.target.description': 'Who was attacked (you, if you skip)',
  'cmd.flag.target_post.label': 'Their own post, to reply to with support',
  'cmd.flag.target_post.description':
    "Link to the attacked person's own post, where colleagues can reply with support",
  'cmd.flag.when.label': 'When it happened',
  'cmd.flag.when.description':
    'When it happened, if not just now: 2026-11-30, 2026-11-30 14:05, today or yesterday',
  'cmd.flag.anonymous.label': 'Hide my name from the channel',
  'cmd.flag.anonymous.description':
    'Hide your name from the channel? Leads can still see it (no if you skip)',
  'cmd.flag.screenshots.label': 'Screenshots',
  'cmd.flag.screenshots.description': 'Screenshots of the post and of the account page',
  'cmd.flag.form.title': 'Flag an attack',
  'cmd.flag.form.submit': 'Flag it',

  'cmd.offender.summary':
    "The ledger's record of an account: incidents, how many members it targeted, and whether it is a frequent offender.",
  'cmd.offender.usage': '/offender <handle or link>',
  'cmd.offender.example.handle': '/offender SomeTroll',
  'cmd.offender.example.link': '/offender https://x.com/sometroll',
  'cmd.offender.example.platform': '/offender x:sometroll',
  'cmd.offender.query.description': 'A handle (SomeTroll, x:SomeTroll) or a link to the account or a post',

  'cmd.responder.summary':
    'Opt in or out of rally alerts: your platforms, quiet hours, a daily limit, and a pause for a break.',
  'cmd.responder.usage':
    '/responder on|off [platforms…] · /responder pause|back · /responder quiet 22:00-07:00 [zone] · /responder cap 5',
  'cmd.responder.example.on': '/responder on x instagram',
  'cmd.responder.example.quiet': '/responder quiet 22:00-07:00 Europe/London',
  'cmd.responder.example.cap': '/responder cap 3',
  'cmd.responder.example.pause': '/responder pause',
  'cmd.responder.example.status': '/responder',
  'cmd.responder.mode.description':
    'on, off, pause (a break), back, quiet (hours), cap (alerts a day), or status',
  'cmd.responder.platforms.description':
    'With on: platforms you are active on (x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon)',
  'cmd.responder.hours.description': 'With quiet: hours like 22:00-07:00 and your time zone, or off',
  'cmd.responder.cap.description': 'With cap: at most this many alerts a day (1 to 50)',

  'cmd.digest.summary':
    "The week's incidents by category, platform and severity, and the frequent offenders (leads only).",
  'cmd.digest.usage': '/digest [week, like 2026-W47]',
  'cmd.digest.example.this_week': '/digest',
  'cmd.digest.example.week': '/digest 2026-W47',
  'cmd.digest.week.description': 'ISO week like 2026-W47 (default: this week)',

  'cmd.review.summary':
    'Confirm, dispute or clear an offender entry, or link two accounts of one person (leads only).',
  'cmd.review.usage':
    '/review <account> confirm|dispute|clear <reason> · /review <account> link <other account> <reason>',
  'cmd.review.example.confirm':
    '/review x:sometroll confirm repeated threats, checked against the screenshots',
  'cmd.review.example.link': '/review x:sometroll link instagram:sometroll same photo and wording on both',
  'cmd.review.account.description': 'The account, like x:sometroll or a link to it',
  'cmd.review.action.description': 'confirm, dispute, clear, or link',
  'cmd.review.reason.description': 'Why: it goes into the audit log',
  'cmd.review.other.description': 'With link: the other account of the same person',

  'cmd.correct.summary':
    "Correct an incident's attacker or who was attacked, with a reason (leads, or who flagged it).",
  'cmd.correct.usage':
    '/correct <SW-12> by:<account>|by:unknown [same-as:<account>] [target:me] <reason> · to name another member as the one attacked, type /correct alone for the form',
  'cmd.correct.example.by': '/correct SW-12 by:@racistguy his profile picture and name match the comment',
  'cmd.correct.example.unknown':
    '/correct SW-12 by:unknown the link named the doctor whose post it was under',
  'cmd.correct.example.same_as': '/correct SW-12 same-as:x:troll same photo and wording on both accounts',
  'cmd.correct.example.target': '/correct SW-12 target:me it was my post they attacked',
  'cmd.correct.incident.label': 'Incident',
  'cmd.correct.incident.description': 'The incident to correct, like SW-12',
  'cmd.correct.by.label': "Attacker's account",
  'cmd.correct.by.description':
    'The right attacker: @name, instagram:name, a profile link, a name, or unknown',
  'cmd.correct.target.label': 'Who was attacked',
  'cmd.correct.target.description':
    'Who was really attacked, if the incident names the wrong member (you, if it was you)',
  'cmd.correct.same_as.label': 'Same person as (leads)',
  'cmd.correct.same_as.description':
    "Leads: another account of the attacker's, to link as one person, like x:name",
  'cmd.correct.reason.label': 'Why',
  'cmd.correct.reason.description': 'Why: it goes into the audit log',
  'cmd.correct.form.title': 'Correct an incident',
  'cmd.correct.form.submit': 'Correct it',

  'cmd.export.summary':
    'An evidence pack about an incident or an account, sent to you privately as a file (leads only).',
  'cmd.export.usage': '/export <SW-12 | account> [pdf|json|csv] [reveal] [--lang en|fr]',
  'cmd.export.lang.description': "The pack's language: en or fr (yours if not given)",
  'cmd.export.example.incident': '/export SW-12',
  'cmd.export.example.pdf': '/export x:sometroll pdf',
  'cmd.export.example.reveal': '/export x:sometroll json reveal',
  'cmd.export.about.description': 'An incident (SW-12) or an account (x:sometroll, or a link)',
  'cmd.export.format.description': 'pdf (default), json or csv',
  'cmd.export.reveal.description': 'Name the reporters (otherwise Reporter 1, 2…)',

  'cmd.language.summary': 'Choose the language I speak to you: English or French.',
  'cmd.language.usage': '/language en|fr',
  'cmd.language.example.fr': '/language fr',
  'cmd.language.example.en': '/language en',
  'cmd.language.language.description': 'en (English) or fr (français)',

  'cmd.help.summary': 'What I can do.',
  'cmd.help.usage': '/help',
  'cmd.help.example': '/help',

  'cmd.form.send': 'Send',
  'cmd.form.cancel': 'Cancel',
  'cmd.form.choose_one': 'Choose one',
  'cmd.form.yes': 'Yes',
  'cmd.form.one_of': 'One of: {choices}',
  'cmd.form.begin': '{title}. Answer each question, or type /cancel to stop.',
  'cmd.form.optional': '{question} (press Enter to skip)',
  'cmd.form.yes_or_no': 'yes or no',
  'cmd.form.member_name': 'Their name, as they use it here',
} as const;
