import path from 'node:path';
import type { Language } from '../core/i18n/language.ts';
import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import type { CollectiveConfig } from './collective-config.ts';
import { collectiveFromEnvironment } from './collective-from-environment.ts';
import { loadCollectivesFile } from './collectives-file.ts';
import type { Config } from './config.ts';
import { ConfigError } from './config-error.ts';
import { envSchema, SECRET_VARIABLES } from './config-schema.ts';

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
  if (Boolean(e.SLACK_BOT_TOKEN) !== Boolean(e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
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
  const settings: CollectiveConfig['settings'] = {
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
  const collectives: CollectiveConfig[] = e.SHIELDWALL_CONFIG
    ? loadCollectivesFile(e.SHIELDWALL_CONFIG, {
        timezone: settings.timezone,
        language: e.SHIELDWALL_LANGUAGE,
        sharesSignals: settings.sharesSignals,
        digestCron: e.DIGEST_CRON,
        frequentRule: settings.frequentRule,
        rally: settings.rally,
        safety: settings.safety,
      })
    : [collectiveFromEnvironment(settings, e.DIGEST_CRON, slack, discord)];
  return {
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
    settings,
    slack,
    discord,
    collectives,
  };
}
