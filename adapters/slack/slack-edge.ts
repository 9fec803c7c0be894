import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

import type { Logger } from 'pino';
import type { Bot } from '../../src/core/chat-adapter.ts';
import type { ChannelMembers } from './channel-members.ts';
import type { SlackAccess } from './slack-access.ts';
import type { UserNames } from './user-names.ts';

/** What every Slack listener works with in one workspace, built once when the adapter starts. */
export interface SlackEdge {
  bot: Bot;
  client: WebClient;
  /** The workspace the bot is installed in (from auth.test). */
  teamId: string;
  incidentChannel: string;
  members: ChannelMembers;
  access: SlackAccess;
  names: UserNames;
  /** Downloads attached screenshots (with the bot token, from Slack's file host only) into their `content`. */
  fetchScreenshots(files: unknown[]): Promise<unknown[]>;
  log: Logger;
  /** Origins a response URL kept in a modal's metadata may have (see slackResponseUrl). */
  responseUrlOrigins: readonly string[];
  /** Acknowledges a request; resolves when its work may start (see AckFirst). */
  ackFirst(ack: () => Promise<void>): Promise<void>;
}

/**
 * The edges of every workspace this app serves, each bound to its collective's bot. Listeners find a request's
 * edge by the workspace Bolt authorized it for (`context.teamId`), never by anything else the payload says.
 * Workspaces set up in chat come and go while the app runs, so the edges change too.
 */
export interface SlackEdges {
  /** The edge of that workspace; undefined when no collective here is served there. */
  of(teamId: string | undefined): SlackEdge | undefined;
  /** Serves a workspace with this edge from the next request on; returns the edge it replaces, if any. */
  put(edge: SlackEdge): SlackEdge | undefined;
  /** Stops serving a workspace: its requests get the "not set up" refusal. Returns the edge it had. */
  remove(teamId: string): SlackEdge | undefined;
  /** The process's logger, for requests from a workspace no collective here is served in. */
  log: Logger;
}

export function slackEdges(edges: readonly SlackEdge[], log: Logger): SlackEdges {
  const byTeam = new Map(edges.map((edge) => [edge.teamId, edge]));
  return {
    of: (teamId) => (teamId === undefined ? undefined : byTeam.get(teamId)),
    put(edge) {
      const old = byTeam.get(edge.teamId);
      byTeam.set(edge.teamId, edge);
      return old;
    },
    remove(teamId) {
      const old = byTeam.get(teamId);
      byTeam.delete(teamId);
      return old;
    },
    log,
  };
}
