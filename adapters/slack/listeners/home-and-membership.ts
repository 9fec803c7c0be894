import type { App } from '@slack/bolt';
import { renderReply } from '../render-blocks.ts';
import type { SlackEdges } from '../slack-edge.ts';
import { slackMemberId } from '../slack-ids.ts';

/**
 * The App Home tab, drawn fresh each time it is opened; and the membership cache, kept current by the
 * channel's join and leave events (whoever leaves stops being a responder).
 */
export function registerHomeAndMembership(app: App, edges: SlackEdges): void {
  app.event('app_home_opened', async ({ event, body, context }) => {
    const edge = edges.of(context.teamId);
    if (event.tab !== 'home' || !edge) return;
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
  app.event('member_joined_channel', async ({ event, context }) => {
    const edge = edges.of(context.teamId);
    if (edge && event.channel === edge.incidentChannel) edge.members.joined(event.user);
  });
  app.event('member_left_channel', async ({ event, context }) => {
    const edge = edges.of(context.teamId);
    if (!edge || event.channel !== edge.incidentChannel) return;
    edge.members.left(event.user);
    // Leaving (or being removed from) the incident channel is leaving the collective: no more rally alerts.
    if (!edge.access.isLead(event.user)) await edge.bot.memberLeft(slackMemberId(edge.teamId, event.user));
  });
}
