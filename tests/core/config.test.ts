import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

describe('configuration', () => {
  it('runs on defaults with an empty environment: embedded ledger, terminal adapter', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.shieldwall$/);
    expect(config.settings.frequentRule).toEqual({ minIncidents: 3, minTargets: 2, windowDays: 90 });
    expect(config.digestCron).toBe('0 9 * * 1');
    expect(config.slack).toBeUndefined();
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

  it('wants the Slack token and signing secret together', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
