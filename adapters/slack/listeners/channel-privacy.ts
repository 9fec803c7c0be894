import type { App } from '@slack/bolt';
import type { SlackEdges } from '../slack-edge.ts';

/**
 * Slack says when the incident channel is shared with another organisation or stops being shared (Slack Connect);
 * the core checks the channel again then. Being made public sends no event a bot gets without reading every
 * message of the channel (`message.groups`), which Shieldwall doesn't ask for: the check before each card and the
 * periodic one catch it.
 */
export function registerChannelPrivacy(app: App, edges: SlackEdges): void {
  const recheck = async (teamId: string | undefined, channel: string) => {
    const edge = edges.of(teamId);
    if (edge && channel === edge.incidentChannel) await edge.bot.recheckChannelPrivacy('slack');
  };
  app.event('channel_shared', async ({ event, context }) => recheck(context.teamId, event.channel));
  app.event('channel_unshared', async ({ event, context }) => recheck(context.teamId, event.channel));
}
