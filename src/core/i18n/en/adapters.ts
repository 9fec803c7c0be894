/** What the serve layer and each platform's adapter say themselves: refusals, forms' frames, the terminal. */
export const adapters = {
  'serve.not_member':
    "Sorry, Shieldwall is only for members of the collective's private incident channel. If you should be one, ask one of the association leads to add you.",
  'serve.form_unknown': "That form isn't one I know any more; nothing was recorded. Please start again.",
  'serve.form_too_long':
    '{field}, as you typed it (only you can see this): {length} characters, and the form holds {max}. Copy what matters, then shorten it in the form.',
  'serve.form_invalid': 'Nothing was recorded yet: please fix what is listed here and send the form again.',
  'serve.form_problem': '{field}: {problem}',
  'serve.form_gone':
    'I no longer have that form (forms are kept for 15 minutes, and open once). Nothing was recorded: please start again with /{command}.',
  'serve.stopping':
    'Shieldwall is restarting right now, so nothing was recorded or changed. Please try again in a minute.',
  'serve.no_file_named':
    "I can't send files here, so {filename} was not sent. A lead can make the same pack with `npx shieldwall export` on the server.",
  'serve.no_file':
    "I can't send files here, so the file was not sent. A lead can make the same pack with `npx shieldwall export` on the server.",
  'serve.button_unknown': "That button isn't one I know any more; nothing was changed.",
  'discord.resolve_question': 'How did {reference} end?',
  'discord.change_answers': 'Change my answers',
  'discord.choose_outcome': 'Choose the outcome',
  'discord.target_not_member':
    'Pick a colleague who is in the incident channel: the person attacked must be a member.',
  'slack.resolve_title': 'Resolve {reference}',
  'slack.resolve_submit': 'Resolve',
  'slack.cancel': 'Cancel',
  'slack.resolve_question': 'How did it end?',
  'slack.choose_outcome': 'Choose how it ended.',
  'slack.target_not_member':
    'Pick a colleague from the incident channel: the person attacked must be a member.',
  'slack.workspace_not_served':
    "Shieldwall isn't set up for this workspace yet, so nothing was recorded. If your collective wants to use it here, ask whoever runs your Shieldwall to add this workspace.",
  'terminal.banner_embedded':
    'Shieldwall is running in this terminal; the ledger is the embedded PostgreSQL in {folder}.',
  'terminal.banner_server':
    'Shieldwall is running in this terminal; the ledger is the PostgreSQL server in DATABASE_URL.',
  'terminal.banner_how':
    'You are "guest", a member. /as <name> switches member, /as <name> lead acts as a lead, /help lists commands, /quit leaves.',
  'terminal.banner_capture_off':
    'Page capture is off ({reason}): members are asked to screenshot what they flag.',
  'terminal.help_heading': 'In this terminal',
  'terminal.help_flag':
    '/flag on its own asks for the link, the category, what the person attacked wants and the wording, one at a time.',
  'terminal.help_as': '/as <name> acts as another member; /as <name> lead as an association lead.',
  'terminal.help_press': '/press <button> presses a button of a private message (shown under it).',
  'terminal.help_quit': '/quit (or Ctrl-D) leaves; everything stays in the ledger.',
  'terminal.slash_first': 'Commands start with a slash. Type /help to see them.',
  'terminal.now_member': 'You are now {name}, a member.',
  'terminal.now_lead': 'You are now {name}, a lead.',
  'terminal.prompt_lead': '{name} (lead)> ',
  'terminal.cancelled': 'Cancelled; nothing was recorded.',
  'terminal.saved': 'Saved it as {file} in {folder} (readable only by you).',
  'terminal.not_saved': 'It was not saved: {reason}',
  'terminal.private_message': '✉ Private message to {who} (/as {who} to answer it):',
  'terminal.as_usage': 'Say /as <name> to act as a member, or /as <name> lead to act as a lead.',
  'terminal.as_pronoun': 'Pick a name rather than "me" or "you": colleagues read it, like alice or dr.chen.',
  'terminal.as_name': 'A name is one word of up to 32 letters or digits, like alice or dr.chen.',
  'slack.privacy.public_why': 'it is a public channel, open to everyone in the workspace',
  'slack.privacy.public_fix': 'In Slack, open the channel settings and choose "Change to a private channel"',
  'slack.privacy.shared_why':
    'it is shared with another organisation or workspace (Slack Connect), or an invitation to share it is pending',
  'slack.privacy.shared_fix':
    'In Slack, open the channel settings and stop sharing it with the other organisations (or cancel the pending invitation)',
  'discord.privacy.everyone_why': 'everyone on the server (@everyone) can view it',
  'discord.privacy.everyone_fix':
    "In Discord, open the channel's settings → Permissions and deny View Channel to @everyone (keep it allowed for your members' role and the bot)",
} as const;
