import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

describe('configuration', () => {
  it('runs on defaults with an empty environment: embedded ledger, terminal adapter', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.shieldwall$/);
    expect(config.settings.frequentRule).toEqual({
      minIncidents: 3,
      minTargets: 2,
      windowDays: 90,
      lapseDays: 180,
    });
    expect(config.digestCron).toBe('0 9 * * 1');
    expect(config.slack).toBeUndefined();
    expect(config.ledgerGraceSeconds).toBe(60);
    // Unset safety contacts are named in each reader's language, not fixed here in English.
    expect(config.settings.safety).toEqual({});
  });

  it('takes how long to wait for a ledger that is down, in seconds', () => {
    expect(loadConfig({ SHIELDWALL_LEDGER_GRACE_SECONDS: '120' }).ledgerGraceSeconds).toBe(120);
    expect(() => loadConfig({ SHIELDWALL_LEDGER_GRACE_SECONDS: 'a minute' })).toThrow(
      /SHIELDWALL_LEDGER_GRACE_SECONDS/,
    );
    expect(() => loadConfig({ SHIELDWALL_LEDGER_GRACE_SECONDS: '0' })).toThrow(
      /SHIELDWALL_LEDGER_GRACE_SECONDS/,
    );
  });

  it('takes the collective’s language, English by default, and names an unnamed collective in it', () => {
    expect(loadConfig({}).settings).toMatchObject({ language: 'en', collectiveName: 'the collective' });
    expect(loadConfig({ SHIELDWALL_LANGUAGE: ' FR ' }).settings).toMatchObject({
      language: 'fr',
      collectiveName: 'le collectif',
    });
    expect(
      loadConfig({ SHIELDWALL_LANGUAGE: 'fr', SHIELDWALL_COLLECTIVE_NAME: 'Médecins engagés' }).settings
        .collectiveName,
    ).toBe('Médecins engagés');
    expect(() => loadConfig({ SHIELDWALL_LANGUAGE: 'de' })).toThrow(
      /SHIELDWALL_LANGUAGE must be en \(English\) or fr \(French\)/,
    );
  });

  it('stops with a message naming each wrong variable', () => {
    expect(() =>
      loadConfig({ SHIELDWALL_TIMEZONE: 'Mars/Olympus', FREQUENT_MIN_INCIDENTS: 'three' }),
    ).toThrow(/SHIELDWALL_TIMEZONE must be a time zone name[\s\S]*FREQUENT_MIN_INCIDENTS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DIGEST_CRON: 'every monday' })).toThrow(/DIGEST_CRON must be a cron line/);
  });

  it('never echoes a secret in a configuration error', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/prod' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });

  it('wants the Slack token with a signing secret or an app token, and an incident channel', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_INCIDENT_CHANNEL/,
    );
    const http = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_INCIDENT_CHANNEL: 'C0INCIDENT',
      SLACK_LEADS: ' U0LEAD1, W0LEAD2 ',
    }).slack;
    expect(http).toMatchObject({
      incidentChannel: 'C0INCIDENT',
      leads: ['U0LEAD1', 'W0LEAD2'],
      appToken: undefined,
    });
    const socket = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_INCIDENT_CHANNEL: 'C1X',
    });
    expect(socket?.slack?.appToken).toBe('xapp-1');
  });

  it('refuses Slack ids that are not ids', () => {
    expect(() => loadConfig({ SLACK_INCIDENT_CHANNEL: '#incidents' })).toThrow(
      /SLACK_INCIDENT_CHANNEL must be a channel id/,
    );
    expect(() => loadConfig({ SLACK_LEADS: 'U0LEAD1,@ana' })).toThrow(
      /SLACK_LEADS must be a comma-separated list/,
    );
    expect(() => loadConfig({ SLACK_API_URL: 'ftp://x' })).toThrow(/SLACK_API_URL/);
  });

  it('wants a Discord incident channel with the token, and ids that are ids', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'token' })).toThrow(/DISCORD_INCIDENT_CHANNEL/);
    expect(() => loadConfig({ DISCORD_TOKEN: 'token', DISCORD_INCIDENT_CHANNEL: '#incidents' })).toThrow(
      /DISCORD_INCIDENT_CHANNEL must be a channel id/,
    );
    const discord = loadConfig({
      DISCORD_TOKEN: 'token',
      DISCORD_INCIDENT_CHANNEL: '1100000000000000003',
      DISCORD_LEAD_ROLE: '1100000000000000009',
    }).discord;
    expect(discord).toMatchObject({
      incidentChannel: '1100000000000000003',
      leadRole: '1100000000000000009',
    });
  });

  it('takes per-member limits, with defaults', () => {
    expect(loadConfig({}).memberLimits).toEqual({
      flagsBurst: { points: 15, minutes: 10 },
      flagsHourly: { points: 40, minutes: 60 },
      questionsToOneColleague: { points: 10, minutes: 1440 },
      leadAlerts: { points: 3, minutes: 60 },
    });
    const set = loadConfig({
      LIMIT_FLAGS_BURST: '3',
      LIMIT_FLAGS_BURST_MINUTES: '5',
      LIMIT_FLAGS_PER_HOUR: '12',
      LIMIT_QUESTIONS_PER_COLLEAGUE_PER_DAY: '2',
      LIMIT_LEAD_ALERTS_PER_HOUR: '1',
    }).memberLimits;
    expect(set.flagsBurst).toEqual({ points: 3, minutes: 5 });
    expect(set.flagsHourly.points).toBe(12);
    expect(set.questionsToOneColleague.points).toBe(2);
    expect(set.leadAlerts.points).toBe(1);
    expect(() => loadConfig({ LIMIT_FLAGS_PER_HOUR: 'lots' })).toThrow(/LIMIT_FLAGS_PER_HOUR/);
  });

  it('takes how many megabytes of screenshots to hold at once, at least one screenshot at the limit', () => {
    expect(loadConfig({}).screenshotBudgetBytes).toBe(100 * 1024 * 1024);
    expect(loadConfig({ SCREENSHOTS_IN_MEMORY_MB: '20' }).screenshotBudgetBytes).toBe(20 * 1024 * 1024);
    expect(() => loadConfig({ SCREENSHOTS_IN_MEMORY_MB: '5' })).toThrow(/SCREENSHOTS_IN_MEMORY_MB/);
  });
});
