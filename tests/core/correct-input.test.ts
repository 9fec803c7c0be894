import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/command.ts';
import { correctArgs, parseCorrectText } from '../../src/core/commands/correct-args.ts';
import { correctionRefusal, nothingToChange, planCorrection } from '../../src/core/commands/correct-plan.ts';
import { isMessageKey, translator } from '../../src/core/i18n/translator.ts';
import type { IncidentDetails } from '../../src/core/ledger-port.ts';
import { parseIncidentReference } from '../../src/core/reference.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';

/** What /correct's text becomes once parsed and validated, or the first problem a person would read. */
function read(text: string) {
  const parsed = parseCorrectText(text);
  if (!parsed.ok) return { problem: parsed.error.message };
  const args = correctArgs.safeParse(parsed.value);
  if (args.success) return { args: args.data };
  // As the runner does: a problem named by catalogue key is said in English here.
  const problem = args.error.issues[0]?.message ?? '';
  return { problem: isMessageKey(problem) ? en(problem) : problem };
}

const en = translator('en');

const actor = (name: string, isLead = false): Actor => ({ id: `test:local:${name}`, name, isLead });

function incident(overrides: Partial<IncidentDetails> = {}): IncidentDetails {
  const at = new Date('2026-11-18T15:00:00Z');
  return {
    id: 12,
    canonicalUrl: 'https://instagram.com/p/Cx1yZabc',
    platform: 'instagram',
    kind: 'post',
    category: 'hate',
    severity: 'high',
    status: 'open',
    firstReportedAt: at,
    occurredAt: null,
    channel: null,
    reporters: 2,
    offender: null,
    offenderNamedBy: null,
    wants: 'both',
    target: { id: 'test:local:ana', name: 'ana' },
    targetPostUrl: null,
    reportedBy: [
      { id: 'test:local:ben', name: 'ben', anonymous: false, reportedAt: at },
      { id: 'test:local:cy', name: 'cy', anonymous: false, reportedAt: new Date(at.getTime() + 60_000) },
    ],
    supported: 0,
    reported: 0,
    hasWording: false,
    screenshots: 0,
    resolution: null,
    consent: 'pending',
    consentDeadline: null,
    alerted: 0,
    onIt: 0,
    purged: false,
    pageCaptures: [],
    ...overrides,
  };
}

const troll = { platform: 'instagram' as const, handle: 'troll', display: '@troll' };

describe('/correct as typed', () => {
  it('reads the incident as SW-12, sw12 or 12, then by:, same-as: and the reason', () => {
    expect(read('SW-12 by:@racistguy his name matches the comment')).toEqual({
      args: {
        incident: 12,
        by: { kind: 'handle', handle: 'racistguy' },
        reason: 'his name matches the comment',
      },
    });
    expect(read('sw12 by:unknown the link named the doctor')).toMatchObject({
      args: { incident: 12, by: { kind: 'unknown' } },
    });
    expect(read('12 same-as:x:troll same photo on both')).toMatchObject({
      args: { incident: 12, same_as: 'x:troll', reason: 'same photo on both' },
    });
    expect(read('SW-3 by:"Jo Bloggs" signed the letter')).toMatchObject({
      args: { incident: 3, by: { kind: 'name', account: { handle: 'jo bloggs', display: 'Jo Bloggs' } } },
    });
    expect(read('SW-4 target:me it was my post')).toEqual({
      args: { incident: 4, target: 'me', reason: 'it was my post' },
    });
    expect(read('SW-4 by:@troll for:Me it was my post')).toMatchObject({
      args: { incident: 4, target: 'me', by: { kind: 'handle', handle: 'troll' } },
    });
    expect([
      parseIncidentReference('SW 7'),
      parseIncidentReference('SW-0'),
      parseIncidentReference('x12'),
    ]).toEqual([7, undefined, undefined]);
  });

  it('refuses what it cannot act on, with a kind message', () => {
    const problems: [string, string][] = [
      ['', 'Usage: /correct <SW-12>'],
      ['SW-x by:@a a good reason', "That isn't an incident reference"],
      ['SW-12 because it was someone else', 'Say what to correct: the attacker (by:@name'],
      ['SW-12 by:@troll', 'Every change needs a reason of a few words'],
      ['SW-12 by:@troll ok', 'Every change needs a reason of a few words'],
      ['SW-12 by:@troll a reason \u0007 with a bell', 'invisible control characters'],
      ['SW-12 by:@a by:@b two of them', 'Give by: only once.'],
      ['SW-12 by:myspace:troll a good reason', "I don't know that platform."],
      ['SW-12 target:@ana it was her post', 'Who was attacked can only be picked from the members'],
      ['SW-12 target:me target:me it was me', 'Give target: only once.'],
    ];
    for (const [text, message] of problems) expect(read(text).problem, text).toContain(message);
  });

  it('offers a form whose fields are the options, with who was attacked as a member picker', () => {
    const command = createShieldwallRegistry().find('correct');
    const t = translator('en');
    expect(command?.form && t(command.form.title)).toBe('Correct an incident');
    expect(command?.options.map((o) => [o.name, o.required, o.kind ?? 'text'])).toEqual([
      ['incident', true, 'text'],
      ['by', false, 'text'],
      ['target', false, 'member'],
      ['same_as', false, 'text'],
      ['reason', true, 'text'],
    ]);
    expect(command?.options.find((o) => o.name === 'target')?.defaultsToSelf).toBeUndefined();
    expect(command && t(command.usage)).toContain(
      '[target:me] <reason> · to name another member as the one attacked, type /correct alone for the form',
    );
  });
});

describe('who may correct an incident', () => {
  it('lets a lead and the member who first flagged it correct the attacker, and nobody else', () => {
    const asked = { target: undefined, same_as: undefined };
    expect(correctionRefusal(actor('lee', true), incident(), asked, en)).toBeUndefined();
    expect(correctionRefusal(actor('ben'), incident(), asked, en)).toBeUndefined();
    expect(correctionRefusal(actor('cy'), incident(), asked, en)?.message).toBe(
      'Only a lead, or the member who first flagged SW-12, can correct it. If something in it is wrong, tell one of the leads.',
    );
    expect(correctionRefusal(actor('ana'), incident(), asked, en)?.code).toBe('correct.not_allowed');
  });

  it('keeps linking accounts with leads, and who was attacked fixed once the details are purged', () => {
    expect(correctionRefusal(actor('ben'), incident(), { same_as: 'x:troll' }, en)?.code).toBe(
      'correct.link_lead_only',
    );
    expect(correctionRefusal(actor('lee', true), incident(), { same_as: 'x:troll' }, en)).toBeUndefined();
    const target = { id: 'test:local:dee', name: 'dee' };
    expect(correctionRefusal(actor('lee', true), incident({ purged: true }), { target }, en)?.code).toBe(
      'correct.purged',
    );
  });
});

describe('who may change who was attacked', () => {
  const me = (name: string) => ({ id: `test:local:${name}`, name });
  // ben flagged it first, for ana; cy flagged it after him.
  const refused = (who: Actor, target: { id: string; name: string }, facts: Partial<IncidentDetails> = {}) =>
    correctionRefusal(who, incident(facts), { target }, en)?.code;

  it('lets a member who flagged it claim it, and the first flagger name another, until the one named claims it', () => {
    expect(refused(actor('cy'), me('cy'))).toBeUndefined();
    expect(refused(actor('ben'), me('dee'))).toBeUndefined();
    expect(refused(actor('cy'), me('dee'))).toBe('correct.not_allowed');
    expect(refused(actor('dee'), me('dee'))).toBe('correct.not_allowed');
    // ana answered what she wants: it is hers, and only a lead can move it.
    expect(refused(actor('cy'), me('cy'), { consent: 'given' })).toBe('correct.target_claimed');
    expect(refused(actor('ben'), me('ben'), { consent: 'given' })).toBe('correct.target_claimed');
    expect(refused(actor('lee', true), me('cy'), { consent: 'given' })).toBeUndefined();
    // cy is named now and flagged it after ben: ben can't take it back.
    expect(refused(actor('ben'), me('ben'), { target: me('cy') })).toBe('correct.target_claimed');
  });

  it('does not count the first flag as a claim: a member may have named themselves for a colleague', () => {
    const selfNamed = { target: me('ben'), consent: 'given' as const };
    expect(refused(actor('cy'), me('cy'), selfNamed)).toBeUndefined();
  });
});

describe('what a correction asks for', () => {
  it("reads the attacker against the incident's platform, as /flag does", () => {
    expect(planCorrection(incident(), { by: { kind: 'handle', handle: 'Troll' } }, en)).toEqual({
      ok: true,
      value: {
        attacker: {
          account: { ...troll, display: '@Troll', profileUrl: 'https://instagram.com/troll' },
          changes: true,
        },
        alreadySo: [],
      },
    });
    const other = planCorrection(
      incident(),
      {
        by: { kind: 'account', account: { platform: 'x', handle: 'troll', display: '@troll' } },
      },
      en,
    );
    expect(other.ok ? undefined : other.error.message).toBe(
      "Attacker's account (by:): That's an account on X (Twitter), but this happened on Instagram. Give the " +
        'Instagram account, like @name.',
    );
  });

  it('takes any account or a name for an attack off any platform, and a handle needs its platform there', () => {
    const letter = incident({ platform: 'offline', kind: 'offline', channel: 'letter' });
    const name = { platform: 'offline' as const, handle: 'jo bloggs', display: 'Jo Bloggs' };
    expect(planCorrection(letter, { by: { kind: 'name', account: name } }, en)).toEqual({
      ok: true,
      value: { attacker: { account: name, changes: true }, alreadySo: [] },
    });
    const handle = planCorrection(letter, { by: { kind: 'handle', handle: 'troll' } }, en);
    expect(handle.ok ? undefined : handle.error.code).toBe('attacker.platform_missing');
  });

  it('says what the incident already says, for when nothing changes, and refuses a link with no attacker', () => {
    const named = incident({ offender: troll, offenderNamedBy: 'link' });
    const said = (plan: ReturnType<typeof planCorrection>) =>
      plan.ok ? nothingToChange('SW-12', plan.value, en) : plan.error.message;
    expect(said(planCorrection(named, { by: { kind: 'handle', handle: 'TROLL' } }, en))).toBe(
      'Nothing to change: SW-12 already names @troll on Instagram as the attacker.',
    );
    expect(said(planCorrection(incident(), { target: { id: 'test:local:ana', name: 'ana' } }, en))).toBe(
      'Nothing to change: SW-12 already says that member was attacked.',
    );
    expect(said(planCorrection(incident(), { by: { kind: 'unknown' } }, en))).toBe(
      'Nothing to change: the attacker of SW-12 is already unknown.',
    );
    const link = planCorrection(incident(), { same_as: 'x:troll' }, en);
    expect(link.ok ? undefined : link.error.code).toBe('correct.no_attacker');
    expect(planCorrection(named, { by: { kind: 'unknown' } }, en)).toEqual({
      ok: true,
      value: { attacker: { account: null, changes: true }, alreadySo: [] },
    });
  });
});
