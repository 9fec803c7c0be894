import type pg from 'pg';
import type { SlackInstalls } from '../../adapters/slack/workspace-setups.ts';
import type { Config } from '../config/config.ts';
import { checkInstallKey } from '../ledger/install-key-check.ts';
import { slackInstallationRecords } from '../ledger/slack-installations.ts';
import { createTokenCipher } from '../ledger/token-cipher.ts';

/**
 * "Add to Slack", when it is on: the installations' records, sealed under SHIELDWALL_INSTALL_KEY. A key other
 * than the one the ledger's installations were sealed with stops start-up here, once and clearly.
 */
export async function slackInstalls(
  pool: pg.Pool,
  config: Config,
): Promise<Omit<SlackInstalls, 'setups'> | undefined> {
  const installs = config.slackApp?.installs;
  if (!installs) return undefined;
  const cipher = createTokenCipher(installs.installKey);
  await checkInstallKey(pool, cipher);
  return {
    clientId: installs.clientId,
    clientSecret: installs.clientSecret,
    stateSecret: installs.stateSecret,
    records: slackInstallationRecords(pool, cipher),
  };
}
