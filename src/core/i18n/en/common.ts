/** The command runner's answers and the language command: what every command may say. */
export const common = {
  'run.unknown_command': "I don't know that command. Type {help} to see what I can do.",
  'run.lead_only':
    'Only association leads can use /{command}. If you need something from it, ask one of them.',
  'run.invalid_input': '{problem} Usage: {usage}',
  'run.invalid_input_fallback': 'Something in that command is not right.',
  'run.field_invalid': 'This field is not right.',
  'run.failed':
    "Sorry, I couldn't finish that (error {errorId}); the ledger may be unreachable. Please try again in a minute.",
  'run.failed_not_done': '{said} (error {errorId}). {tryAgain}',
  'language.current': 'I speak to you in {language}.',
  'language.how_to_change':
    'To change it, type /language fr for French or /language en for English. It applies on every platform.',
  'language.set': 'From now on I will speak to you in {language}.',
  'language.unknown':
    '"{typed}" is not a language I speak. Type /language en for English or /language fr for French.',
  'language.name.en': 'English',
  'language.name.fr': 'French',
  'language.not_changed': 'Your language was not changed',
  'language.not_changed_try_again': 'Please try /language again in a minute.',
  'flag.not_saved': 'Your flag was NOT saved',
  'flag.not_saved_try_again':
    'Please flag the post again in a minute; flagging the same post twice never counts it twice. If you are in danger now, call emergency services first.',
} as const;
