import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/core/chat-adapter.ts';
import { countRows } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import type { TestDatabase } from '../support/test-database.ts';

export interface ContractPerson {
  name: string;
  lead?: boolean;
}

/** The flag form's fields as a person fills them in; the rest are left empty. */
export interface FlagFormFields {
  url?: string;
  category?: string;
  channel?: string;
  by?: string;
  note?: string;
}

/** An adapter as the contract drives it: a person types a command, and we read what they were shown. */
export interface AdapterUnderTest {
  /** The core behind the adapter: the contract delivers queued alerts, and stops it. */
  bot: Bot;
  run(person: ContractPerson, command: string, text: string): Promise<string>;
  /** Opens /flag's form with nothing typed, fills it in, sends it; what the person was shown (or the form's errors). */
  fillFlagForm(person: ContractPerson, fields: FlagFormFields): Promise<string>;
  /** Presses one of the card's buttons (`supported`, `reported`, `wording`) for an incident. */
  pressCard(
    person: ContractPerson,
    incidentId: number,
    action: 'supported' | 'reported' | 'wording',
  ): Promise<string>;
  /** Presses a button of a private message, by the core's action id (`rally:on-it:1`). */
  pressReply(person: ContractPerson, actionId: string): Promise<string>;
  /** The private messages `person` has received so far, as text. */
  directMessages(person: ContractPerson): Promise<string[]>;
  /** Every redraw of a card in the incident channel so far, oldest first; absent where there are no cards. */
  cardRedraws?(): Promise<string[]>;
}

const ana = { name: 'ana' };
const ben = { name: 'ben' };
const lee = { name: 'lee', lead: true };

/**
 * What every adapter must do, whatever its platform: the same ledger outcomes and the same promises to the
 * person. Each adapter's own test file runs this against the real adapter with its platform faked.
 */
export function adapterContract(
  label: string,
  connect: (db: TestDatabase) => Promise<AdapterUnderTest>,
): void {
  describe(`${label}: the adapter contract`, () => {
    const ledger = useFreshLedger();
    let adapter: AdapterUnderTest;
    beforeAll(async () => {
      adapter = await connect(ledger.db);
    });
    // One adapter serves every test: a request's card is drawn after its answer arrives, so the next test's
    // reset of the ledger waits for it (otherwise the two can deadlock, or the card land in the next test).
    afterEach(async () => {
      await adapter.bot.idle();
    });

    it('records a flag once and answers with its reference, category and the guidance', async () => {
      const shown = await adapter.run(
        ana,
        'flag',
        'https://twitter.com/SomeTroll/status/123?s=20 threat he said it',
      );
      expect(shown).toContain('Recorded as SW-1: Violent threat, critical severity.');
      expect(shown).toContain('Your safety first');
      expect(shown).toContain("Don't reply to, quote or tag the attacker");
      expect(await countRows(ledger.db, 'incidents')).toBe(1);
    });

    it('adds a colleague who flags a variant of the same link to the same incident', async () => {
      await adapter.run(ana, 'flag', 'https://twitter.com/SomeTroll/status/123 threat');
      const shown = await adapter.run(
        ben,
        'flag',
        'https://mobile.x.com/sometroll/status/123/?utm_source=share',
      );
      expect(shown).toContain('Added you to SW-1: 2 members have flagged this post.');
      expect(await countRows(ledger.db, 'incidents')).toBe(1);
      expect(await countRows(ledger.db, 'incident_reports')).toBe(2);
    });

    it('answers bad input with a kind error and writes nothing', async () => {
      const refusals = {
        'javascript:alert(1) threat':
          'Only web links (starting with https://) and email addresses can be recorded.',
        'https://x.com/a/status/1 thraet': "That category isn't one I know. Did you mean threat?",
        'not a link': "That doesn't look like a link.",
      };
      for (const [text, message] of Object.entries(refusals)) {
        const shown = await adapter.run(ana, 'flag', text);
        expect(shown, text).toContain(message);
        expect(shown, text).not.toContain('Recorded as');
      }
      expect(await countRows(ledger.db, 'incidents')).toBe(0);
      expect(await countRows(ledger.db, 'deliveries')).toBe(0);
    });

    it("names the attacker when the link doesn't, and says a member named them", async () => {
      const shown = await adapter.run(
        ana,
        'flag',
        'https://www.instagram.com/p/Cx1yZabc/ hate by:@RacistGuy',
      );
      expect(shown).toContain('Recorded as SW-1: Hate / racist abuse');
      expect(shown).toContain('Account: @RacistGuy (named by a member)');
      const record = await adapter.run(ben, 'offender', 'racistguy');
      expect(record).toContain('@RacistGuy on Instagram');
      expect(record).toContain('1 incident against 1 member');
    });

    it('never names the owner of the post a comment sits under; a later flag can name the commenter', async () => {
      const comment = 'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=9';
      const first = await adapter.run(ana, 'flag', `${comment} hate`);
      expect(first).toContain('Account: unknown');
      expect(first).toContain("A comment's link doesn't say who wrote it.");
      expect(await adapter.run(ben, 'offender', 'DrJaneDoe')).not.toContain('1 incident');
      const second = await adapter.run(ben, 'flag', `${comment} by:facebook:troll.account`);
      expect(second).toContain('Added you to SW-1: 2 members have flagged this comment.');
      expect(second).toContain('Account: troll.account (named by a member)');
      expect(await adapter.run(ana, 'offender', 'facebook:troll.account')).toContain('1 incident');
      expect(await countRows(ledger.db, 'incidents')).toBe(1);
    });

    it('records an attack with no link, with guidance that fits it and private support only', async () => {
      const shown = await adapter.run(ana, 'flag', 'complaint an anonymous complaint to my college');
      expect(shown).toContain('Recorded as SW-1: Vexatious complaint, medium severity.');
      expect(shown).toContain('Where: Complaint to an employer or licensing body · Attacker: unknown');
      expect(shown).toContain("Don't answer it alone");
      expect(shown).toContain('You asked colleagues for: Private support only');
      const stored = await ledger.db.pool.query(
        'SELECT kind, channel, platform, target_wants, offender_id FROM incidents',
      );
      expect(stored.rows).toEqual([
        {
          kind: 'offline',
          channel: 'complaint',
          platform: 'offline',
          target_wants: 'private',
          offender_id: null,
        },
      ]);
      // An unknown attacker never merges: the same words flagged again are a second incident.
      await adapter.run(ben, 'flag', 'complaint another one');
      expect(await countRows(ledger.db, 'incidents')).toBe(2);
      // An email from a known address is the same incident as flagging that address that day.
      expect(await adapter.run(ana, 'flag', 'email by:Troll@Example.com')).toContain('Recorded as SW-3');
      expect(await adapter.run(ben, 'flag', 'troll@example.com')).toContain('Added you to SW-3');
    });

    it('records a link-less attack sent through the form, naming a caller by name', async () => {
      // Where it happened, typed in the link's field: every adapter's form has that field.
      const shown = await adapter.fillFlagForm(ana, {
        url: 'phone',
        by: 'Jo Bloggs',
        note: 'called the clinic twice',
      });
      expect(shown).toContain('Recorded as SW-1: Harassment, medium severity.');
      expect(shown).toContain('Where: Phone call or text · Attacker: Jo Bloggs (named by a member)');
      expect(shown).toContain('Write it down now');
      expect(await adapter.run(lee, 'offender', 'Jo Bloggs')).toContain('1 incident');
    });

    it('joins colleagues who flag the same call that day, and alerts responders for private support', async () => {
      expect(await adapter.run(lee, 'responder', 'on x')).toContain("You're a responder");
      await adapter.run(ana, 'flag', 'phone by:"Jo Bloggs" on:today called my clinic');
      const second = await adapter.run(ben, 'flag', 'phone by:"jo bloggs" they called me too');
      expect(second).toContain('Added you to SW-1: 2 members have flagged this attack.');
      expect(await countRows(ledger.db, 'incidents')).toBe(1);
      await adapter.bot.rally.deliverPending();
      const alerts = (await adapter.directMessages(lee)).join('\n');
      expect(alerts).toContain('needs colleagues: SW-1');
      expect(alerts).toContain('would like private support');
      expect(alerts).not.toContain('Report the post');
    });

    it('refuses a bad attacker, place or day with an error that names it, and writes nothing', async () => {
      const refusals = {
        'https://x.com/a/status/1 by:myspace:tom': "I don't know that platform.",
        'https://www.instagram.com/p/Cx1yZabc/ by:https://x.com/sometroll':
          "That's an account on X (Twitter), but this happened on Instagram.",
        'phone on:2999-01-01 they called': "That's in the future.",
        'phone on:lastweek they called': "I can't read that date.",
        'dm by:@someone hello': 'Say which platform the message came on',
      };
      for (const [text, message] of Object.entries(refusals)) {
        const shown = await adapter.run(ana, 'flag', text);
        expect(shown, text).toContain(message);
        expect(shown, text).not.toContain('Recorded as');
      }
      const empty = await adapter.fillFlagForm(ana, { note: 'no link and no place' });
      expect(empty).toContain('Paste the link to the post. If there is no link');
      for (const table of ['incidents', 'offenders', 'incident_reports', 'deliveries'] as const) {
        expect(await countRows(ledger.db, table), table).toBe(0);
      }
    });

    it("shows an account's record to a member", async () => {
      await adapter.run(ana, 'flag', 'https://x.com/SomeTroll/status/1 hate');
      const shown = await adapter.run(ben, 'offender', 'SomeTroll');
      expect(shown).toContain('@SomeTroll on X (Twitter)');
      expect(shown).toContain('1 incident against 1 member');
    });

    it('shows the digest to a lead and refuses it to a member', async () => {
      expect(await adapter.run(ana, 'digest', '')).toContain('Only association leads can use /digest.');
      expect(await adapter.run(lee, 'digest', '2026-W47')).toContain('Digest for 2026-W47');
    });

    it('lists the commands in /help', async () => {
      const shown = await adapter.run(ana, 'help', '');
      for (const usage of ['/flag <post-url | where>', '/offender <handle or link>', '/responder on|off']) {
        expect(shown).toContain(usage);
      }
    });

    it('sends a flag filled in through the form, and a wrong field in it changes nothing', async () => {
      const refused = await adapter.fillFlagForm(ana, { url: 'javascript:alert(1)' });
      expect(refused).toContain(
        'Only web links (starting with https://) and email addresses can be recorded.',
      );
      expect(await countRows(ledger.db, 'incidents')).toBe(0);
      const shown = await adapter.fillFlagForm(ana, {
        url: 'https://x.com/FormTroll/status/77',
        category: 'hate',
      });
      expect(shown).toContain('Recorded as SW-1: Hate / racist abuse');
      expect(await countRows(ledger.db, 'incidents')).toBe(1);
    });

    it("counts a card's action once, however often it is pressed", async () => {
      await adapter.run(ana, 'flag', 'https://x.com/SomeTroll/status/8 hate');
      expect(await adapter.pressCard(ben, 1, 'supported')).toContain('Thank you');
      expect(await adapter.pressCard(ben, 1, 'supported')).toContain('already');
      expect(await countRows(ledger.db, 'incident_actions')).toBe(1);
    });

    it("shows a doxxing's wording only to the person attacked and to leads", async () => {
      // Show wording is a card's button: an adapter that draws no cards (the terminal) has none to press.
      if (!adapter.cardRedraws) return;
      await adapter.run(
        ana,
        'flag',
        'https://www.instagram.com/p/DoxC1/ doxxing posted my address 12 Elm Street',
      );
      const colleague = await adapter.pressCard(ben, 1, 'wording');
      expect(colleague).toContain('only the person attacked and leads can read it');
      expect(colleague).not.toContain('12 Elm Street');
      expect(await adapter.pressCard(ana, 1, 'wording')).toContain('12 Elm Street');
      expect(await adapter.pressCard(lee, 1, 'wording')).toContain('12 Elm Street');
    });

    it('alerts a responder by direct message, and takes their answer from its button', async () => {
      expect(await adapter.run(ben, 'responder', 'on')).toContain("You're a responder");
      await adapter.run(ana, 'flag', 'https://x.com/SomeTroll/status/9 hate');
      await adapter.bot.rally.deliverPending();
      const alerts = await adapter.directMessages(ben);
      expect(alerts.join('\n')).toContain('needs colleagues: SW-1');
      expect(await adapter.pressReply(ben, 'rally:on-it:1')).toContain("Thank you: you're on SW-1.");
      expect(await adapter.pressReply(ana, 'rally:on-it:1')).toContain(
        "That alert for SW-1 wasn't sent to you.",
      );
      const answered = await ledger.db.pool.query(
        "SELECT count(*)::int AS n FROM rally_messages WHERE response = 'on-it'",
      );
      expect(answered.rows[0].n).toBe(1);
    });

    it("redraws the card with the attacker a lead's /correct names, and audits it", async () => {
      await adapter.run(ana, 'flag', 'https://www.instagram.com/p/Cx1yZabc/ hate');
      await adapter.bot.idle();
      const before = (await adapter.cardRedraws?.())?.length ?? 0;
      const shown = await adapter.run(
        lee,
        'correct',
        'SW-1 by:@racistguy same name and photo as the comment',
      );
      expect(shown).toContain('Corrected SW-1.');
      expect(shown).toContain('Attacker: now @racistguy on Instagram (named by a member); it was unknown.');
      expect(await countRows(ledger.db, 'audit_log')).toBe(1);
      if (adapter.cardRedraws) {
        await adapter.bot.idle();
        const redrawn = (await adapter.cardRedraws()).slice(before);
        expect(redrawn.join('\n')).toContain('@racistguy');
      }
    });

    it('stopping: a request after the stop is told nothing was recorded, and nothing is', async () => {
      const stopping = await connect(ledger.db);
      await stopping.bot.stop();
      const shown = await stopping.run(ana, 'flag', 'https://x.com/SomeTroll/status/10 hate');
      expect(shown).toContain('Shieldwall is restarting right now, so nothing was recorded or changed.');
      expect(await countRows(ledger.db, 'incidents')).toBe(0);
    });
  });
}
