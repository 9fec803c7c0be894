/**
 * The bot scopes Shieldwall asks a workspace for, the same list slack-app-manifest.json declares (a test keeps
 * them equal): "Add to Slack" asks for exactly these, and nothing more.
 */
export const SLACK_BOT_SCOPES: readonly string[] = [
  'commands',
  'chat:write',
  'groups:read',
  'users:read',
  'im:write',
  'files:write',
];
