import type { CaptureLimits } from '../core/capture/page-capturer.ts';
import type { MemberLimitsPolicy } from '../core/limits/member-limits.ts';
import type { CollectiveSettings } from '../core/settings.ts';
import type { CollectiveConfig } from './collective-config.ts';

/** The validated configuration the process runs with. Built only by loadConfig. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  /** The key of members' pseudonyms (64 hex digits) when set in the environment (see ledger/pseudonym-key.ts). */
  pseudonymKey: string | undefined;
  /** How long a running bot waits for a ledger that is down before it stops (and a service manager restarts it). */
  ledgerGraceSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  digestCron: string;
  /** Personal data of incidents resolved longer ago than this is purged daily; unset: kept. */
  retentionDays: number | undefined;
  /** Open incidents with no activity for this long are closed as lapsed and purged; unset: RETENTION_DAYS. */
  retentionIdleDays: number | undefined;
  port: number;
  /** Private messages each platform adapter sends per second at most, below the platforms' own limits. */
  messagesPerSecond: number;
  /** How much one member may flag, and ask of one colleague or of the leads; counted in each process. */
  memberLimits: MemberLimitsPolicy;
  /** Bytes of downloaded screenshots the process holds at once; past it a screenshot is not downloaded. */
  screenshotBudgetBytes: number;
  /** Page capture in a headless browser; undefined when CAPTURE=off. */
  capture: CaptureConfig | undefined;
  settings: CollectiveSettings;
  /**
   * The environment's collective settings: the single collective's, or, with a collectives file, what each
   * collective leaves out; also what a workspace set up in chat starts with.
   */
  collectiveDefaults: CollectiveSettings & { collectiveId: string; sharesSignals: boolean };
  /** The single collective's Slack, from the environment; undefined with SHIELDWALL_CONFIG (see collectives). */
  slack: SlackConfig | undefined;
  /** The single collective's Discord, from the environment; undefined with SHIELDWALL_CONFIG. */
  discord: DiscordConfig | undefined;
  /** The Slack app the process runs as, for every collective on Slack. */
  slackApp: SlackAppConfig | undefined;
  /** The Discord application the process runs as, for every collective on Discord. */
  discordApp: DiscordAppConfig | undefined;
  /**
   * Every collective this deployment serves: those SHIELDWALL_CONFIG's file lists, or else one, `default`, built
   * from the variables above (its settings are `settings`, its channels those of `slack` and `discord`).
   */
  collectives: CollectiveConfig[];
}

export interface CaptureConfig {
  /** CHROMIUM_PATH, or undefined to look in the usual places. */
  chromiumPath: string | undefined;
  limits: CaptureLimits;
  concurrency: number;
  attempts: number;
  /** The first wait before a capture is tried again, doubling each time. */
  retrySeconds: number;
  recheckDays: number[];
  /** Also ask the Internet Archive for a copy (CAPTURE_ARCHIVE=on). */
  archive: { baseUrl: string; accessKey: string | undefined; secretKey: string | undefined } | undefined;
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  incidentChannel: string;
  leadsChannel: string | undefined;
  leads: string[];
  apiUrl: string | undefined;
}

export interface DiscordConfig {
  token: string;
  applicationId: string | undefined;
  incidentChannel: string;
  leadsChannel: string | undefined;
  leadRole: string | undefined;
  apiUrl: string | undefined;
}

export interface SlackAppConfig {
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
  /** "Add to Slack": workspaces install the app by OAuth and are set up in chat; undefined when off. */
  installs: SlackInstallsConfig | undefined;
}

export interface SlackInstallsConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** SHIELDWALL_INSTALL_KEY: seals the installations' tokens in the ledger. */
  installKey: string;
}

export interface DiscordAppConfig {
  token: string;
  applicationId: string | undefined;
  apiUrl: string | undefined;
}
