import type { App } from '@slack/bolt';
import { renderReply } from '../render-blocks.ts';
import type { SlackEdge } from '../slack-edge.ts';
import { slackMemberId } from '../slack-ids.ts';

/**
 * The App Home tab, drawn fresh each time it is opened; and the membership cache, kept current by the
 * channel's join and leave events (whoever leaves stops being a responder).
 */
export function registerHomeAndMembership(app: App, edge: SlackEdge): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    // Events are acknowledged by Bolt itself; the answer is the member's own tab.
    await edge.bot.serve(
      { kind: 'home' },
      {
        delivery: { platform: 'slack', id: `${body.team_id}:home:${body.event_id}` },
        acknowledge: async () => undefined,
        actor: () => edge.access.actor(body.team_id, event.user, undefined),
        answer: async (reply) => {
          const t = await edge.bot.speak(await edge.access.actor(body.team_id, event.user, undefined));
          await edge.client.views.publish({
            user_id: event.user,
            view: { type: 'home', blocks: renderReply(reply, t).blocks },
          });
        },
      },
    );
  });
  app.event('member_joined_channel', async ({ event }) => {
    if (event.channel === edge.incidentChannel) edge.members.joined(event.user);
  });
  app.event('member_left_channel', async ({ event }) => {
    if (event.channel !== edge.incidentChannel) return;
    edge.members.left(event.user);
    // Leaving (or being removed from) the incident channel is leaving the collective: no more rally alerts.
    if (!edge.access.isLead(event.user)) await edge.bot.memberLeft(slackMemberId(edge.teamId, event.user));
  });
}
