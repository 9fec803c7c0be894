import type { CollectiveSettings } from '../core/settings.ts';

/** The validated configuration the process runs with. Built only by loadConfig. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  digestCron: string;
  port: number;
  settings: CollectiveSettings;
  slack: { botToken: string; appToken: string | undefined } | undefined;
  discord: { token: string; applicationId: string | undefined } | undefined;
}
