/** A configuration Discord contradicts (a channel the bot can't see, a public one, a missing role): start-up stops. */
export class DiscordSetupError extends Error {
  override name = 'DiscordSetupError';
}
