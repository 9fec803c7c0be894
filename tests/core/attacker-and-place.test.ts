import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagArgs } from '../../src/core/commands/flag-args.ts';
import { placeOfFlag } from '../../src/core/commands/flag-place.ts';
import { incidentKey } from '../../src/core/commands/incident-key.ts';
import { parseFlagText } from '../../src/core/commands/parse-flag-text.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { parseAccountQuery } from '../../src/core/post-url/index.ts';
import { parseAttacker, resolveAttacker } from '../../src/core/post-url/parse-attacker.ts';
import { sayIssue } from '../../src/core/spoken-error.ts';
import { parseWhen, resolveWhen } from '../../src/core/when-it-happened.ts';

/** The account a member's text names for an attack on `platform` (null: no platform), or the error code. */
function attacker(text: string, platform: Parameters<typeof resolveAttacker>[1]) {
  const spec = parseAttacker(text);
  if (!spec.ok) return spec.error.code;
  const account = resolveAttacker(spec.value, platform);
  if (!account.ok) return account.error.code;
  return account.value && `${account.value.platform}:${account.value.handle}|${account.value.display}`;
}

/** What the schema makes of a flag given as text, as the handler will see it. */
function place(text: string) {
  const raw = parseFlagText(text, translator('en'));
  if (!raw.ok) throw new Error(raw.error.message);
  const args = flagArgs.safeParse(raw.value);
  if (!args.success)
    return { refused: args.error.issues.map((i) => [String(i.path[0]), sayIssue(i, translator('en'))]) };
  const judged = placeOfFlag(args.data);
  if (!judged.ok) throw new Error('the schema let through what placeOfFlag refuses');
  return judged.value;
}

describe('reading the attacker a member names', () => {
  it("reads a handle on the post's platform, by the same rules as that platform's profile links", () => {
    expect(attacker('@RacistGuy', 'instagram')).toBe('instagram:racistguy|@RacistGuy');
    expect(attacker('RacistGuy', 'x')).toBe('x:racistguy|@RacistGuy');
    expect(attacker('instagram:RacistGuy', 'instagram')).toBe('instagram:racistguy|@RacistGuy');
    expect(attacker('https://www.tiktok.com/@Troll_1?lang=en', 'tiktok')).toBe('tiktok:troll_1|@Troll_1');
    expect(attacker('youtube:id:UCabcdefghijklmnop', 'youtube')).toBe(
      'youtube:id:UCabcdefghijklmnop|UCabcdefghijklmnop',
    );
    expect(attacker('@troll@mastodon.social', 'mastodon')).toBe(
      'mastodon:troll@mastodon.social|@troll@mastodon.social',
    );
    expect(attacker('Troll+tag@Example.com', null)).toBe('email:troll@example.com|Troll+tag@Example.com');
    expect(attacker('unknown', 'x')).toBeNull();
  });

  it('reads a name for an attack that has no platform, and keys its spellings together', () => {
    expect(attacker('Dr. Jo  Bloggs', null)).toBe('offline:dr. jo bloggs|Dr. Jo Bloggs');
    expect(attacker('"Jean-Luc O’Neil"', null)).toBe("offline:jean-luc o'neil|Jean-Luc O’Neil");
    expect(parseAccountQuery('dr. jo bloggs')).toEqual({
      ok: true,
      value: { platform: 'offline', handle: 'dr. jo bloggs' },
    });
    expect(parseAccountQuery('name:Dr. Jo Bloggs')).toMatchObject({ value: { handle: 'dr. jo bloggs' } });
  });

  it('refuses, with a code for each, what cannot be the attacker there', () => {
    expect(attacker('myspace:tom', 'x')).toBe('attacker.platform');
    expect(attacker('https://x.com/sometroll', 'instagram')).toBe('attacker.other_platform');
    expect(attacker('x:sometroll', 'instagram')).toBe('attacker.other_platform');
    expect(attacker('@sometroll', null)).toBe('attacker.platform_missing');
    expect(attacker('Jo Bloggs', 'instagram')).toBe('attacker.name_on_platform');
    expect(attacker('https://instagram.com/p/Cx1', 'instagram')).toBe('attacker.not_in_link');
    expect(attacker('x:this_handle_is_far_too_long_for_x', 'x')).toBe('attacker.invalid');
    expect(attacker('@bad!name', 'x')).toBe('attacker.invalid');
    expect(attacker('#hashtag', null)).toBe('attacker.invalid');
  });
});

describe('where a flag happened and who the ledger names', () => {
  it('takes the account from the link, or from the member when the link has none', () => {
    expect(place('https://x.com/SomeTroll/status/1')).toMatchObject({
      attacker: { handle: 'sometroll' },
      namedBy: 'link',
    });
    expect(place('https://instagram.com/p/Cx1 hate by:@RacistGuy')).toMatchObject({
      attacker: { platform: 'instagram', handle: 'racistguy' },
      namedBy: 'member',
    });
    expect(place('https://instagram.com/p/Cx1 hate')).toMatchObject({ attacker: null, namedBy: null });
    // Naming the account the link already names changes nothing.
    expect(place('https://x.com/SomeTroll/status/1 by:x:sometroll')).toMatchObject({ namedBy: 'link' });
  });

  it('refuses a member naming someone else than the link names, on the attacker field', () => {
    expect(place('https://x.com/SomeTroll/status/1 by:@other')).toEqual({
      refused: [['by', expect.stringContaining('The link already names the account (@SomeTroll)')]],
    });
  });

  it("reads an attack with no link: the channel, a direct message's platform, the default for a complaint", () => {
    expect(place('phone by:"Jo Bloggs" they called')).toMatchObject({
      post: null,
      place: { channel: 'phone', platform: null },
      platform: 'offline',
      attacker: { platform: 'offline', handle: 'jo bloggs' },
    });
    expect(place('dm:instagram by:@someone')).toMatchObject({
      platform: 'instagram',
      place: { channel: 'dm' },
    });
    expect(place('dm by:instagram:someone')).toMatchObject({
      platform: 'instagram',
      place: { channel: 'dm', platform: 'instagram' },
    });
    expect(place('email by:troll@example.com')).toMatchObject({ platform: 'email' });
  });

  it('refuses public help for an attack with no public post, and a direct message with no platform', () => {
    expect(place('phone')).not.toHaveProperty('refused');
    const wants = flagArgs.safeParse({ url: 'phone', wants: 'replies' });
    expect(wants.success ? [] : wants.error.issues.map((i) => i.path[0])).toEqual(['wants']);
    expect(place('dm by:@someone')).toEqual({
      refused: [['channel', 'Say which platform the message came on, like dm:instagram, or dm:x.']],
    });
    const both = flagArgs.safeParse({ url: 'https://x.com/a/status/1', channel: 'phone' });
    expect(both.success ? [] : both.error.issues.map((i) => i.path[0])).toEqual(['channel']);
  });
});

describe('the key a link-less attack is deduplicated on', () => {
  const delivery = { platform: 'test', id: 'd1' };
  const keyOf = (text: string, day: string, id = 'd1') => {
    const judged = place(text);
    if ('refused' in judged) throw new Error(text);
    return incidentKey(judged, { delivery: { ...delivery, id }, day }).canonicalUrl;
  };

  it('is one incident per attacker, channel and day', () => {
    const call = keyOf('phone by:"Jo Bloggs"', '2026-11-30');
    expect(keyOf('phone by:"jo  bloggs"', '2026-11-30', 'd2')).toBe(call);
    expect(keyOf('phone by:"Jo Bloggs"', '2026-12-01')).not.toBe(call);
    expect(keyOf('letter by:"Jo Bloggs"', '2026-11-30')).not.toBe(call);
    expect(keyOf('dm:x by:@troll', '2026-11-30')).not.toBe(keyOf('dm:instagram by:@troll', '2026-11-30'));
  });

  it("is the same as flagging the sender's address, for an email", () => {
    expect(keyOf('email by:troll@example.com', '2026-11-30')).toBe(
      keyOf('troll@example.com', '2026-11-30', 'd2'),
    );
  });

  it('never merges an unknown attacker with anything', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('phone', 'complaint', 'letter', 'in-person', 'other', 'dm:x', 'email'),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        (channel, a, b) => {
          fc.pre(a !== b);
          expect(keyOf(channel, '2026-11-30', a)).not.toBe(keyOf(channel, '2026-11-30', b));
        },
      ),
    );
  });
});

describe('when it happened', () => {
  const now = new Date('2026-11-30T15:00:00Z');
  const at = (text: string, zone = 'America/Toronto') => {
    const spec = parseWhen(text);
    if (!spec.ok) return spec.error.code;
    const resolved = resolveWhen(spec.value, now, zone);
    return resolved.ok ? resolved.value.toISOString() : resolved.error.code;
  };

  it("reads a day, a day and time, today and yesterday, in the collective's zone", () => {
    expect(at('2026-11-28')).toBe('2026-11-28T05:00:00.000Z');
    expect(at('2026-11-28 14:05')).toBe('2026-11-28T19:05:00.000Z');
    expect(at('2026-11-28T14:05')).toBe('2026-11-28T19:05:00.000Z');
    expect(at('yesterday 21:30')).toBe('2026-11-30T02:30:00.000Z');
    expect(at('today')).toBe('2026-11-30T05:00:00.000Z');
  });

  it('refuses the future, the unreadable and the long ago', () => {
    expect(at('2026-11-30 11:00')).toBe('when.future');
    expect(at('2999-01-01')).toBe('when.future');
    expect(at('30/11/2026')).toBe('when.invalid');
    expect(at('2026-02-30')).toBe('when.invalid');
    expect(at('2026-11-28 25:00')).toBe('when.invalid');
    expect(at('1999-12-31')).toBe('when.too_old');
  });
});
