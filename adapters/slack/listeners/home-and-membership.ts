import type { App } from '@slack/bolt';
import { notAMemberReply } from '../../../src/core/access.ts';
import { renderReply } from '../render-blocks.ts';
import type { SlackEdge } from '../slack-edge.ts';

/**
 * The App Home tab, drawn fresh each time it is opened; and the membership cache, kept current by the
 * channel's join and leave events.
 */
export function registerHomeAndMembership(app: App, edge: SlackEdge): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const actor = await edge.access.actor(body.team_id, event.user, undefined);
    const reply = actor ? await edge.bot.incidents.home(actor) : notAMemberReply();
    await edge.client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: renderReply(reply).blocks },
    });
  });
  app.event('member_joined_channel', async ({ event }) => {
    if (event.channel === edge.incidentChannel) edge.members.joined(event.user);
  });
  app.event('member_left_channel', async ({ event }) => {
    if (event.channel === edge.incidentChannel) edge.members.left(event.user);
  });
}
