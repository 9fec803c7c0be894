/** Flagging an attack: the confirmation, its refusals (links, places, dates), and the flag limits. */
export const flag = {
  'link.empty': "There's no link here yet. Paste the full address of the post, like {example}.",
  'link.too_long':
    "That's too long to be a post's address. Use the post's Share → Copy link button and paste what it gives you.",
  'link.control_chars':
    "That link has hidden characters in it. Copy the post's link again (Share → Copy link) and paste it here.",
  'link.extra_text': 'Paste just the link on its own, without other words around it, like {example}.',
  'link.invalid': "That doesn't look like a link. Paste the full address of the post, like {example}.",
  'link.scheme':
    "Only web links (starting with https://) and email addresses can be recorded. Paste the post's address, like {example}.",
  'link.credentials':
    "That link carries a login name or password, so it won't be stored. Copy the post's public link (Share → Copy link) instead.",
  'link.not_public':
    "That link points at a private or local address, not a public post. Paste the post's public address, like {example}.",
  'link.not_post':
    "That {platform} link doesn't point at a post or an account. Open the post itself, copy its link, and paste it here, like {example}.",
  'link.email_invalid':
    "That doesn't look like a complete email address. Paste the sender's address, like name@example.com.",
  'flag.usage_missing':
    'Paste the link to the post after /flag, like: /flag https://x.com/name/status/123 threat what they said. ' +
    'No link? Say where it happened instead: /flag phone, /flag complaint, /flag dm:instagram, /flag letter.',
  'flag.option_twice': 'Give {option}: only once.',
  'flag.category_unknown_guess':
    "That category isn't one I know. Did you mean {guess}? Categories: {categories}.",
  'flag.category_unknown': "That category isn't one I know. Categories: {categories}.",
  'flag.category_choose': 'Choose one of these categories: {categories}.',
  'flag.unknown_place':
    "I don't know that place. Say where it happened: dm (or dm:instagram, dm:x…), email, phone, complaint, letter, in-person or other.",
  'flag.link_not_text': 'Paste the link to the post as text, like https://x.com/name/status/123.',
  'flag.link_too_long': 'That link is too long to be a post address; copy it again from the address bar.',
  'flag.by_not_text': "Give the attacker's account as text, like @name or instagram:name.",
  'flag.by_too_long': "That's too long for an account. Give a handle like @name, or a profile link.",
  'flag.severity_invalid': 'Severity can be raised to high or critical.',
  'flag.note_too_long':
    'Your note is {length} characters; please keep it under {max}. The exact wording of the post and a line of context are plenty.',
  'flag.note_control_chars':
    'Your note contains invisible control characters; type it again or paste it as plain text.',
  'flag.wants_invalid': 'Say what the person attacked wants: both, replies, reports, document, private.',
  'flag.target_post_email': 'For the post to reply to, paste a web link (https://…), not an email address.',
  'flag.anonymous_invalid': 'Answer yes to hide your name from the channel, or no.',
  'flag.too_many_screenshots': 'Attach at most {max} screenshots; the clearest few are enough.',
  'flag.screenshot_too_big':
    'A screenshot is {size, number, ::.0} MB; the limit is {max} MB. Crop it, or save it as a JPEG, and attach it again.',
  'flag.place_link_and_where':
    'You gave a link, so leave "where it happened" empty; it is for attacks with no public link.',
  'flag.place_twice': 'Say where it happened once: in the link field or in "where it happened", not both.',
  'flag.need_link':
    'Paste the link to the post. If there is no link (a direct message, a call, a complaint, a letter), ' +
    'say where it happened instead, like: /flag phone by:"Their Name" what they said',
  'flag.no_public_post':
    'There is no public post to reply under or report for {place, select, dm {a direct message} email {an email} ' +
    'phone {a phone call or text} complaint {a complaint} letter {a letter} in_person {an encounter in person} ' +
    'other {an attack without a public link}}. Choose private support (colleagues reach out to you privately) or document only.',
  'flag.link_names_account':
    'The link already names the account ({account}), so leave the attacker empty. If the link names the wrong ' +
    'person, flag it first; then a lead, or you, can correct the record.',
  'flag.dm_platform_missing': 'Say which platform the message came on, like dm:instagram, or dm:x.',
  'flag.dm_platform_or_sender':
    "Say which platform the message came on, like dm:instagram, or give the sender's account, like instagram:name.",
  'flag.title.created': 'Recorded as {reference}: {category}, {severity} severity.',
  'flag.title.co_reported':
    'Added you to {reference}: {count, plural, one {# member has} other {# members have}} flagged this ' +
    '{kind, select, offline {attack} comment {comment} email {email} post {post} other {account}}.',
  'flag.title.already_reported':
    'You flagged this {kind, select, offline {attack} comment {comment} email {email} post {post} other {account}} ' +
    'before: it is {reference}, and {count, plural, one {# member has} other {# members have}} flagged it.',
  'flag.title.repeated': 'Already recorded as {reference}.',
  'flag.category_line': 'Category: {category} · Severity: {severity}',
  'flag.happened': 'Happened: {when}',
  'flag.you_asked_for': 'You asked colleagues for: {wants}',
  'flag.named_wants': '{name} wants: {wants}',
  'flag.named_steps':
    'You flagged this for {name}. The steps below are for them: pass them on privately, and let them decide what happens next.',
  'flag.hidden_wants': 'The person attacked wants: {wants}',
  'flag.hidden_steps':
    "The steps below are for the person attacked, who decides what happens next. Please follow what the incident's card asks.",
  'flag.first_flagged_as': 'It was first flagged as {category} and stays filed that way.',
  'flag.first_flagged_as_note':
    'It was first flagged as {category} and stays filed that way; your note is kept with it.',
  'flag.name_them_later':
    'If you learn who it was, you (or a lead) can name them: /correct {reference} by:<their account or name>.',
  'flag.comment_unnamed':
    "A comment's link doesn't say who wrote it. If you know who it was, flag it again with their account " +
    "(by:@name, or the attacker's account field): it is added to {reference}, and their record connects their attacks.",
  'flag.post_unnamed':
    "The link doesn't say who posted it. If you know who it was, flag it again with their account " +
    "(by:@name, or the attacker's account field): it is added to {reference}, and their record connects their attacks.",
  'flag.already_names':
    '{reference} already names {account}, so your flag was added without changing it. If that is wrong, the ' +
    'member who first flagged it, or a lead, can correct it with /correct.',
  'flag.leads_not_paged_again':
    'The leads were already alerted about several of your urgent flags this hour, so I did not page them ' +
    'again for this one; they see it on the incident card. If anyone is in danger now, call {emergency} first, ' +
    'and contact your leads directly.',
  'flag.screenshots_not_kept':
    "I couldn't keep a copy of {count, plural, one {one of your screenshots} other {# of your screenshots}} just now; " +
    'the record notes that you attached it. Please keep your own copy of it.',
  'flag.where_who_post': 'Platform: {place} · Account: {account}',
  'flag.where_who_place': 'Where: {place} · Attacker: {account}',
  'flag.day_in_zone': '{day} ({timezone})',
  'flag.claim_confirmed':
    '{reference} was recorded as an attack on another member, who confirmed it. If it was an attack on you, ' +
    'please tell one of the leads: they can change it.',
  'flag.claim_hint':
    '{reference} was recorded as an attack on another member. If it was an attack on you, make it yours: ' +
    '/correct {reference} target:me <why, in a few words>. You then decide what colleagues do.',
  'flag.retarget_not_allowed':
    'Only a lead, the member who first flagged {reference}, or the person attacked (once they have flagged ' +
    'it too) can change who was attacked. If something in it is wrong, tell one of the leads.',
  'flag.retarget_claimed':
    'The member {reference} names as attacked has confirmed it was them, so only a lead can change it now. ' +
    'Please tell one of the leads what happened; they will sort it out with you both.',
  'when.not_text': 'Give the day it happened as text, like 2026-11-30, today or yesterday.',
  'when.too_long': "I can't read that date. Give it like 2026-11-30, 2026-11-30 14:05, today or yesterday.",
  'when.invalid':
    "I can't read that date. Give it like 2026-11-30, 2026-11-30 14:05 (24-hour clock), today or yesterday.",
  'when.future': "That's in the future. Give the day (and time, if you know it) the attack happened.",
  'when.too_old': 'That date is too long ago to be right; check the year.',
  'limits.flags':
    'You have sent a lot of flags in a short time, so I am pausing new ones from you for a little while. This flag was not recorded.',
  'limits.questions':
    "{colleague} has already been asked about several flags lately. To spare them, I won't ask them again just yet. This flag was not recorded.",
  'limits.questions_unnamed':
    "This colleague has already been asked about several flags lately. To spare them, I won't ask them again just yet. This flag was not recorded.",
  'limits.retry_after': 'You can flag it again after {when}.',
  'limits.danger_now': 'If anyone is in danger now, call {emergency} first, and contact your leads directly.',
} as const;
