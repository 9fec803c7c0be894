import type { CollectiveSettings } from '../core/settings.ts';

/** One collective a deployment serves: its settings, its digest schedule and where its members meet. */
export interface CollectiveConfig {
  /** Slug, [a-z0-9][a-z0-9-]{0,39}; the id in the ledger (`default` when the environment configures one). */
  id: string;
  /** With collectiveId = id and sharesSignals always set, so nothing downstream guesses them. */
  settings: CollectiveSettings & { collectiveId: string; sharesSignals: boolean };
  /** The cron line of this collective's digest, in its own time zone. */
  digestCron: string;
  slack?: CollectiveSlackConfig;
  discord?: CollectiveDiscordConfig;
}

export interface CollectiveSlackConfig {
  /**
   * The workspace (team) id. A file must name it; undefined only for the collective built from environment
   * variables, whose one workspace is whichever SLACK_BOT_TOKEN belongs to.
   */
  teamId: string | undefined;
  /** This workspace's bot token; unset: the process's SLACK_BOT_TOKEN, or one an OAuth install stores later. */
  botToken?: string;
  incidentChannel: string;
  leadsChannel?: string;
  leads: string[];
}

export interface CollectiveDiscordConfig {
  /** The server (guild) id. A file must name it; undefined only for the collective built from the environment. */
  guildId: string | undefined;
  incidentChannel: string;
  leadsChannel?: string;
  leadRole?: string;
}

/** Where a collective meets on Slack, with its optional parts left out when unset (not set to undefined). */
export function collectiveSlack(place: {
  teamId: string | undefined;
  botToken?: string | undefined;
  incidentChannel: string;
  leadsChannel?: string | null | undefined;
  leads: string[];
}): CollectiveSlackConfig {
  return {
    teamId: place.teamId,
    ...(place.botToken ? { botToken: place.botToken } : {}),
    incidentChannel: place.incidentChannel,
    ...(place.leadsChannel ? { leadsChannel: place.leadsChannel } : {}),
    leads: place.leads,
  };
}

/** Where a collective meets on Discord, with its optional parts left out when unset. */
export function collectiveDiscord(place: {
  guildId: string | undefined;
  incidentChannel: string;
  leadsChannel?: string | undefined;
  leadRole?: string | undefined;
}): CollectiveDiscordConfig {
  return {
    guildId: place.guildId,
    incidentChannel: place.incidentChannel,
    ...(place.leadsChannel ? { leadsChannel: place.leadsChannel } : {}),
    ...(place.leadRole ? { leadRole: place.leadRole } : {}),
  };
}
