import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LedgerInstallationStore } from '../../adapters/slack/installation-store.ts';
import { checkInstallKey, InstallKeyError } from '../../src/ledger/install-key-check.ts';
import {
  findSlackInstallation,
  listInstalledTeamIds,
  listSlackInstallations,
  slackInstallationRecords,
} from '../../src/ledger/slack-installations.ts';
import { createTokenCipher, TokenCipherError } from '../../src/ledger/token-cipher.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const KEY = randomBytes(32).toString('hex');
const OTHER_KEY = randomBytes(32).toString('hex');
const cipher = createTokenCipher(KEY);

let db: TestDatabase;
let store: LedgerInstallationStore;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE slack_installations, install_key_check');
  store = new LedgerInstallationStore(slackInstallationRecords(db.pool, cipher));
});

/** Every secret a workspace install carries, distinct per call so no test can pass on another's tokens. */
function secretsFor(teamId: string) {
  const tag = randomBytes(6).toString('hex');
  return {
    bot: `xoxb-${teamId}-bot-${tag}`,
    refresh: `xoxe-1-${teamId}-refresh-${tag}`,
    user: `xoxp-${teamId}-user-${tag}`,
    webhook: `https://hooks.slack.com/services/${teamId}/B0HOOK/${tag}`,
  };
}

function workspaceInstall(teamId: string, secrets = secretsFor(teamId)): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Collective ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: secrets.user, scopes: ['identify'] },
    bot: {
      token: secrets.bot,
      refreshToken: secrets.refresh,
      expiresAt: 1_900_000_000,
      scopes: ['commands', 'chat:write'],
      id: 'B0BOT',
      userId: 'U0BOT',
    },
    incomingWebhook: { url: secrets.webhook, channel: '#incidents', channelId: 'C0INCIDENTS' },
    appId: 'A0SHIELDWALL',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

const byTeam = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) as const;

async function rawRows(): Promise<{ columns: Record<string, unknown>[]; asText: string[] }> {
  const columns = (await db.pool.query('SELECT * FROM slack_installations')).rows;
  // Every column as Postgres itself prints it, the bytea included (as hex and as escaped bytes).
  const asText = (
    await db.pool.query(
      `SELECT row_to_json(s)::text AS json, encode(sealed, 'escape') AS escaped FROM slack_installations s`,
    )
  ).rows.flatMap((row) => [row.json, row.escaped]);
  return { columns, asText };
}

function expectNowhere(secret: string, raw: Awaited<ReturnType<typeof rawRows>>) {
  for (const row of raw.columns) {
    for (const [column, value] of Object.entries(row)) {
      const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
      expect(bytes.includes(secret), `${column} holds a secret`).toBe(false);
    }
  }
  for (const text of raw.asText) expect(text).not.toContain(secret);
}

describe('Slack installations in the ledger', () => {
  it('gives back the installation it stored', async () => {
    const installation = workspaceInstall('T0AAA');
    await store.storeInstallation(installation);
    expect(await store.fetchInstallation(byTeam('T0AAA'))).toEqual(installation);
    await expect(store.fetchInstallation(byTeam('T0BBB'))).rejects.toThrow(
      /No Slack installation for team T0BBB/,
    );
  });

  it('keeps no token in clear: not in the sealed bytes, not in any other column', async () => {
    const secrets = secretsFor('T0AAA');
    await store.storeInstallation(workspaceInstall('T0AAA', secrets));
    const raw = await rawRows();
    expect(raw.columns).toHaveLength(1);
    expect(raw.columns[0]).toMatchObject({
      installation_key: 'T0AAA',
      team_id: 'T0AAA',
      enterprise_id: null,
      is_enterprise_install: false,
      bot_user_id: 'U0BOT',
      app_id: 'A0SHIELDWALL',
    });
    for (const secret of Object.values(secrets)) expectNowhere(secret, raw);
    expectNowhere(KEY, raw);
  });

  it('cannot be read with another key, and a process with another key refuses to start', async () => {
    await checkInstallKey(db.pool, cipher);
    const secrets = secretsFor('T0AAA');
    await store.storeInstallation(workspaceInstall('T0AAA', secrets));
    const other = createTokenCipher(OTHER_KEY);
    const otherStore = new LedgerInstallationStore(slackInstallationRecords(db.pool, other));
    const read = await otherStore.fetchInstallation(byTeam('T0AAA')).catch((error: Error) => error);
    expect(read).toBeInstanceOf(TokenCipherError);
    const refused = await checkInstallKey(db.pool, other).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(InstallKeyError);
    expect((refused as Error).message).toMatch(
      /can't start: SHIELDWALL_INSTALL_KEY is not the key this ledger's Slack installations were sealed with/,
    );
    for (const message of [(read as Error).message, (refused as Error).message]) {
      for (const secret of [KEY, OTHER_KEY, ...Object.values(secrets)]) expect(message).not.toContain(secret);
    }
    await expect(checkInstallKey(db.pool, cipher)).resolves.toBeUndefined();
  });

  it('records the first key to start, and checks even a ledger whose fingerprint was lost', async () => {
    const other = createTokenCipher(OTHER_KEY);
    await store.storeInstallation(workspaceInstall('T0AAA'));
    await expect(checkInstallKey(db.pool, other)).rejects.toThrow(InstallKeyError);
    expect((await db.pool.query('SELECT * FROM install_key_check')).rows).toHaveLength(0);
    await checkInstallKey(db.pool, cipher);
    const recorded = (await db.pool.query('SELECT fingerprint FROM install_key_check')).rows;
    expect(recorded).toEqual([{ fingerprint: cipher.fingerprint() }]);
    expect(recorded[0].fingerprint).not.toContain(KEY);
  });

  it('refuses a tampered ciphertext', async () => {
    await store.storeInstallation(workspaceInstall('T0AAA'));
    await db.pool.query(
      `UPDATE slack_installations SET sealed = set_byte(sealed, 30, get_byte(sealed, 30) # 1)`,
    );
    await expect(store.fetchInstallation(byTeam('T0AAA'))).rejects.toThrow(TokenCipherError);
  });

  it("refuses a ciphertext copied into another team's row", async () => {
    await store.storeInstallation(workspaceInstall('T0AAA'));
    await store.storeInstallation(workspaceInstall('T0BBB'));
    await db.pool.query(
      `UPDATE slack_installations SET sealed = (SELECT sealed FROM slack_installations WHERE team_id = 'T0AAA')
        WHERE team_id = 'T0BBB'`,
    );
    await expect(store.fetchInstallation(byTeam('T0BBB'))).rejects.toThrow(/moved from another row/);
    expect((await store.fetchInstallation(byTeam('T0AAA'))).team?.id).toBe('T0AAA');
  });

  it('forgets an uninstalled workspace, and only that one', async () => {
    await store.storeInstallation(workspaceInstall('T0AAA'));
    await store.storeInstallation(workspaceInstall('T0BBB'));
    expect(await listInstalledTeamIds(db.pool)).toEqual(['T0AAA', 'T0BBB']);
    await store.deleteInstallation(byTeam('T0AAA'));
    await expect(store.fetchInstallation(byTeam('T0AAA'))).rejects.toThrow(/No Slack installation/);
    expect(await listInstalledTeamIds(db.pool)).toEqual(['T0BBB']);
    expect((await db.pool.query('SELECT installation_key FROM slack_installations')).rows).toEqual([
      { installation_key: 'T0BBB' },
    ]);
  });

  it("forgets only a user's token when that user's tokens are revoked", async () => {
    const installation = workspaceInstall('T0AAA');
    await store.storeInstallation(installation);
    await store.deleteInstallation({ ...byTeam('T0AAA'), userId: 'U0SOMEONEELSE' });
    expect((await store.fetchInstallation(byTeam('T0AAA'))).user.token).toBe(installation.user.token);
    await store.deleteInstallation({ ...byTeam('T0AAA'), userId: 'U0INSTALLER' });
    const after = await store.fetchInstallation(byTeam('T0AAA'));
    expect(after.user).toEqual({ id: 'U0INSTALLER' });
    expect(after.bot?.token).toBe(installation.bot?.token);
    expectNowhere(installation.user.token as string, await rawRows());
  });

  it('finds an org-wide install by its enterprise id, from any of its workspaces', async () => {
    const secrets = secretsFor('E0ORG');
    const orgInstall: Installation<'v2', true> = {
      ...workspaceInstall('E0ORG', secrets),
      team: undefined,
      enterprise: { id: 'E0ORG', name: 'Federation' },
      isEnterpriseInstall: true,
      enterpriseUrl: 'https://federation.enterprise.slack.com/',
    };
    await store.storeInstallation(orgInstall);
    const asked = { teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true } as const;
    expect(await store.fetchInstallation(asked)).toEqual(orgInstall);
    expect(await store.fetchInstallation({ ...asked, teamId: 'T0INORG' } as never)).toEqual(orgInstall);
    await expect(store.fetchInstallation(byTeam('E0ORG'))).rejects.toThrow(/No Slack installation/);
    expect(await listInstalledTeamIds(db.pool)).toEqual([]);
    expect(await listSlackInstallations(db.pool)).toMatchObject([
      { teamId: null, enterpriseId: 'E0ORG', isEnterpriseInstall: true, botUserId: 'U0BOT' },
    ]);
    await store.deleteInstallation(asked);
    expect(await listSlackInstallations(db.pool)).toEqual([]);
  });

  it('replaces the old tokens when a workspace installs again', async () => {
    const first = secretsFor('T0AAA');
    const second = secretsFor('T0AAA');
    await store.storeInstallation(workspaceInstall('T0AAA', first));
    const [before] = await listSlackInstallations(db.pool);
    await store.storeInstallation(workspaceInstall('T0AAA', second));
    expect((await store.fetchInstallation(byTeam('T0AAA'))).bot?.token).toBe(second.bot);
    const [after, ...more] = await listSlackInstallations(db.pool);
    expect(more).toEqual([]);
    expect(after?.installedAt).toEqual(before?.installedAt);
    expect(after?.updatedAt.getTime()).toBeGreaterThanOrEqual(before?.updatedAt.getTime() ?? Infinity);
    const found = await findSlackInstallation(db.pool, cipher, byTeam('T0AAA'));
    expect(JSON.stringify(found?.secret)).not.toContain(first.bot);
  });
});
