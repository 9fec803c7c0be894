import type { MessageKey, MessageValues } from '../i18n/translator.ts';
import type { AttackPlace } from '../incident/attack-channel.ts';
import { type TargetWants, wantsPublicAction } from '../incident/target-wants.ts';
import type { NamedBy } from '../ledger-port.ts';
import { ACCOUNT_PLATFORMS } from '../platform-names.ts';
import { type AttackerSpec, resolveAttacker } from '../post-url/parse-attacker.ts';
import { sameAccount } from '../post-url/same-account.ts';
import type { AccountRef, NormalizedPost, Platform } from '../post-url/types.ts';
import type { UserError } from '../result.ts';
import { spokenError } from '../spoken-error.ts';

/** The fields of a flag that together say where the attack happened and who did it. */
export interface PlaceInput {
  url?: { raw: string; post: NormalizedPost } | { raw: string; place: AttackPlace } | undefined;
  channel?: AttackPlace | undefined;
  by?: AttackerSpec | undefined;
  wants?: TargetWants | undefined;
}

/** Where a flagged attack happened, and who the ledger will name for it. */
export interface FlagPlace {
  /** The flagged link's post, or null for an attack with no public link. */
  post: NormalizedPost | null;
  /** For an attack with no public link: its channel (and a direct message's platform). */
  place: AttackPlace | null;
  platform: Platform;
  attacker: AccountRef | null;
  /** Whether the link itself named the attacker, or the member who flagged it. */
  namedBy: NamedBy | null;
}

export type PlaceResult = { ok: true; value: FlagPlace } | { ok: false; field: string; error: UserError };

const refuse = (field: string, key: MessageKey, values?: MessageValues): PlaceResult => ({
  ok: false,
  field,
  error: spokenError(`flag.${field}`, key, values),
});
const refuseWith = (field: string, error: UserError): PlaceResult => ({ ok: false, field, error });

/**
 * Judges a flag's link (or place), attacker and wishes together: a link or a place, never neither or both; an
 * account that could have done it there; and, without a public post, no public replies or reports asked for.
 */
export function placeOfFlag(args: PlaceInput): PlaceResult {
  const link = args.url && 'post' in args.url ? args.url.post : undefined;
  const typedPlace = args.url && 'place' in args.url ? args.url.place : undefined;
  if (args.url && args.channel) {
    return refuse('channel', link ? 'flag.place_link_and_where' : 'flag.place_twice');
  }
  if (link) return linkPlace(link, args.by);
  const channel = args.channel ?? typedPlace;
  if (!channel) {
    return refuse('url', 'flag.need_link');
  }
  if (args.wants !== undefined && wantsPublicAction(args.wants)) {
    return refuse('wants', 'flag.no_public_post', { place: channel.channel });
  }
  return linklessPlace(channel, args.by);
}

function linkPlace(post: NormalizedPost, by: AttackerSpec | undefined): PlaceResult {
  const base = { post, place: null, platform: post.platform };
  if (by === undefined) return ok({ ...base, attacker: post.account, namedBy: post.account ? 'link' : null });
  const named = resolveAttacker(by, post.platform === 'email' ? null : post.platform);
  if (!named.ok) return refuseWith('by', named.error);
  if (post.account === null) {
    return ok({ ...base, attacker: named.value, namedBy: named.value ? 'member' : null });
  }
  if (named.value && !sameAccount(named.value, post.account)) {
    return refuse('by', 'flag.link_names_account', { account: post.account.display });
  }
  return ok({ ...base, attacker: post.account, namedBy: 'link' });
}

function linklessPlace(place: AttackPlace, by: AttackerSpec | undefined): PlaceResult {
  if (place.channel === 'dm') {
    const named = resolveAttacker(by ?? { kind: 'unknown' }, place.platform);
    if (!named.ok) {
      const needsPlatform = named.error.code === 'attacker.platform_missing' && place.platform === null;
      return needsPlatform ? refuse('channel', 'flag.dm_platform_missing') : refuseWith('by', named.error);
    }
    const platform = place.platform ?? dmPlatform(named.value);
    if (platform === null) {
      return refuse('channel', 'flag.dm_platform_or_sender');
    }
    return ok({
      post: null,
      place: { channel: 'dm', platform },
      platform,
      attacker: named.value,
      namedBy: named.value ? 'member' : null,
    });
  }
  const named = resolveAttacker(by ?? { kind: 'unknown' }, null);
  if (!named.ok) return refuseWith('by', named.error);
  return ok({
    post: null,
    place: { channel: place.channel, platform: null },
    platform: place.channel === 'email' ? 'email' : 'offline',
    attacker: named.value,
    namedBy: named.value ? 'member' : null,
  });
}

/** A direct message's platform, read from the sender's account when the member named one. */
function dmPlatform(account: AccountRef | null): Platform | null {
  return account !== null && ACCOUNT_PLATFORMS.includes(account.platform) ? account.platform : null;
}

function ok(value: FlagPlace): PlaceResult {
  return { ok: true, value };
}
