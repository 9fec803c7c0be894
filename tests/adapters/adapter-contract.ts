import { beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import type { TestDatabase } from '../support/test-database.ts';

export interface ContractPerson {
  name: string;
  lead?: boolean;
}

/** An adapter as the contract drives it: a person types a command, and we read what they were shown. */
export interface AdapterUnderTest {
  run(person: ContractPerson, command: string, text: string): Promise<string>;
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
      for (const usage of ['/flag <post-url>', '/offender <handle or link>', '/responder on|off']) {
        expect(shown).toContain(usage);
      }
    });
  });
}
