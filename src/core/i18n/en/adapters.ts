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
  'slack.workspace_not_set_up':
    "Shieldwall isn't set up for this workspace yet, so nothing was recorded. Whoever installed it here can finish by typing /setup in your collective's private incident channel.",
  'slack.setup.no_installs':
    "This Shieldwall isn't set up for workspaces to install it themselves, so /setup changes nothing here. Ask whoever runs your Shieldwall.",
  'slack.setup.configured_on_server':
    'This workspace is set up on the server, not in chat, so /setup changes nothing here. Ask whoever runs your Shieldwall to change its configuration.',
  'slack.setup.not_installed':
    'Shieldwall was not installed in this workspace with "Add to Slack", so there is nothing to set up here yet. Ask whoever runs your Shieldwall for its install link.',
  'slack.setup.only_installer':
    "Only the person who installed Shieldwall in this workspace can set it up, so nothing was changed. Ask them to type /setup in your collective's private incident channel.",
  'slack.setup.only_leads':
    "Only the collective's leads, or the person who installed Shieldwall, can change its setup, so nothing was changed.",
  'slack.setup.first_in_channel':
    "Shieldwall isn't set up here yet, so nothing was changed. First type /setup on its own in your collective's private incident channel; you can change the rest after.",
  'slack.setup.not_in_dm':
    'Type /setup in a channel, not in a direct message: it sets the channel you type it in. Nothing was changed.',
  'slack.setup.invite_bot':
    "I can't see this channel yet, so nothing was changed. Invite me first: type /invite @Shieldwall here, then /setup again.",
  'slack.setup.channel_unchecked':
    "Slack didn't tell me whether this channel is private ({code}), so nothing was changed. Please try again in a minute.",
  'slack.setup.channel_not_private':
    "This channel can't hold incidents, so nothing was changed: {why}. Incident details must stay among the collective's members. {fix}, or create a private channel, invite me with /invite @Shieldwall, and type /setup there.",
  'slack.setup.leads_channel_is_incidents':
    "The leads' channel must be a private channel of its own, not the incident channel. Nothing was changed.",
  'slack.setup.already_incident_channel':
    'This is already the incident channel, so nothing was changed. To move it, type /setup channel in the new private channel.',
  'slack.setup.problem.unknown': "I don't know that setting, so nothing was changed. You can use: {usage}",
  'slack.setup.problem.name':
    'The name must be plain words on one line, 1 to 80 characters, without mentions, like /setup name Ontario Doctors. Nothing was changed.',
  'slack.setup.problem.leads':
    'Name the leads by mentioning them, like /setup leads @Ana @Lee: at least one, at most 20, and the list replaces the current one. Nothing was changed.',
  'slack.setup.problem.leads-channel':
    "Type /setup leads-channel on its own in the leads' private channel, or /setup leads-channel none to have none. Nothing was changed.",
  'slack.setup.problem.language':
    'The language is en (English) or fr (French), like /setup language fr. Nothing was changed.',
  'slack.setup.problem.timezone':
    "That isn't a time zone I know. Use its full name, like /setup timezone America/Toronto or Europe/Paris. Nothing was changed.",
  'slack.setup.problem.share': 'Sharing is on or off, like /setup share off. Nothing was changed.',
  'slack.setup.usage':
    "/setup name <name> · /setup leads @someone … · /setup leads-channel (in the leads' channel) · /setup channel (in the new incident channel) · /setup language en|fr · /setup timezone America/Toronto · /setup share on|off",
  'slack.setup.done':
    "Shieldwall is set up: this channel is now {name}'s incident channel, and you are its first lead. Its members are whoever is in this channel.",
  'slack.setup.saved': 'Saved. From now on:',
  'slack.setup.current': "Shieldwall's setup in this workspace:",
  'slack.setup.summary_name': 'Collective: {name}',
  'slack.setup.summary_channel': 'Incident channel: {channel}',
  'slack.setup.summary_leads_channel': "Leads' channel: {channel}",
  'slack.setup.summary_no_leads_channel': "Leads' channel: none (type /setup leads-channel in it to set one)",
  'slack.setup.summary_leads': 'Leads: {leads}',
  'slack.setup.summary_language': 'Language: {language}; time zone: {timezone}',
  'slack.setup.summary_sharing_on': 'Offender signals shared with the other collectives: yes',
  'slack.setup.summary_sharing_off': 'Offender signals shared with the other collectives: no',
  'slack.setup.trust_shared':
    'What is shared: only how many incidents each offender account has; never who was attacked, what was said, or any member.',
  'slack.setup.trust_opt_out': 'To stop sharing: /setup share off',
  'slack.setup.trust_opt_in': 'Nothing is shared now; to share again: /setup share on',
  'slack.setup.change_with': 'To change it: {usage}',
  'slack.setup.connect_failed':
    "The setup was saved, but I couldn't start serving this workspace with it ({reason}). Check the channels, then type /setup again.",
  'slack.setup.failed':
    'Something went wrong, so the setup may not be saved. Please try again in a minute; if it keeps failing, tell whoever runs your Shieldwall.',
  'slack.install.done_in': 'Shieldwall is installed in {workspace}',
  'slack.install.done': 'Shieldwall is installed',
  'slack.install.next': 'Two steps left, in Slack:',
  'slack.install.step_invite':
    "Create a private channel for your collective's incidents (or open the one you have), and invite Shieldwall to it: type /invite @Shieldwall there.",
  'slack.install.step_setup':
    'In that channel, type /setup. It becomes the incident channel, you become its first lead, and Shieldwall answers with what it set and how to change it.',
  'slack.install.later': 'You can close this page now.',
  'slack.install.failed': "Shieldwall wasn't installed",
  'slack.install.failed_state':
    'This install link has expired, or was opened in another browser (a link lasts 10 minutes, in the browser that opened it). Please start again from the install link.',
  'slack.install.failed_cancelled':
    'The installation was cancelled in Slack. You can install it later from the same link.',
  'slack.install.failed_other':
    "Slack didn't finish the installation. Please try again in a few minutes; if it keeps failing, tell whoever runs your Shieldwall.",
  'slack.install.nothing_changed': 'Nothing was changed in your workspace.',
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
