import path from 'node:path';
import type { Language } from '../core/i18n/language.ts';
import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import type { CollectiveConfig } from './collective-config.ts';
import { collectiveFromEnvironment } from './collective-from-environment.ts';
import { loadCollectivesFile } from './collectives-file.ts';
import type { Config, DiscordAppConfig, SlackAppConfig, SlackInstallsConfig } from './config.ts';
import { ConfigError } from './config-error.ts';
import { type Env, envSchema, SECRET_VARIABLES } from './config-schema.ts';

// Callers have always imported it from here.
export { ConfigError };

/** What the collective is called when SHIELDWALL_COLLECTIVE_NAME is unset: a phrase of its own language. */
const UNNAMED_COLLECTIVE: Record<Language, string> = { en: 'the collective', fr: 'le collectif' };

/** Reads and validates the environment once; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      const shown = SECRET_VARIABLES.has(name) || env[name] === undefined ? '' : ` (it is "${env[name]}")`;
      return `- ${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Shieldwall can't start: a setting is wrong.\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const installs = slackInstalls(e);
  if (e.SHIELDWALL_CONFIG) return withCollectivesFile(e, e.SHIELDWALL_CONFIG, installs);
  if (!installs && Boolean(e.SLACK_BOT_TOKEN) !== Boolean(e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
    throw new ConfigError(
      "Shieldwall can't start: SLACK_BOT_TOKEN goes with SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN " +
        '(Socket Mode); set the token and one of them, or none.',
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_INCIDENT_CHANNEL) {
    throw new ConfigError(
      "Shieldwall can't start: Slack needs SLACK_INCIDENT_CHANNEL, the id of the collective's private channel.",
    );
  }
  if (e.DISCORD_TOKEN && !e.DISCORD_INCIDENT_CHANNEL) {
    throw new ConfigError(
      "Shieldwall can't start: Discord needs DISCORD_INCIDENT_CHANNEL, the id of the collective's private channel.",
    );
  }
  const settings = environmentSettings(e);
  const slack =
    e.SLACK_BOT_TOKEN && e.SLACK_INCIDENT_CHANNEL
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          incidentChannel: e.SLACK_INCIDENT_CHANNEL,
          leadsChannel: e.SLACK_LEADS_CHANNEL,
          leads: e.SLACK_LEADS,
          apiUrl: e.SLACK_API_URL,
        }
      : undefined;
  const discord =
    e.DISCORD_TOKEN && e.DISCORD_INCIDENT_CHANNEL
      ? {
          token: e.DISCORD_TOKEN,
          applicationId: e.DISCORD_APPLICATION_ID,
          incidentChannel: e.DISCORD_INCIDENT_CHANNEL,
          leadsChannel: e.DISCORD_LEADS_CHANNEL,
          leadRole: e.DISCORD_LEAD_ROLE,
          apiUrl: e.DISCORD_API_URL,
        }
      : undefined;
  return {
    ...processConfig(e),
    settings,
    slack,
    discord,
    collectives: [collectiveFromEnvironment(settings, e.DIGEST_CRON, slack, discord)],
    slackApp: slack || installs ? slackAppOf(e, installs) : undefined,
    discordApp: discordAppOf(e),
  };
}

/** What the whole process runs with, whichever way its collectives are configured. */
function processConfig(e: Env) {
  return {
    collectiveDefaults: environmentSettings(e),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SHIELDWALL_DATA_DIR),
    pseudonymKey: e.SHIELDWALL_PSEUDONYM_KEY,
    ledgerGraceSeconds: e.SHIELDWALL_LEDGER_GRACE_SECONDS,
    logLevel: e.LOG_LEVEL,
    digestCron: e.DIGEST_CRON,
    retentionDays: e.RETENTION_DAYS,
    retentionIdleDays: e.RETENTION_IDLE_DAYS ?? e.RETENTION_DAYS,
    port: e.PORT,
    messagesPerSecond: e.RALLY_MESSAGES_PER_SECOND,
    screenshotBudgetBytes: e.SCREENSHOTS_IN_MEMORY_MB * 1024 * 1024,
    memberLimits: {
      flagsBurst: { points: e.LIMIT_FLAGS_BURST, minutes: e.LIMIT_FLAGS_BURST_MINUTES },
      flagsHourly: { points: e.LIMIT_FLAGS_PER_HOUR, minutes: 60 },
      questionsToOneColleague: { points: e.LIMIT_QUESTIONS_PER_COLLEAGUE_PER_DAY, minutes: 24 * 60 },
      leadAlerts: { points: e.LIMIT_LEAD_ALERTS_PER_HOUR, minutes: 60 },
    },
    capture: e.CAPTURE
      ? {
          chromiumPath: e.CHROMIUM_PATH,
          limits: {
            timeoutMs: e.CAPTURE_TIMEOUT_SECONDS * 1000,
            maxBytes: e.CAPTURE_MAX_MB * 1024 * 1024,
            allowLoopback: e.CAPTURE_ALLOW_LOOPBACK_UNSAFE,
          },
          concurrency: e.CAPTURE_CONCURRENCY,
          attempts: e.CAPTURE_ATTEMPTS,
          retrySeconds: e.CAPTURE_RETRY_SECONDS,
          recheckDays: e.CAPTURE_RECHECK_DAYS,
          archive: e.CAPTURE_ARCHIVE
            ? {
                baseUrl: e.ARCHIVE_API_URL ?? 'https://web.archive.org',
                accessKey: e.ARCHIVE_ACCESS_KEY,
                secretKey: e.ARCHIVE_SECRET_KEY,
              }
            : undefined,
        }
      : undefined,
  };
}

/** The collective settings the environment gives: the single collective's, or a file's defaults. */
function environmentSettings(e: Env): CollectiveConfig['settings'] {
  return {
    collectiveId: DEFAULT_COLLECTIVE_ID,
    sharesSignals: e.SHIELDWALL_SHARE_SIGNALS,
    collectiveName: e.SHIELDWALL_COLLECTIVE_NAME ?? UNNAMED_COLLECTIVE[e.SHIELDWALL_LANGUAGE],
    timezone: e.SHIELDWALL_TIMEZONE,
    language: e.SHIELDWALL_LANGUAGE,
    frequentRule: {
      minIncidents: e.FREQUENT_MIN_INCIDENTS,
      minTargets: e.FREQUENT_MIN_TARGETS,
      windowDays: e.FREQUENT_WINDOW_DAYS,
      lapseDays: e.FREQUENT_LAPSE_DAYS,
      // Unset means off (see FrequentRule), so the rule reads as before unless someone turned it on.
      ...(e.FREQUENT_COUNT_SHARED ? { countShared: true } : {}),
    },
    rally: {
      waveSize: e.RALLY_WAVE_SIZE,
      waveGapMinutes: e.RALLY_WAVE_MINUTES,
      enoughActors: e.RALLY_ENOUGH,
      consentMinutes: e.RALLY_CONSENT_MINUTES,
    },
    safety: {
      ...(e.SAFETY_EMERGENCY ? { emergency: e.SAFETY_EMERGENCY } : {}),
      ...(e.SAFETY_POLICE ? { police: e.SAFETY_POLICE } : {}),
      ...(e.SAFETY_LEGAL ? { legal: e.SAFETY_LEGAL } : {}),
      ...(e.SAFETY_WELLBEING ? { wellbeing: e.SAFETY_WELLBEING } : {}),
    },
  };
}

/** Environment variables that describe the one collective of a deployment without a collectives file. */
const SINGLE_COLLECTIVE_VARIABLES = [
  'SHIELDWALL_COLLECTIVE_NAME',
  'SLACK_INCIDENT_CHANNEL',
  'SLACK_LEADS_CHANNEL',
  'SLACK_LEADS',
  'DISCORD_INCIDENT_CHANNEL',
  'DISCORD_LEADS_CHANNEL',
  'DISCORD_LEAD_ROLE',
] as const;

/**
 * Several collectives from SHIELDWALL_CONFIG; the environment keeps what the whole process shares (the
 * database, the Slack app's signing secret or app token, the Discord application) and the defaults of every
 * collective setting the file leaves out.
 */
function withCollectivesFile(e: Env, file: string, installs: SlackInstallsConfig | undefined): Config {
  const given = SINGLE_COLLECTIVE_VARIABLES.filter((name) => {
    const value = e[name];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
  if (given.length > 0)
    throw new ConfigError(
      `Shieldwall can't start: with SHIELDWALL_CONFIG, each collective's channels, leads and name are in the file; ` +
        `unset ${given.join(', ')}.`,
    );
  const defaults = environmentSettings(e);
  const collectives = loadCollectivesFile(file, {
    timezone: defaults.timezone,
    language: e.SHIELDWALL_LANGUAGE,
    sharesSignals: defaults.sharesSignals,
    digestCron: e.DIGEST_CRON,
    frequentRule: defaults.frequentRule,
    rally: defaults.rally,
    safety: defaults.safety,
  });
  const onSlack = collectives.filter((collective) => collective.slack);
  if (onSlack.length > 0 && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    throw new ConfigError(
      "Shieldwall can't start: collectives on Slack need SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN " +
        '(Socket Mode).',
    );
  const tokenless = onSlack.filter((collective) => !collective.slack?.botToken);
  if (tokenless.length > 1 || (tokenless.length === 1 && !e.SLACK_BOT_TOKEN))
    throw new ConfigError(
      `Shieldwall can't start: ${tokenless.map((c) => `collective "${c.id}"`).join(', ')} ` +
        `${tokenless.length > 1 ? 'need' : 'needs'} slack.botToken in ${file} ` +
        '(SLACK_BOT_TOKEN stands in for one collective only).',
    );
  if (collectives.some((collective) => collective.discord) && !e.DISCORD_TOKEN)
    throw new ConfigError("Shieldwall can't start: collectives on Discord need DISCORD_TOKEN.");
  return {
    ...processConfig(e),
    // The first collective's settings stand for the process where one is needed (the CLI's digest and export).
    settings: collectives[0]?.settings ?? defaults,
    slack: undefined,
    discord: undefined,
    collectives: collectives.map((collective) =>
      collective.slack && !collective.slack.botToken && e.SLACK_BOT_TOKEN
        ? { ...collective, slack: { ...collective.slack, botToken: e.SLACK_BOT_TOKEN } }
        : collective,
    ),
    slackApp: onSlack.length > 0 || installs ? slackAppOf(e, installs) : undefined,
    discordApp: discordAppOf(e),
  };
}

/**
 * "Add to Slack": on when the app's OAuth credentials are set. Installs come back to Slack's HTTP redirect, so
 * HTTP mode is needed, and the tokens they bring are sealed under SHIELDWALL_INSTALL_KEY.
 */
function slackInstalls(e: Env): SlackInstallsConfig | undefined {
  const given = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (given.every((value) => value === undefined)) return undefined;
  const [clientId, clientSecret, stateSecret] = given;
  if (!clientId || !clientSecret || !stateSecret)
    throw new ConfigError(
      'Shieldwall can\'t start: "Add to Slack" needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET ' +
        "(from your Slack app's Basic Information page; the state secret is any long random text).",
    );
  if (!e.SLACK_SIGNING_SECRET)
    throw new ConfigError(
      'Shieldwall can\'t start: "Add to Slack" needs HTTP mode and SLACK_SIGNING_SECRET: Slack sends the ' +
        'installing admin back to /slack/oauth_redirect.',
    );
  if (!e.SHIELDWALL_INSTALL_KEY)
    throw new ConfigError(
      'Shieldwall can\'t start: "Add to Slack" needs SHIELDWALL_INSTALL_KEY, the key that seals each ' +
        "workspace's tokens in the ledger (64 hex digits; make one with `openssl rand -hex 32`). Keep it outside " +
        'the database and its backups.',
    );
  return { clientId, clientSecret, stateSecret, installKey: e.SHIELDWALL_INSTALL_KEY };
}

/** The Slack app the process runs as, for every workspace it serves. */
function slackAppOf(e: Env, installs: SlackInstallsConfig | undefined): SlackAppConfig {
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
    installs,
  };
}

/** The Discord application the process runs as, for every server it serves; undefined without DISCORD_TOKEN. */
function discordAppOf(e: Env): DiscordAppConfig | undefined {
  return e.DISCORD_TOKEN
    ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL }
    : undefined;
}
