/** What the core's readers of typed text refuse: an attacker's account, a week, a yes-or-no answer. */
export const parsing = {
  // The attacker's account as a member names it (by:, the form's field), see post-url/parse-attacker.ts.
  'attacker.invalid':
    "That doesn't look like an account. Give a handle like @name, instagram:name, a profile link, an email address, or a name.",
  'attacker.too_long':
    "That's too long for an account. Give a handle like @name, instagram:name, a profile link, an email address, or a name.",
  'attacker.email': "That email address isn't complete. Give it like name@example.com.",
  'attacker.platform':
    "I don't know that platform. Start with one of x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon or email, like instagram:name, or paste a profile link.",
  'attacker.platform_missing':
    'Say which platform that account is on, like instagram:name or x:name, or paste their profile link.',
  'attacker.name_on_platform':
    '{platformKind, select, other {That looks like a name, not an account on {platform}.}} Give their handle, like @name, or paste their profile link.',
  'attacker.other_platform':
    "{accountPlatformKind, select, other {That's an account on {accountPlatform},}} but this happened on {platformKind, select, other {{platform}. Give the {platform} account, like @name.}}",
  'attacker.not_in_link':
    "That link doesn't say whose account it is. Paste their profile link (open their name, copy the address), or give their handle like @name.",
  'attacker.mastodon': 'Give a Mastodon account with its server, like @name@mastodon.social.',
  'attacker.not_a_handle':
    "That isn't a handle I can read on {platform}. Paste their profile link instead, or check the spelling.",

  // A week, as /digest and the command line take it (parseWeek).
  'week.invalid': 'Give the week like 2026-W47 (the year, a W, and the week number from 1 to 53).',

  // What a platform's limits left out of a long answer (Discord's embeds, Slack's blocks), named plainly.
  'toolong.discord': 'Too long to show here: {listed} {count, plural, one {is} other {are}} not shown.',
  'toolong.heading': '“{heading}”',
  'toolong.part': 'part {index} of {total}',
  'toolong.end_of': 'the end of {name}',
  'toolong.and_more': '{listed} and {count} more',
  'toolong.slack': 'Too long to show here: the last {count} parts of this answer are not shown.',

  // A yes-or-no form field (export's reveal, typed in a form).
  'answer.yes_or_no': 'Answer yes or no.',
} as const;
