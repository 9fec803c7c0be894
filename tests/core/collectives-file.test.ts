import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseCollective } from '../../src/cli/choose-collective.ts';
import { type CollectiveDefaults, loadCollectivesFile } from '../../src/config/collectives-file.ts';
import { ConfigError, loadConfig } from '../../src/config/load-config.ts';
import { hideTokens } from '../../src/config/read-collectives-file.ts';
import { translator } from '../../src/core/i18n/translator.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'shieldwall-collectives-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
function fileWith(text: string, extension = 'yaml'): string {
  files += 1;
  const filePath = path.join(folder, `collectives-${files}.${extension}`);
  writeFileSync(filePath, text);
  return filePath;
}

const defaults: CollectiveDefaults = {
  timezone: 'Europe/Paris',
  language: 'en',
  sharesSignals: true,
  digestCron: '0 8 * * 5',
  frequentRule: { minIncidents: 3, minTargets: 2, windowDays: 90, lapseDays: 180 },
  rally: { waveSize: 8, waveGapMinutes: 30, enoughActors: 3, consentMinutes: 120 },
  safety: { emergency: '112' },
};

/** The message of the ConfigError loading this file throws. */
function errorFor(filePath: string): string {
  try {
    loadCollectivesFile(filePath, defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`${filePath} loaded without an error`);
}

/** A file of two good collectives with `changed` spliced into the second one's lines. */
function withSecond(changed: string): string {
  return fileWith(`collectives:
  - id: ontario-md
    name: Ontario
    slack: { team: T0ONTARIO, incidentChannel: C0ONTARIO }
  - id: quebec-md
    name: Québec
${changed}`);
}

const threeCollectives = `collectives:
  - id: ontario-md
    name: Ontario Physicians Against Harassment
    timezone: America/Toronto
    share: false
    frequent: { minIncidents: 4, countShared: true }
    rally: { waveSize: 5, enough: 2 }
    safety: { police: "416-808-2222" }
    slack:
      team: T0ONTARIO
      botToken: xoxb-ontario-token
      incidentChannel: C0ONTARIO
      leadsChannel: C0LEADS
      leads: [U0LEAD1, W0LEAD2]
  - id: quebec-md
    name: Médecins québécois
    language: fr
    digestCron: "0 9 * * 1"
    slack: { team: T0QUEBEC, incidentChannel: C0QUEBEC }
  - id: nurses
    name: Nurses United
    discord: { guild: 1100000000000000001, incidentChannel: "1100000000000000003", leadRole: "1100000000000000009" }
`;

describe('the collectives file', () => {
  it('reads two Slack collectives and a Discord one, filling what they leave out from the defaults', () => {
    const [ontario, quebec, nurses] = loadCollectivesFile(fileWith(threeCollectives), defaults);
    expect(ontario).toEqual({
      id: 'ontario-md',
      settings: {
        collectiveId: 'ontario-md',
        sharesSignals: false,
        collectiveName: 'Ontario Physicians Against Harassment',
        timezone: 'America/Toronto',
        language: 'en',
        frequentRule: { minIncidents: 4, minTargets: 2, windowDays: 90, lapseDays: 180, countShared: true },
        rally: { waveSize: 5, waveGapMinutes: 30, enoughActors: 2, consentMinutes: 120 },
        safety: { emergency: '112', police: '416-808-2222' },
      },
      digestCron: '0 8 * * 5',
      slack: {
        teamId: 'T0ONTARIO',
        botToken: 'xoxb-ontario-token',
        incidentChannel: 'C0ONTARIO',
        leadsChannel: 'C0LEADS',
        leads: ['U0LEAD1', 'W0LEAD2'],
      },
    });
    expect(quebec?.settings).toMatchObject({
      collectiveId: 'quebec-md',
      sharesSignals: true,
      language: 'fr',
      timezone: 'Europe/Paris',
      frequentRule: { minIncidents: 3, countShared: false },
    });
    expect(quebec?.digestCron).toBe('0 9 * * 1');
    expect(quebec?.slack).toEqual({ teamId: 'T0QUEBEC', incidentChannel: 'C0QUEBEC', leads: [] });
    expect(quebec?.discord).toBeUndefined();
    // Written without quotes, a 19-digit id still keeps every digit.
    expect(nurses?.discord).toEqual({
      guildId: '1100000000000000001',
      incidentChannel: '1100000000000000003',
      leadRole: '1100000000000000009',
    });
    expect(nurses?.slack).toBeUndefined();
  });

  it('reads the same collectives from JSON', () => {
    const json = {
      collectives: [
        { id: 'ontario-md', name: 'Ontario', slack: { team: 'T0ONTARIO', incidentChannel: 'C0ONTARIO' } },
        {
          id: 'nurses',
          name: 'Nurses',
          discord: { guild: '1100000000000000001', incidentChannel: '11000000003' },
        },
      ],
    };
    const collectives = loadCollectivesFile(fileWith(JSON.stringify(json), 'json'), defaults);
    expect(collectives.map((collective) => collective.id)).toEqual(['ontario-md', 'nurses']);
    expect(collectives[1]?.discord?.guildId).toBe('1100000000000000001');
    expect(collectives[0]?.settings.timezone).toBe('Europe/Paris');
  });

  it('refuses an unknown field, naming the file, the collective and the misspelt field', () => {
    const filePath = withSecond('    slack: { team: T0QUEBEC, incidentChanel: C0QUEBEC }\n');
    const message = errorFor(filePath);
    expect(message).toContain(`Shieldwall can't start: ${filePath} is wrong.`);
    expect(message).toContain(
      '- collective "quebec-md": slack.incidentChanel is not a field Shieldwall knows',
    );
    expect(message).toContain('- collective "quebec-md": slack.incidentChannel is missing');
  });

  it('refuses a channel that is not a channel id', () => {
    const filePath = withSecond('    slack: { team: T0QUEBEC, incidentChannel: "#incidents" }\n');
    expect(errorFor(filePath)).toContain(
      '- collective "quebec-md": slack.incidentChannel must be a channel id like C0123456789',
    );
  });

  it('names a collective by its position when its id is the mistake', () => {
    const filePath = fileWith(`collectives:
  - id: Ontario MD
    name: Ontario
    slack: { team: T0ONTARIO, incidentChannel: C0ONTARIO, leads: [U0LEAD1, "@ana"] }
`);
    const message = errorFor(filePath);
    expect(message).toContain('- collective 1: id must be lower-case letters, digits and dashes');
    expect(message).toContain('- collective 1: slack.leads (item 2) must be a user id');
  });

  it('refuses two collectives with one id, naming them by position', () => {
    const filePath = fileWith(
      `${threeCollectives}  - id: quebec-md\n    name: Again\n    slack: { team: T0OTHER, incidentChannel: C0OTHER }\n`,
    );
    expect(errorFor(filePath)).toContain(`- collective 4: id "quebec-md" is collective 2's too`);
  });

  it('refuses one Slack workspace, one Discord server or one incident channel for two collectives', () => {
    const sameTeam = withSecond('    slack: { team: T0ONTARIO, incidentChannel: C0QUEBEC }\n');
    expect(errorFor(sameTeam)).toContain(
      `- collective "quebec-md": slack.team T0ONTARIO is already collective "ontario-md"'s`,
    );
    const sameChannel = withSecond('    slack: { team: T0QUEBEC, incidentChannel: C0ONTARIO }\n');
    expect(errorFor(sameChannel)).toContain(
      `- collective "quebec-md": slack.incidentChannel C0ONTARIO is collective "ontario-md"'s incident channel`,
    );
    const theirLeads = fileWith(
      threeCollectives.replace('incidentChannel: C0QUEBEC', 'incidentChannel: C0LEADS'),
    );
    expect(errorFor(theirLeads)).toContain(
      `- collective "quebec-md": slack.incidentChannel C0LEADS is collective "ontario-md"'s leads channel`,
    );
    const sameGuild = fileWith(`collectives:
  - { id: one, name: One, discord: { guild: "11000000001", incidentChannel: "11000000003" } }
  - { id: two, name: Two, discord: { guild: "11000000001", incidentChannel: "11000000004" } }
`);
    expect(errorFor(sameGuild)).toContain(
      `- collective "two": discord.guild 11000000001 is already collective "one"'s`,
    );
  });

  it('refuses a time zone that does not exist, with the same words as SHIELDWALL_TIMEZONE', () => {
    const filePath = withSecond(
      '    timezone: Mars/Olympus\n    slack: { team: T0QUEBEC, incidentChannel: C0QUEBEC }\n',
    );
    expect(errorFor(filePath)).toContain(
      '- collective "quebec-md": timezone must be a time zone name such as America/Chicago or UTC',
    );
  });

  it('refuses a collective with neither Slack nor Discord, and a file with no collective', () => {
    expect(errorFor(withSecond('    language: fr\n'))).toContain(
      '- collective "quebec-md": needs slack or discord (or both)',
    );
    expect(errorFor(fileWith('collectives: []\n'))).toContain(
      '- collectives must list at least one collective',
    );
  });

  it('names a file that cannot be read', () => {
    const missing = path.join(folder, 'missing.yaml');
    expect(errorFor(missing)).toBe(
      `Shieldwall can't start: ${missing} can't be read: there is no such file.`,
    );
    const unreadable = fileWith(threeCollectives);
    chmodSync(unreadable, 0o000);
    // root reads any file whatever its mode, so only an ordinary user sees this one.
    if (process.getuid?.() !== 0) expect(errorFor(unreadable)).toContain("can't be read");
    expect(errorFor(fileWith('{}', 'toml'))).toMatch(/must end in \.yaml, \.yml or \.json/);
  });

  it('names the line of a YAML or JSON syntax error, never the text around it', () => {
    const yaml = fileWith(`collectives:
  - id: ontario-md
    name: Ontario
    slack: { team: T0ONTARIO, botToken: xoxb-leaked-by-a-typo, incidentChannel: [C0ONTARIO }
`);
    const yamlMessage = errorFor(yaml);
    expect(yamlMessage).toContain(`Shieldwall can't start: ${yaml} is not valid YAML.`);
    expect(yamlMessage).toMatch(/- line 4, column \d+: /);
    // Neither the quoted line (the parser shows it) nor the token in it.
    expect(yamlMessage).not.toContain('T0ONTARIO');
    expect(yamlMessage).not.toContain('leaked');
    const json = fileWith(
      '{\n  "collectives": [\n    { "id": "a", "slack": { "botToken": xoxb-leaked-by-a-typo } }\n]}',
      'json',
    );
    const jsonMessage = errorFor(json);
    expect(jsonMessage).toMatch(new RegExp(`${json} is not valid JSON \\(line 3, column \\d+\\)`));
    expect(jsonMessage).not.toContain('leaked');
  });

  it('never shows a bot token in an error, even a token in the wrong place', () => {
    const filePath = withSecond(
      '    slack: { team: T0QUEBEC, botToken: xoxb-real-secret, incidentChannel: xoxb-real-secret }\n',
    );
    const message = errorFor(filePath);
    expect(message).toContain('slack.incidentChannel must be a channel id');
    expect(message).not.toContain('real-secret');
  });
});

it('hides anything shaped like a Slack token in a message', () => {
  expect(hideTokens('near botToken: xoxb-123-abc, and xoxp-9')).toBe(
    'near botToken: xox…(hidden), and xox…(hidden)',
  );
});

describe('collectives in the configuration', () => {
  it('without SHIELDWALL_CONFIG, is one `default` collective with the settings the environment gives', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_INCIDENT_CHANNEL: 'C0INCIDENT',
      SLACK_LEADS: 'U0LEAD1',
      SHIELDWALL_SHARE_SIGNALS: 'off',
      FREQUENT_COUNT_SHARED: 'on',
    });
    expect(config.collectives).toEqual([
      {
        id: 'default',
        settings: config.settings,
        digestCron: '0 9 * * 1',
        slack: { teamId: undefined, incidentChannel: 'C0INCIDENT', leads: ['U0LEAD1'] },
      },
    ]);
    expect(config.settings).toMatchObject({
      collectiveId: 'default',
      sharesSignals: false,
      frequentRule: { countShared: true },
    });
    expect(loadConfig({}).settings).toMatchObject({ collectiveId: 'default', sharesSignals: true });
    expect(loadConfig({}).collectives[0]?.slack).toBeUndefined();
  });

  it('with SHIELDWALL_CONFIG, comes from the file, with the environment as defaults', () => {
    const process = { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-process', DISCORD_TOKEN: 'd' };
    const file = fileWith(threeCollectives);
    const config = loadConfig({ SHIELDWALL_CONFIG: file, SHIELDWALL_LANGUAGE: 'fr', ...process });
    expect(config.collectives.map((collective) => collective.id)).toEqual([
      'ontario-md',
      'quebec-md',
      'nurses',
    ]);
    expect(config.collectives[2]?.settings.language).toBe('fr');
    // The one Slack collective without a token of its own runs with the process's.
    expect(config.collectives.map((collective) => collective.slack?.botToken)).toEqual([
      'xoxb-ontario-token',
      'xoxb-process',
      undefined,
    ]);
    expect(config.slackApp).toEqual({ signingSecret: 's', appToken: undefined, apiUrl: undefined });
    expect([config.slack, config.discord]).toEqual([undefined, undefined]);
    expect(() => loadConfig({ SHIELDWALL_CONFIG: path.join(folder, 'absent.yml') })).toThrow(/absent\.yml/);
  });

  it('with SHIELDWALL_CONFIG, refuses what the file needs from the environment, and a collective in both', () => {
    const file = fileWith(threeCollectives);
    const all = {
      SHIELDWALL_CONFIG: file,
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'x',
      DISCORD_TOKEN: 'd',
    };
    expect(() => loadConfig({ ...all, SLACK_SIGNING_SECRET: undefined })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ ...all, SLACK_BOT_TOKEN: undefined })).toThrow(
      /collective "quebec-md" needs slack\.botToken/,
    );
    expect(() => loadConfig({ ...all, DISCORD_TOKEN: undefined })).toThrow(/need DISCORD_TOKEN/);
    expect(() => loadConfig({ ...all, SLACK_INCIDENT_CHANNEL: 'C0OTHER', SLACK_LEADS: 'U0A' })).toThrow(
      /unset SLACK_INCIDENT_CHANNEL, SLACK_LEADS\./,
    );
    expect(() => loadConfig(all)).not.toThrow();
  });
});

describe('the example in examples/collectives.yaml', () => {
  it('is a valid file, with one collective that opts out and one that counts shared signals', () => {
    const example = path.resolve(import.meta.dirname, '../../examples/collectives.yaml');
    const collectives = loadCollectivesFile(example, defaults);
    expect(
      collectives.map((c) => [c.id, c.settings.sharesSignals, c.settings.frequentRule.countShared ?? false]),
    ).toEqual([
      ['ontario-md', true, false],
      ['quebec-md', true, true],
      ['michigan-docs', false, false],
    ]);
  });
});

describe('the command line with several collectives', () => {
  const t = translator('en');
  const process = { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-process', DISCORD_TOKEN: 'd' };

  it('takes the collective --collective names, and refuses to guess among several', () => {
    const config = loadConfig({ SHIELDWALL_CONFIG: fileWith(threeCollectives), ...process });
    expect(chooseCollective(config, 'nurses', t).id).toBe('nurses');
    expect(() => chooseCollective(config, undefined, t)).toThrow(
      'This deployment serves several collectives: name one with --collective (ontario-md, quebec-md, nurses).',
    );
    expect(() => chooseCollective(config, 'nobody', t)).toThrow('No collective is called "nobody" here.');
  });

  it('takes the only collective when there is one', () => {
    expect(chooseCollective(loadConfig({}), undefined, t).id).toBe('default');
  });
});
