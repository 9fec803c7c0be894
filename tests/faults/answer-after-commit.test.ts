import { afterEach, describe, expect, it } from 'vitest';
import {
  INCIDENTS as DISCORD_INCIDENTS,
  USERS as DISCORD_USERS,
  DiscordRig,
} from '../adapters/discord-rig.ts';
import { USERS as SLACK_USERS, SlackRig } from '../adapters/slack-rig.ts';
import { countRows } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

/**
 * The ledger committed the flag, then the platform refused to carry the answer (an expired token or response
 * URL, an outage). The member must not be told "NOT saved", and the collective must still see the card.
 */
const ledger = useFreshLedger();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** The logged failures to answer, each with an error id (and nothing the member typed). */
const answerFailures = (written: string) =>
  written
    .split('\n')
    .filter((line) => line.includes('answer not delivered'))
    .map((line) => JSON.parse(line) as { errorId?: string });

describe('an answer that fails after the flag was saved', () => {
  it('Discord: the flag is still told as recorded, by direct message, and its card is posted', async () => {
    const discord = await DiscordRig.start(ledger.db);
    stops.push(() => discord.stop());
    // The interaction's token has expired by the time the answer goes out: Discord says Unknown Webhook.
    discord.fake.fail('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 1, 404, {
      message: 'Unknown Webhook',
      code: 10015,
    });
    await discord.command('ana', 'flag', { url: 'https://x.com/SomeTroll/status/5150', category: 'hate' });
    const dm = await discord.fake.waitForCalls('POST', /^\/channels\/\d+\/messages$/, 2);
    const direct = dm.filter((call) => !call.path.includes(DISCORD_INCIDENTS));
    const card = dm.filter((call) => call.path.includes(DISCORD_INCIDENTS));
    expect(card).toHaveLength(1);
    expect(direct).toHaveLength(1);
    const said = JSON.stringify(direct[0]?.body);
    expect(said).toContain('Recorded as SW-1');
    expect(said).not.toMatch(/not saved/i);
    // Nobody was told anything untrue anywhere: no call carried "NOT saved".
    expect(JSON.stringify(discord.fake.calls.map((call) => call.body))).not.toMatch(/not saved/i);
    expect(discord.fake.calls.some((call) => call.path === '/users/@me/channels')).toBe(true);
    expect(discord.fake.calls.find((call) => call.path === '/users/@me/channels')?.body).toMatchObject({
      recipient_id: DISCORD_USERS.ana,
    });
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
    const failures = answerFailures(discord.logs.written());
    expect(failures).toHaveLength(1);
    expect(failures[0]?.errorId).toMatch(/^[0-9a-f]{8}$/);
  });

  it('Slack slash command: the expired response URL is replaced by a direct message, and the card is posted', async () => {
    const slack = await SlackRig.start(ledger.db);
    stops.push(() => slack.stop());
    slack.fake.expireResponseUrl('expired-1');
    await slack.slash('ana', 'flag', 'https://x.com/SomeTroll/status/5151 hate', { responseId: 'expired-1' });
    await slack.waitFor(() => (slack.directMessages('ana').length > 0 ? true : undefined));
    await slack.waitFor(() => (slack.cardPosts().length > 0 ? true : undefined));
    expect(slack.directMessages('ana').join('\n')).toContain('Recorded as SW-1');
    expect(slack.cardPosts()).toHaveLength(1);
    const everything = JSON.stringify(slack.fake.calls.map((call) => call.body));
    expect(everything).not.toMatch(/not saved/i);
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
    expect(answerFailures(slack.logs.written())).toHaveLength(1);
    expect(slack.logs.written()).not.toContain('SomeTroll');
  });

  it('Slack form: when neither the response URL nor the first direct message works, the member still reads the truth', async () => {
    const slack = await SlackRig.start(ledger.db);
    stops.push(() => slack.stop());
    slack.fake.expireResponseUrl('modal-gone');
    // The answer's own direct message fails through all of WebClient's retries; the next one goes through.
    slack.fake.fail('chat.postMessage', 4, 500, { when: (body) => body.channel === SLACK_USERS.ana });
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-gone') });
    const answer = await slack.submit(
      'ana',
      'sw_form_flag',
      { url: { url: { type: 'plain_text_input', value: 'https://x.com/SomeTroll/status/5152' } } },
      metadata,
    );
    expect(answer.status).toBe(200);
    await slack.waitFor(() => (slack.directMessages('ana').length > 0 ? true : undefined));
    await slack.waitFor(() => (slack.cardPosts().length > 0 ? true : undefined));
    const told = slack.directMessages('ana').join('\n');
    expect(told).toContain('Recorded as SW-1');
    expect(told).not.toMatch(/not saved/i);
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });
});
