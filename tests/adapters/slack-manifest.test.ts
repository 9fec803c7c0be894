import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETUP_COMMAND } from '../../adapters/slack/listeners/setup.ts';
import { slashCommandName } from '../../adapters/slack/listeners/slash-commands.ts';
import { SLACK_BOT_SCOPES } from '../../adapters/slack/slack-scopes.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { ENGLISH_WORDS, FRENCH_WORDS, strayWords } from '../i18n/stop-words.ts';

const manifestPath = path.resolve(import.meta.dirname, '../../slack-app-manifest.json');

describe('the Slack app manifest', () => {
  it("declares exactly the slash commands the registry serves and the adapter's /setup, all on /slack/events", async () => {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command).sort();
    const served = [...createShieldwallRegistry().commands.map(slashCommandName), SETUP_COMMAND].sort();
    expect(declared).toEqual(served);
    const urls = [
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
  });

  it('describes every command in English, then in French, within 100 characters', async () => {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const problems: string[] = [];
    for (const { command, description } of manifest.features.slash_commands as {
      command: string;
      description: string;
    }[]) {
      const [english = '', french = '', ...more] = description.split(' · ');
      if (description.length >= 100) problems.push(`${command}: ${description.length} characters`);
      if (!english || !french || more.length > 0) problems.push(`${command}: not "English · Français"`);
      if (english === french) problems.push(`${command}: the French part is the English one`);
      for (const word of strayWords(english, FRENCH_WORDS)) problems.push(`${command} en: "${word}"`);
      for (const word of strayWords(french, ENGLISH_WORDS)) problems.push(`${command} fr: "${word}"`);
    }
    expect(problems).toEqual([]);
  });

  it('asks for the scopes and events the adapter uses, and no more', async () => {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['chat:write', 'commands', 'files:write', 'groups:read', 'im:write', 'users:read'].sort(),
    );
    // "Add to Slack" asks for what the manifest declares, no more and no less.
    expect([...SLACK_BOT_SCOPES].sort()).toEqual(manifest.oauth_config.scopes.bot.sort());
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      [
        'app_home_opened',
        'member_joined_channel',
        'member_left_channel',
        'channel_shared',
        'channel_unshared',
        'app_uninstalled',
        'tokens_revoked',
      ].sort(),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('sends mentions typed after /setup as user ids, and brings installing admins back to /slack/oauth_redirect', async () => {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const setup = manifest.features.slash_commands.find(
      (c: { command: string }) => c.command === SETUP_COMMAND,
    );
    // should_escape: `/setup leads @Ana` arrives as `<@UANA>`, the only form /setup reads.
    expect(setup.should_escape).toBe(true);
    expect(manifest.oauth_config.redirect_urls.map((url: string) => new URL(url).pathname)).toEqual([
      '/slack/oauth_redirect',
    ]);
  });
});
