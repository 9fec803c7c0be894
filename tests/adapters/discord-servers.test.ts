import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { countRows, expectLedgerEmpty } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { waitUntil } from '../support/wait-until.ts';
import { COLLECTIVE_OF, DiscordServersRig, leadRole, PEOPLE, SERVERS } from './discord-servers-rig.ts';

const NOT_A_MEMBER = "Sorry, Shieldwall is only for members of the collective's private incident channel.";

const ledger = useFreshLedger();
let rig: DiscordServersRig | undefined;
beforeEach(async () => {
  await ledger.db.pool.query(`INSERT INTO collectives (id) VALUES ('ontario'), ('manitoba')`);
});
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function activeResponders(): Promise<string[]> {
  const found = await ledger.db.pool.query(
    'SELECT member_id FROM responders WHERE active ORDER BY member_id',
  );
  return found.rows.map((row: { member_id: string }) => row.member_id);
}

async function incidentsByCollective(): Promise<{ id: number; collective_id: string }[]> {
  return (await ledger.db.pool.query('SELECT id::int AS id, collective_id FROM incidents ORDER BY id')).rows;
}

describe('Discord: one application in several servers, each its collective’s', () => {
  it("posts a /flag's card only in its own server's incident channel, in its collective's ledger", async () => {
    rig = await DiscordServersRig.start(ledger.db);
    const inG1 = await rig.run('G1', 'ana', 'flag', { url: 'https://x.com/SomeTroll/status/1' });
    expect(inG1.text).toContain('Recorded as SW-1');
    await rig.firstCard('G1');
    await rig.idle();
    expect(rig.cardPosts('G2')).toHaveLength(0);

    const inG2 = await rig.run('G2', 'bo', 'flag', { url: 'https://x.com/OtherTroll/status/2' });
    expect(inG2.text).toContain('Recorded as SW-2');
    await rig.firstCard('G2');
    await rig.idle();
    expect(rig.cardPosts('G1')).toHaveLength(1);
    expect(rig.cardPosts('G2')).toHaveLength(1);
    expect(await incidentsByCollective()).toEqual([
      { id: 1, collective_id: COLLECTIVE_OF.G1 },
      { id: 2, collective_id: COLLECTIVE_OF.G2 },
    ]);
  });

  it("changes nothing when a card button in G2 carries G1's incident", async () => {
    rig = await DiscordServersRig.start(ledger.db);
    await rig.run('G1', 'ana', 'flag', { url: 'https://x.com/SomeTroll/status/1' });
    await rig.firstCard('G1');
    await rig.idle();
    const pressed = await rig.press('G2', 'bo', 'sw:card:supported:1', '2299999999999999999');
    await rig.idle();
    // manitoba's bot doesn't know ontario's incident.
    expect(pressed.text).toContain("I can't find SW-1 in the ledger");
    expect(await countRows(ledger.db, 'incident_actions')).toBe(0);
    expect(rig.cardEdits('G1')).toHaveLength(0);
    expect(rig.cardPosts('G2')).toHaveLength(0);
    // The same button in G1 is counted: the refusal above was G2's, not a broken button.
    const card = await rig.firstCard('G1');
    expect((await rig.press('G1', 'lee', 'sw:card:supported:1', card)).text).toContain(
      'Your support is counted on SW-1',
    );
  });

  it('refuses kindly, and writes nothing, in a server no collective here has', async () => {
    rig = await DiscordServersRig.start(ledger.db);
    const answer = await rig.run('G3', 'gus', 'flag', { url: 'https://x.com/SomeTroll/status/3' });
    expect(answer.text).toContain(NOT_A_MEMBER);
    expect(answer.callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    await rig.idle();
    await expectLedgerEmpty(ledger.db);
    expect(await countRows(ledger.db, 'deliveries')).toBe(0);
    expect(rig.cardPosts('G1')).toHaveLength(0);
    expect(rig.cardPosts('G2')).toHaveLength(0);
  });

  it("gives G1's lead nothing of a lead in G2", async () => {
    rig = await DiscordServersRig.start(ledger.db);
    expect((await rig.run('G1', 'lee', 'digest', { week: '2026-W47' })).text).toContain(
      'Digest for 2026-W47',
    );
    expect((await rig.run('G2', 'lee', 'digest', { week: '2026-W47' })).text).toContain(
      'Only association leads can use /digest.',
    );
  });
});

describe('Discord: buttons in direct messages, which come from no server', () => {
  it("serves a rally alert's button by the collective of the server that sent it", async () => {
    rig = await DiscordServersRig.start(ledger.db);
    // Lee is in both servers, ontario's first: only the button can say the alert is manitoba's.
    await rig.run('G2', 'lee', 'responder', { mode: 'on' });
    await rig.run('G2', 'bo', 'flag', { url: 'https://x.com/SomeTroll/status/5', category: 'hate' });
    await rig.bots[1]?.rally.deliverPending();
    const channel = rig.fake.openDm(PEOPLE.lee);
    const [alert] = await rig.fake.waitForCalls('POST', new RegExp(`^/channels/${channel}/messages$`));
    const button = `sw:act:rally:on-it:1:${SERVERS.G2.guild}`;
    expect(JSON.stringify(alert?.body)).toContain(`"${button}"`);
    const id = [...rig.fake.messages.entries()].find(([, message]) => message.channel_id === channel)?.[0];
    expect((await rig.pressInDm('lee', button, id)).text).toContain("Thank you: you're on SW-1.");
    const answered = await ledger.db.pool.query('SELECT response FROM rally_messages');
    expect(answered.rows).toEqual([{ response: 'on-it' }]);
  });

  it('serves a button sent before buttons named their server by the server its member is in', async () => {
    rig = await DiscordServersRig.start(ledger.db);
    await rig.run('G2', 'bo', 'responder', { mode: 'on' });
    await rig.run('G2', 'lee', 'flag', { url: 'https://x.com/SomeTroll/status/6', category: 'hate' });
    await rig.bots[1]?.rally.deliverPending();
    await rig.fake.waitForCalls('POST', new RegExp(`^/channels/${rig.fake.openDm(PEOPLE.bo)}/messages$`));
    expect((await rig.pressInDm('bo', 'sw:act:rally:on-it:1')).text).toContain("Thank you: you're on SW-1.");
  });

  it('refuses kindly, and writes nothing, someone in no server a collective here has', async () => {
    rig = await DiscordServersRig.start(ledger.db);
    const answer = await rig.pressInDm('gus', 'sw:act:rally:on-it:1');
    expect(answer.text).toContain(NOT_A_MEMBER);
    expect(answer.callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    await rig.idle();
    await expectLedgerEmpty(ledger.db);
    expect(await countRows(ledger.db, 'deliveries')).toBe(0);
  });
});

describe("Discord: a server's changes reach its own collective", () => {
  it("closing G2's incident channel to its members' role stops G2's responders, and no one else", async () => {
    rig = await DiscordServersRig.start(ledger.db);
    await rig.run('G1', 'ana', 'responder', { mode: 'on' });
    await rig.run('G2', 'bo', 'responder', { mode: 'on' });
    const { guild, incidents } = SERVERS.G2;
    expect(await activeResponders()).toEqual([
      `discord:${SERVERS.G1.guild}:${PEOPLE.ana}`,
      `discord:${guild}:${PEOPLE.bo}`,
    ]);
    await rig.fake.setChannelOverwrites(incidents, [
      { id: guild, type: 0, allow: '0', deny: VIEW_CHANNEL },
      { id: rig.fake.botUserId, type: 1, allow: VIEW_AND_SEND, deny: '0' },
    ]);
    let active: string[] = [];
    await waitUntil(
      () => (active.includes(`discord:${guild}:${PEOPLE.bo}`) ? undefined : true),
      5000,
      'Bo to stop being a responder',
      async () => {
        active = await activeResponders();
      },
    );
    expect(await activeResponders()).toEqual([`discord:${SERVERS.G1.guild}:${PEOPLE.ana}`]);
  });
});

describe('Discord: servers at start-up', () => {
  it('refuses a server whose collective has no bot here, naming the collective', async () => {
    const server = { guildId: SERVERS.G2.guild, incidentChannel: SERVERS.G2.incidents };
    await expect(
      DiscordServersRig.start(ledger.db, [{ collectiveId: 'saskatchewan', ...server }]),
    ).rejects.toThrow(/No bot serves collective "saskatchewan"/);
  });

  it("refuses an incident channel or a lead role of another collective's server", async () => {
    await expect(
      DiscordServersRig.start(ledger.db, [
        { collectiveId: 'manitoba', guildId: SERVERS.G2.guild, incidentChannel: SERVERS.G1.incidents },
      ]),
    ).rejects.toThrow(/discord.incidentChannel of collective "manitoba" \(\d+\) is a channel of another/);
    await expect(
      DiscordServersRig.start(ledger.db, [
        {
          collectiveId: 'manitoba',
          guildId: SERVERS.G2.guild,
          incidentChannel: SERVERS.G2.incidents,
          leadRole: leadRole('G1'),
        },
      ]),
    ).rejects.toThrow(/discord.leadRole of collective "manitoba" \(\d+\) is not a role of the server/);
  });
});
